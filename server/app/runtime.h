#pragma once

#include "server/core/config.h"
#include "server/db/database.h"
#include "server/events/dispatcher.h"
#include "server/gateway/gateway.h"
#include "server/http/router.h"
#include "server/http/server.h"
#include "server/http/service_auth.h"
#include "server/notify/notifier.h"
#include "server/orders/orders_service.h"
#include "server/payments/payment_provider.h"
#include "server/payments/payments_service.h"
#include "server/stock/catalog_service.h"
#include "server/stock/inventory_service.h"
#include "server/stock/warehouse_service.h"
#include "server/sync/change_feed.h"
#include "server/sync/sync_service.h"
#include "server/users/auth_service.h"
#include "server/users/users_service.h"

#include <memory>

namespace Poco {
class ProcessHandle;
}

namespace tosserp {

/// The running server: one database per domain under the data directory (migrated on
/// open), the services over them, the routes, and the HTTP listener. With `service` set to
/// one domain it runs that domain alone (a split deployment), with "gateway" the front door. Tests create one on
/// port 0 in-process; `tosserp-server` creates one from its configuration.
class Runtime {
public:
    /// Creates the data directory if needed and opens and migrates every domain database.
    /// Throws on failure (unwritable directory, newer schema, corrupt file).
    explicit Runtime(ServerConfig config);
    ~Runtime();

    /// Starts listening; returns at once.
    void start();
    /// Stops accepting, finishes the requests in flight, and closes.
    void stop();
    std::uint16_t port() const;
    const ServerConfig& config() const { return m_config; }

    stock::CatalogService& catalog() { return *m_catalog; }
    stock::WarehouseService& warehouses() { return *m_warehouses; }
    stock::InventoryService& inventory() { return *m_inventory; }
    users::UserService& users() { return *m_users; }
    users::AuthService& auth() { return *m_auth; }
    syncserver::SyncService& sync() { return *m_sync; }
    orders::OrdersService& orders() { return *m_orders; }
    payments::PaymentsService& payments() { return *m_payments; }
    events::EventDispatcher& dispatcher() { return m_dispatcher; }
    /// The password of the `admin` user when this start created it with a random one (to be
    /// shown once); nullopt otherwise.
    const std::optional<std::string>& generatedAdminPassword() const { return m_generatedAdminPassword; }
    db::Database& stockDatabase() { return *m_stockDb; }
    db::Database& ordersDatabase() { return *m_ordersDb; }
    db::Database& paymentsDatabase() { return *m_paymentsDb; }
    const http::Router& router() const { return m_router; }

private:
    void registerSystemRoutes();
    void registerCredentialCheck();
    /// The domain databases this process keeps ("stock", "users", "orders", "payments").
    std::vector<std::pair<std::string, db::Database*>> localDatabases() const;
    void startPaymentProvider();
    void subscribeConsumers();

    ServerConfig m_config;
    std::unique_ptr<db::Database> m_stockDb;
    std::unique_ptr<stock::CatalogService> m_catalog;
    std::unique_ptr<stock::WarehouseService> m_warehouses;
    std::unique_ptr<stock::InventoryService> m_inventory;
    std::unique_ptr<db::Database> m_usersDb;
    std::unique_ptr<security::PasswordHasher> m_hasher;
    std::unique_ptr<security::SigningKey> m_signingKey;
    std::unique_ptr<users::UserService> m_users;
    std::unique_ptr<users::AuthService> m_auth;
    std::optional<std::string> m_generatedAdminPassword;
    syncserver::ChangeFeed m_feed;
    std::unique_ptr<syncserver::SyncService> m_sync;
    std::unique_ptr<db::Database> m_ordersDb;
    std::unique_ptr<db::Database> m_paymentsDb;
    std::unique_ptr<orders::OrdersService> m_orders;
    /// Ends the simulated provider with the runtime, also when the constructor fails later on.
    struct StopProcess {
        void operator()(Poco::ProcessHandle* handle) const;
    };
    /// The simulated provider this server started (none when one is configured).
    std::unique_ptr<Poco::ProcessHandle, StopProcess> m_simulator;
    std::unique_ptr<payments::PaymentProvider> m_provider;
    std::unique_ptr<payments::PaymentsService> m_payments;
    std::unique_ptr<db::Database> m_notifyDb;
    std::unique_ptr<notify::Notifier> m_notifier;
    std::unique_ptr<events::JetStream> m_jetStream; ///< with nats_url
    std::unique_ptr<events::EventRelay> m_relay;
    events::EventDispatcher m_dispatcher;
    std::unique_ptr<gateway::Gateway> m_gateway; ///< service "gateway"
    std::unique_ptr<http::ServiceAuthenticator> m_serviceAuth; ///< one service of a split deployment
    http::Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
};

/// `tosserp-server replay`: opens the data directory's databases (migrating them), rebuilds the
/// projections of `domain` (stock, orders, payments or all) from their events, compares and,
/// unless `dryRun`, fixes them. Throws std::invalid_argument for an unknown domain.
std::vector<events::ReplayReport> replayProjections(const ServerConfig& config, const std::string& domain, bool dryRun);

/// The OpenAPI 3 document served at /api/openapi.json (embedded at build time).
const std::string& openApiDocument();

} // namespace tosserp
