#include "server/app/runtime.h"

#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/core/page.h"
#include "server/http/api.h"
#include "server/stock/stock_api.h"
#include "server/stock/stock_schema.h"

#include <filesystem>

namespace tosserp {

using namespace tosserp::http;

namespace {

std::unique_ptr<db::Database> openDomain(
    const std::filesystem::path& dir, const std::string& domain, const std::vector<db::Migration>& migrations)
{
    auto database = std::make_unique<db::Database>((dir / (domain + ".db")).string());
    const int applied = database->migrate(migrations);
    if (applied > 0) {
        log::info("migrated", { { "domain", domain }, { "applied", applied }, { "path", database->path() } });
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
    m_stockDb = openDomain(m_config.dataDir, "stock", stock::stockMigrations());
    m_catalog = std::make_unique<stock::CatalogService>(*m_stockDb);
    m_warehouses = std::make_unique<stock::WarehouseService>(*m_stockDb);
    m_inventory
        = std::make_unique<stock::InventoryService>(*m_stockDb, stock::StockPolicy { m_config.allowNegativeStock });
    registerSystemRoutes();
    stock::registerCatalogRoutes(m_router, *m_catalog, *m_inventory);
    stock::registerInventoryRoutes(m_router, *m_warehouses, *m_inventory);
}

Runtime::~Runtime()
{
    stop();
}

void Runtime::registerSystemRoutes()
{
    m_router.add("GET", "/health/live", [](Request&) { return Response::json(200, { { "status", "ok" } }); });
    m_router.add("GET", "/health/ready", [this](Request&) {
        try {
            m_stockDb->read([](db::Connection& c) { return events::EventStore::lastPosition(c); });
        } catch (const std::exception& e) {
            log::warn("not ready", { { "error", e.what() } });
            return Response::json(503, { { "status", "unavailable" }, { "checks", { { "stock_db", "failing" } } } });
        }
        return Response::json(200, { { "status", "ok" }, { "checks", { { "stock_db", "ok" } } } });
    });
    m_router.add("GET", "/metrics", [](Request&) {
        Response r;
        r.contentType = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics().render();
        return r;
    });
    m_router.add("GET", "/api/openapi.json", [](Request&) {
        Response r;
        r.body = openApiDocument();
        return r;
    });
    m_router.add("GET", "/api/v1/events", [this](Request& r) { return listEvents(*m_stockDb, r); });
}

void Runtime::start()
{
    HttpServerOptions options;
    options.host = m_config.host;
    options.port = m_config.port;
    options.maxThreads = m_config.threads;
    options.maxBodyBytes = m_config.maxBodyBytes;
    options.accessLog = m_config.accessLog;
    m_http = std::make_unique<HttpServer>(m_router, options);
    m_http->start();
}

void Runtime::stop()
{
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
