#include "server/app/runtime.h"

#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/core/page.h"
#include "server/events/event_store.h"
#include "server/http/api.h"
#include "server/http/service_auth.h"
#include "server/orders/orders_api.h"
#include "server/orders/orders_schema.h"
#include "server/payments/payments_api.h"
#include "server/payments/payments_schema.h"
#include "server/stock/stock_api.h"
#include "server/stock/stock_replay.h"
#include "server/stock/stock_schema.h"
#include "server/sync/sync_api.h"
#include "server/users/users_api.h"
#include "server/users/users_schema.h"
#include "sync/protocol.h"

#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <filesystem>

namespace tosserp {

using namespace tosserp::http;

namespace {

/// Opens a domain's database where `config` keeps it, and migrates it.
std::unique_ptr<db::Database> openDomain(
    const ServerConfig& config, const std::string& domain, const std::vector<db::Migration>& migrations)
{
    auto database = std::make_unique<db::Database>(config.databaseLocation(domain));
    const int applied = database->migrate(migrations);
    if (applied > 0) {
        log::info("migrated",
            { { "domain", domain }, { "applied", applied },
                { "database", db::isPostgres(database->path()) ? std::string("PostgreSQL") : database->path() } });
    }
    return database;
}

Response listEvents(db::Database& database, Request& request)
{
    events::EventFilter filter;
    filter.streamId = request.queryParam("stream_id");
    filter.type = request.queryParam("type");
    filter.actor = request.queryParam("actor");
    for (const auto& [name, target] : { std::pair { "from", &filter.fromMs }, std::pair { "to", &filter.toMs } }) {
        if (const auto text = request.queryParam(name)) {
            std::int64_t ms = 0;
            if (!parseIsoTime(*text, ms)) {
                throw ApiError(400, "invalid_query",
                    std::string(name) + " must be a UTC time such as 2026-01-31T12:00:00Z.",
                    { { name, "invalid_time", "Expected ISO 8601 UTC." } });
            }
            *target = ms;
        }
    }
    const int limit = pageLimit(request, 100, 1000);
    filter.limit = limit + 1;
    filter.afterPosition = cursorKey(request);
    auto records = database.read([&](db::Connection& c) { return events::EventStore::list(c, filter); });
    std::optional<std::string> next;
    if (static_cast<int>(records.size()) > limit) {
        records.pop_back();
        next = encodeCursor(records.back().position);
    }
    auto items = nlohmann::json::array();
    for (const auto& record : records) {
        items.push_back(events::EventStore::toJson(record));
    }
    return Response::json(200, pageJson(std::move(items), next));
}

} // namespace

Runtime::Runtime(ServerConfig config)
    : m_config(std::move(config))
{
    std::filesystem::create_directories(m_config.dataDir);
    const bool all = m_config.service == "all";
    const auto runs = [&](const char* service) { return all || m_config.service == service; };
    if (m_config.service == "gateway") {
        gateway::GatewayOptions options;
        options.serviceKey = m_config.serviceKey;
        options.serviceUrls = { { "stock", m_config.stockUrl }, { "users", m_config.usersUrl },
            { "orders", m_config.ordersUrl }, { "payments", m_config.paymentsUrl } };
        m_gateway = std::make_unique<gateway::Gateway>(options);
        registerSystemRoutes();
        m_gateway->registerRoutes(m_router, openApiDocument());
        if (m_config.publicCatalog) {
            m_router.reassignReads(std::string(domain::permission::kCatalogRead), access::kPublic);
        }
        return;
    }
    if (runs("stock")) {
        m_stockDb = openDomain(m_config, "stock", stock::stockMigrations());
        m_catalog = std::make_unique<stock::CatalogService>(*m_stockDb);
        m_warehouses = std::make_unique<stock::WarehouseService>(*m_stockDb);
        stock::StockPolicy policy;
        policy.allowNegativeStock = m_config.allowNegativeStock;
        policy.adjustLimitMilli = m_config.adjustLimit * 1000;
        m_inventory = std::make_unique<stock::InventoryService>(*m_stockDb, policy);
        m_sync = std::make_unique<syncserver::SyncService>(*m_stockDb, *m_catalog, *m_inventory);
    }
    if (runs("users")) {
        m_usersDb = openDomain(m_config, "users", users::usersMigrations());
        m_hasher = std::make_unique<security::PasswordHasher>(security::Argon2Params {}, m_config.hashSlots);
        const auto keyFile = m_config.tokenKeyFile.empty()
            ? (std::filesystem::path(m_config.dataDir) / "keys" / "token-signing.pem").string()
            : m_config.tokenKeyFile;
        m_signingKey = std::make_unique<security::SigningKey>(security::SigningKey::loadOrCreate(keyFile));
        m_users = std::make_unique<users::UserService>(*m_usersDb, *m_hasher);
        m_users->ensureBuiltInRoles();
        const auto created = m_users->bootstrapAdmin(m_config.adminPassword);
        if (created && m_config.adminPassword.empty()) {
            m_generatedAdminPassword = created;
        }
        m_auth = std::make_unique<users::AuthService>(*m_usersDb, *m_users, *m_hasher, *m_signingKey);
        m_auth->setCacheEnabled(m_config.tokenCache);
    }
    if (runs("orders")) {
        m_ordersDb = openDomain(m_config, "orders", orders::ordersMigrations());
        m_orders = std::make_unique<orders::OrdersService>(*m_ordersDb);
    }
    if (runs("payments")) {
        m_paymentsDb = openDomain(m_config, "payments", payments::paymentsMigrations());
        startPaymentProvider();
        m_payments = std::make_unique<payments::PaymentsService>(
            *m_paymentsDb, *m_provider, std::chrono::seconds(m_config.paymentTimeoutSeconds));
    }
    if (m_inventory || m_orders) {
        // The notifier reads stock levels and orders where they are kept: in one process both;
        // split, the Stock service alerts about stock and the Orders service mails about orders.
        m_notifyDb = openDomain(m_config, "notifications", notify::notifyMigrations());
        notify::NotifierOptions notifyOptions;
        notifyOptions.smtpHost = m_config.smtpHost;
        notifyOptions.smtpPort = m_config.smtpPort;
        notifyOptions.from = m_config.smtpFrom;
        notifyOptions.staff = m_config.notifyStaff;
        notifyOptions.templateDir = m_config.notifyTemplates;
        m_notifier = std::make_unique<notify::Notifier>(*m_notifyDb, m_inventory.get(), m_orders.get(), notifyOptions);
    }
    subscribeConsumers();
    if (m_stockDb) {
        // Each commit's event position is read once here, not once per connected live channel.
        m_feed.publish(m_stockDb->read([](db::Connection& c) { return events::EventStore::lastPosition(c); }));
        m_stockDb->onCommit([this](db::Connection& c) { m_feed.publish(events::EventStore::lastPosition(c)); });
    }
    registerSystemRoutes();
    if (m_stockDb) {
        stock::registerCatalogRoutes(m_router, *m_catalog, *m_inventory);
        stock::registerInventoryRoutes(m_router, *m_warehouses, *m_inventory);
        syncserver::registerSyncRoutes(m_router, *m_sync, m_feed);
    }
    if (m_usersDb) {
        users::registerAuthRoutes(m_router, *m_auth, *m_users);
        users::registerUserRoutes(m_router, *m_users);
    }
    if (m_ordersDb) {
        orders::registerOrderRoutes(m_router, *m_orders);
    }
    if (m_paymentsDb) {
        payments::registerPaymentRoutes(m_router, *m_payments);
    }
    if (m_config.publicCatalog) {
        m_router.reassignReads(std::string(domain::permission::kCatalogRead), access::kPublic);
    }
    if (!all) {
        m_serviceAuth = std::make_unique<http::ServiceAuthenticator>(m_config.serviceKey);
        if (m_auth) {
            registerCredentialCheck();
        }
    }
}

void Runtime::registerCredentialCheck()
{
    // The gateway asks here who a caller's credentials belong to, once per credential (it
    // keeps the answer briefly). Only the deployment's own processes may ask.
    m_router.add("POST", "/internal/v1/authenticate", access::kPublic, [this](Request& r) {
        if (!m_serviceAuth->fromDeployment(r)) {
            throw ApiError(401, "invalid_service_key", "Only the deployment's gateway may check credentials here.");
        }
        const auto principal = m_auth->authenticate(r);
        if (!principal) {
            return Response::noContent();
        }
        return Response::json(200, http::principalToJson(*principal));
    });
}

Runtime::~Runtime()
{
    stop();
}

void Runtime::StopProcess::operator()(Poco::ProcessHandle* handle) const
{
    try {
        Poco::Process::requestTermination(handle->id());
        handle->wait();
    } catch (const Poco::Exception& e) {
        log::warn("stopping the simulated payment provider failed", { { "error", e.displayText() } });
    }
    delete handle;
}

void Runtime::startPaymentProvider()
{
    payments::ProviderOptions options;
    options.baseUrl = m_config.paymentProvider;
    if (options.baseUrl.empty()) {
        auto program = m_config.paymentSimulator;
        if (program.empty()) {
            std::error_code error;
            const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
            program = (self.parent_path() / "tosserp-payment-sim").string();
        }
        if (!std::filesystem::exists(program)) {
            throw std::runtime_error("no payment provider: set payment_provider to its URL, or install the simulated "
                                     "provider at "
                + program);
        }
        Poco::Pipe output;
        m_simulator.reset(new Poco::ProcessHandle(Poco::Process::launch(program,
            { "--listen", "127.0.0.1:0", "--parent-pid", std::to_string(Poco::Process::id()) }, nullptr, &output,
            nullptr)));
        Poco::PipeInputStream in(output);
        std::string line;
        std::getline(in, line);
        const std::string prefix = "listening on ";
        if (line.rfind(prefix, 0) != 0) {
            throw std::runtime_error("the simulated payment provider " + program + " did not start");
        }
        options.baseUrl = line.substr(prefix.size());
        log::info("simulated payment provider started", { { "url", options.baseUrl }, { "program", program } });
    }
    m_provider = std::make_unique<payments::PaymentProvider>(options);
}

void Runtime::subscribeConsumers()
{
    using Record = events::EventRecord;
    if (m_orders) {
        m_dispatcher.subscribe({ orders::OrdersService::kStockConsumer, m_stockDb.get(), "stock", m_ordersDb.get(),
            orders::OrdersService::stockEventTypes(), [this](const Record& e) { m_orders->onStockEvent(e); } });
        m_dispatcher.subscribe(
            { orders::OrdersService::kPaymentsConsumer, m_paymentsDb.get(), "payments", m_ordersDb.get(),
                orders::OrdersService::paymentEventTypes(), [this](const Record& e) { m_orders->onPaymentEvent(e); } });
    }
    if (m_inventory) {
        m_dispatcher.subscribe({ stock::InventoryService::kOrdersConsumer, m_ordersDb.get(), "orders", m_stockDb.get(),
            stock::InventoryService::orderEventTypes(), [this](const Record& e) { m_inventory->onOrderEvent(e); } });
    }
    if (m_payments) {
        m_dispatcher.subscribe({ payments::PaymentsService::kOrdersConsumer, m_ordersDb.get(), "orders",
            m_paymentsDb.get(), payments::PaymentsService::orderEventTypes(),
            [this](const Record& e) { m_payments->onOrderEvent(e); } });
    }
    if (m_notifier) {
        const std::tuple<const char*, db::Database*, const char*, const std::vector<std::string>*> notifications[]
            = { { "notify.stock", m_stockDb.get(), "stock", &notify::Notifier::stockEventTypes() },
                  { "notify.orders", m_ordersDb.get(), "orders", &notify::Notifier::orderEventTypes() },
                  { "notify.payments", m_paymentsDb.get(), "payments", &notify::Notifier::paymentEventTypes() } };
        for (const auto& [name, source, domain, types] : notifications) {
            const bool served = std::string_view(domain) == "stock" ? m_inventory != nullptr : m_orders != nullptr;
            if (!served) {
                continue;
            }
            m_dispatcher.subscribe({ name, source, domain, m_notifyDb.get(), *types,
                [this, consumer = name](const Record& e) { m_notifier->onEvent(consumer, e); } });
        }
    }
    const auto local = localDatabases();
    if (!m_config.natsUrl.empty()) {
        // Events cross through JetStream: the relay publishes each domain's commits, the
        // consumers read the streams (in a split deployment, other processes' too).
        m_jetStream = std::make_unique<events::JetStream>(m_config.natsUrl);
        m_dispatcher.useJetStream(*m_jetStream);
        std::vector<events::EventRelay::Source> sources;
        for (const auto& [domain, database] : local) {
            sources.push_back({ domain, database });
        }
        m_relay = std::make_unique<events::EventRelay>(*m_jetStream, sources);
        for (const auto& [domain, database] : local) {
            database->onCommit([this](db::Connection&) { m_relay->notify(); });
        }
        return;
    }
    for (const auto& [domain, database] : local) {
        if (domain != "users") {
            database->onCommit([this](db::Connection&) { m_dispatcher.notify(); });
        }
    }
}

std::vector<std::pair<std::string, db::Database*>> Runtime::localDatabases() const
{
    std::vector<std::pair<std::string, db::Database*>> databases;
    for (const auto& [domain, database] :
        { std::pair { "stock", m_stockDb.get() }, std::pair { "users", m_usersDb.get() },
            std::pair { "orders", m_ordersDb.get() }, std::pair { "payments", m_paymentsDb.get() } }) {
        if (database != nullptr) {
            databases.emplace_back(domain, database);
        }
    }
    return databases;
}

std::vector<events::ReplayReport> replayProjections(const ServerConfig& config, const std::string& domain, bool dryRun)
{
    if (domain != "stock" && domain != "orders" && domain != "payments" && domain != "all") {
        throw std::invalid_argument("--domain is stock, orders, payments or all, not \"" + domain + "\"");
    }
    // Only databases that are there: an empty one made here would make replay "fix" the
    // projections built from it (the Orders catalog from no Stock events) by emptying them.
    const auto present = [&](const std::string& name, const std::string& location) {
        return !location.empty() || std::filesystem::exists(config.databaseLocation(name));
    };
    const bool all = domain == "all";
    const bool withStock = (all || domain == "stock") && present("stock", config.stockDatabase);
    const bool withOrders = (all || domain == "orders") && present("orders", config.ordersDatabase);
    const bool withPayments = (all || domain == "payments") && present("payments", config.paymentsDatabase);
    if (!all && !withStock && !withOrders && !withPayments) {
        throw std::invalid_argument(config.dataDir + " holds no " + domain + ".db to replay");
    }
    if (all && !withStock && !withOrders && !withPayments) {
        throw std::invalid_argument(config.dataDir + " holds no TossErp database (stock.db, orders.db, payments.db)");
    }
    if (withOrders && !present("stock", config.stockDatabase)) {
        throw std::invalid_argument("the Orders catalog copy is rebuilt from the Stock domain's events, and "
            + config.dataDir
            + " holds no stock.db (a split deployment's service keeps only its own domain): replay --domain "
              "orders where both databases are");
    }
    std::vector<events::ReplayReport> reports;
    std::unique_ptr<db::Database> stockDb;
    if (withStock || withOrders) {
        stockDb = openDomain(config, "stock", stock::stockMigrations());
    }
    if (withStock) {
        reports.push_back(stock::replayStockLevels(*stockDb, dryRun));
    }
    if (withOrders) {
        const auto ordersDb = openDomain(config, "orders", orders::ordersMigrations());
        for (auto& report : orders::OrdersService(*ordersDb).replay(*stockDb, dryRun)) {
            reports.push_back(std::move(report));
        }
    }
    if (withPayments) {
        const auto paymentsDb = openDomain(config, "payments", payments::paymentsMigrations());
        reports.push_back(payments::replayPayments(*paymentsDb, dryRun));
    }
    return reports;
}

void Runtime::registerSystemRoutes()
{
    m_router.add("GET", "/health/live", access::kPublic, [](Request&) {
        return Response::json(200,
            { { "status", "ok" }, { "version", TOSSERP_VERSION }, { "protocol_version", sync::kProtocolVersion } });
    });
    m_router.add("GET", "/health/ready", access::kPublic, [this](Request&) {
        if (m_gateway) {
            auto checks = m_gateway->readiness();
            bool ready = true;
            for (const auto& [name, check] : checks.items()) {
                ready = ready && check["status"] == "ok";
            }
            return Response::json(
                ready ? 200 : 503, { { "status", ready ? "ok" : "unavailable" }, { "checks", std::move(checks) } });
        }
        nlohmann::json checks = nlohmann::json::object();
        try {
            for (const auto& [domain, database] : localDatabases()) {
                database->read([](db::Connection& c) { return events::EventStore::lastPosition(c); });
                checks[domain + "_db"] = "ok";
            }
        } catch (const std::exception& e) {
            log::warn("not ready", { { "error", e.what() } });
            return Response::json(503, { { "status", "unavailable" }, { "checks", { { "databases", "failing" } } } });
        }
        if (m_provider) {
            checks["payment_provider"] = circuitStateName(m_provider->breaker().state());
        }
        return Response::json(200, { { "status", "ok" }, { "checks", std::move(checks) } });
    });
    m_router.add("GET", "/metrics", access::kPublic, [](Request&) {
        Response r;
        r.contentType = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics().render();
        return r;
    });
    m_router.add("GET", "/api/openapi.json", access::kPublic, [](Request&) {
        Response r;
        r.body = openApiDocument();
        return r;
    });
    if (m_gateway) {
        return; // the gateway passes the events on from the service that keeps them
    }
    m_router.add("GET", "/api/v1/events", std::string(domain::permission::kAuditRead), [this](Request& r) {
        const auto domainName = r.queryParam("domain").value_or("stock");
        for (const auto& [name, database] : localDatabases()) {
            if (domainName == name) {
                return listEvents(*database, r);
            }
        }
        throw ApiError(400, "invalid_query", "domain is stock, users, orders or payments.",
            { { "domain", "invalid_value", "Expected stock, users, orders or payments." } });
    });
}

void Runtime::start()
{
    HttpServerOptions options;
    options.host = m_config.host;
    options.port = m_config.port;
    options.maxThreads = m_config.threads;
    options.maxBodyBytes = m_config.maxBodyBytes;
    options.accessLog = m_config.accessLog;
    options.tlsCertificate = m_config.tlsCert;
    options.tlsKey = m_config.tlsKey;
    Authenticator* authenticator = m_gateway ? static_cast<Authenticator*>(m_gateway.get())
        : m_serviceAuth                      ? static_cast<Authenticator*>(m_serviceAuth.get())
                                             : static_cast<Authenticator*>(m_auth.get());
    m_http = std::make_unique<HttpServer>(m_router, authenticator, options);
    m_http->start();
    if (m_relay) {
        m_relay->start();
    }
    m_dispatcher.start();
    if (m_notifier) {
        m_notifier->start();
    }
}

void Runtime::stop()
{
    m_feed.close(); // live channels end, so their connections let the server stop
    if (m_gateway) {
        m_gateway->close();
    }
    m_dispatcher.stop();
    if (m_relay) {
        m_relay->stop();
    }
    if (m_notifier) {
        m_notifier->stop();
    }
    if (m_http) {
        m_http->stop();
        m_http.reset();
    }
}

std::uint16_t Runtime::port() const
{
    return m_http ? m_http->port() : 0;
}

} // namespace tosserp
