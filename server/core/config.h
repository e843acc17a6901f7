#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Util {
class AbstractConfiguration;
}

namespace tosserp {

/// Everything the server can be told. Each key can come from (lowest to highest precedence)
/// the built-in default, the --config file (INI or .properties: `listen = 0.0.0.0:8080`),
/// the environment (`TOSSERP_` + the key upper-cased: TOSSERP_DATA_DIR) and the command line.
struct ServerConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string dataDir = "data";
    int threads = 128;
    std::size_t maxBodyBytes = 1024 * 1024;
    std::string logLevel = "info";
    bool accessLog = true;
    bool allowNegativeStock = false;
    /// Seed a small demo company into a data directory that holds no products yet.
    bool demo = false;
    /// The password of the `admin` user created on a fresh data directory; empty: a random
    /// one, printed once.
    std::string adminPassword;
    /// HTTPS: a PEM certificate chain and its private key (both or neither).
    std::string tlsCert;
    std::string tlsKey;
    /// The RS256 key that signs access tokens; created on first start when missing.
    /// Default: DATA_DIR/keys/token-signing.pem.
    std::string tokenKeyFile;
    /// Adjustments above this many units need the stock.adjust.large permission.
    long long adjustLimit = 100;
    /// Password hashes computed at once (each takes 19 MiB and tens of milliseconds).
    int hashSlots = 2;
    /// Serve verified access tokens from a short-lived cache (off: verify every signature).
    bool tokenCache = true;
    /// Publish the catalog (products and categories, read only) without sign-in, e.g. for a
    /// web shop. Off by default: every route needs credentials unless it is public by nature.
    bool publicCatalog = false;
    /// The payment provider's base URL. Empty: start the simulated provider
    /// (`paymentSimulator`) as a child process and use it.
    std::string paymentProvider;
    /// The simulated provider's program. Empty: tosserp-payment-sim beside this program.
    std::string paymentSimulator;
    /// A payment whose provider stays unavailable this long fails (and its order is
    /// cancelled) instead of waiting for ever.
    long long paymentTimeoutSeconds = 600;
    /// E-mail notifications: the SMTP server (empty: notifications wait in the outbox), its
    /// port, the sender, the staff who hear about low stock and failed payments (comma
    /// separated), and a directory of templates overriding the built-in texts.
    std::string smtpHost;
    std::uint16_t smtpPort = 25;
    std::string smtpFrom = "tosserp@localhost";
    std::vector<std::string> notifyStaff;
    std::string notifyTemplates;
    /// NATS servers with JetStream (nats://host:port, comma separated). Empty: events go from
    /// domain to domain inside this process. Set: a relay publishes every domain's committed
    /// events to its JetStream stream and the consumers read them from there.
    std::string natsUrl;
    /// A domain's database on PostgreSQL instead of a SQLite file in the data directory: a
    /// libpq connection string (`postgresql://user@host/tosserp_payments`, or
    /// `host=… dbname=…`). Empty: SQLite.
    std::string stockDatabase;
    std::string usersDatabase;
    std::string ordersDatabase;
    std::string paymentsDatabase;
    /// Which part of the server this process runs: "all" (every domain in one process, the
    /// default), or one of a split deployment: "gateway" (the API's front door, no data of its
    /// own), "stock", "users", "orders" or "payments" (one domain on its own database).
    std::string service = "all";
    /// The secret the gateway and the services of a split deployment present to each other
    /// (at least 32 characters, the same on every process of the deployment).
    std::string serviceKey;
    /// The gateway's services: their base URLs (http://HOST:PORT).
    std::string stockUrl;
    std::string usersUrl;
    std::string ordersUrl;
    std::string paymentsUrl;

    /// Each domain's database setting, by domain name ("stock", "users", "orders", "payments").
    std::vector<std::pair<std::string, std::string*>> databases();
    /// Where `domain` ("stock", …, "notifications") keeps its data: the PostgreSQL connection
    /// string its `…_database` setting names, or else its SQLite file in data_dir.
    std::string databaseLocation(const std::string& domain) const;
    std::vector<std::pair<std::string, const std::string*>> databases() const;
    /// The values `service` may take.
    static const std::vector<std::string>& services();
    /// The configuration keys, as written in a config file.
    static const std::vector<std::string>& keys();
    /// Reads the keys from `source`; throws std::invalid_argument naming the key and the
    /// expected form when a value is malformed.
    static ServerConfig from(const Poco::Util::AbstractConfiguration& source);
};

/// Splits "HOST:PORT" ("[::1]:8080" for IPv6); throws std::invalid_argument when malformed.
void parseListen(const std::string& text, std::string& host, std::uint16_t& port);

} // namespace tosserp
