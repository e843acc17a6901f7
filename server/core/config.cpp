#include "server/core/config.h"

#include "server/core/log.h"
#include "server/db/database.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace tosserp {

namespace {

long long integer(const Poco::Util::AbstractConfiguration& source, const std::string& key, long long fallback,
    long long min, long long max)
{
    if (!source.has(key)) {
        return fallback;
    }
    const auto text = source.getString(key);
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
        throw std::invalid_argument(key + " must be a whole number from " + std::to_string(min) + " to "
            + std::to_string(max) + ", not \"" + text + "\"");
    }
    return value;
}

bool boolean(const Poco::Util::AbstractConfiguration& source, const std::string& key, bool fallback)
{
    if (!source.has(key)) {
        return fallback;
    }
    const auto text = source.getString(key);
    if (text == "true" || text == "1" || text == "yes" || text == "on") {
        return true;
    }
    if (text == "false" || text == "0" || text == "no" || text == "off") {
        return false;
    }
    throw std::invalid_argument(key + " must be true or false, not \"" + text + "\"");
}

} // namespace

const std::vector<std::string>& ServerConfig::keys()
{
    static const std::vector<std::string> names = { "listen", "data_dir", "threads", "max_body_bytes", "log_level",
        "access_log", "allow_negative_stock", "demo", "admin_password", "tls_cert", "tls_key", "token_key_file",
        "adjust_limit", "hash_slots", "token_cache", "public_catalog", "payment_provider", "payment_simulator",
        "payment_timeout", "smtp_host", "smtp_port", "smtp_from", "notify_staff", "notify_templates", "nats_url",
        "service", "service_key", "stock_url", "users_url", "orders_url", "payments_url", "stock_database",
        "users_database", "orders_database", "payments_database" };
    return names;
}

namespace {

/// The four per-domain database settings of `config` (const or not), listed once.
template <class Config> auto databaseSettings(Config& config)
{
    using Setting = decltype(&config.stockDatabase);
    return std::vector<std::pair<std::string, Setting>> { { "stock", &config.stockDatabase },
        { "users", &config.usersDatabase }, { "orders", &config.ordersDatabase },
        { "payments", &config.paymentsDatabase } };
}

} // namespace

std::vector<std::pair<std::string, std::string*>> ServerConfig::databases()
{
    return databaseSettings(*this);
}

std::vector<std::pair<std::string, const std::string*>> ServerConfig::databases() const
{
    return databaseSettings(*this);
}

std::string ServerConfig::databaseLocation(const std::string& domain) const
{
    for (const auto& [name, location] : databases()) {
        if (name == domain && !location->empty()) {
            return *location;
        }
    }
    return (std::filesystem::path(dataDir) / (domain + ".db")).string();
}

const std::vector<std::string>& ServerConfig::services()
{
    static const std::vector<std::string> names = { "all", "gateway", "stock", "users", "orders", "payments" };
    return names;
}

void parseListen(const std::string& text, std::string& host, std::uint16_t& port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        throw std::invalid_argument("listen must be HOST:PORT (for example 127.0.0.1:8080), not \"" + text + "\"");
    }
    std::string h = text.substr(0, colon);
    if (h.size() > 2 && h.front() == '[' && h.back() == ']') {
        h = h.substr(1, h.size() - 2);
    }
    unsigned value = 0;
    const auto portText = std::string_view(text).substr(colon + 1);
    const auto [ptr, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
    if (ec != std::errc() || ptr != portText.data() + portText.size() || value > 65535) {
        throw std::invalid_argument("the port in listen must be 0 to 65535, not \"" + std::string(portText) + "\"");
    }
    host = h;
    port = static_cast<std::uint16_t>(value);
}

ServerConfig ServerConfig::from(const Poco::Util::AbstractConfiguration& source)
{
    ServerConfig config;
    if (source.has("listen")) {
        parseListen(source.getString("listen"), config.host, config.port);
    }
    if (source.has("data_dir")) {
        config.dataDir = source.getString("data_dir");
        if (config.dataDir.empty()) {
            throw std::invalid_argument("data_dir must name a directory");
        }
    }
    config.threads = static_cast<int>(integer(source, "threads", config.threads, 2, 4096));
    config.maxBodyBytes = static_cast<std::size_t>(
        integer(source, "max_body_bytes", static_cast<long long>(config.maxBodyBytes), 1024, 1LL << 30));
    if (source.has("log_level")) {
        config.logLevel = source.getString("log_level");
        log::Level level;
        if (!log::parseLevel(config.logLevel, level)) {
            throw std::invalid_argument(
                "log_level must be debug, info, warn or error, not \"" + config.logLevel + "\"");
        }
    }
    config.accessLog = boolean(source, "access_log", config.accessLog);
    config.allowNegativeStock = boolean(source, "allow_negative_stock", config.allowNegativeStock);
    config.demo = boolean(source, "demo", config.demo);
    config.adminPassword = source.getString("admin_password", "");
    config.tlsCert = source.getString("tls_cert", "");
    config.tlsKey = source.getString("tls_key", "");
    if (config.tlsCert.empty() != config.tlsKey.empty()) {
        throw std::invalid_argument("tls_cert and tls_key go together: give both for HTTPS, or neither");
    }
    config.tokenKeyFile = source.getString("token_key_file", "");
    config.adjustLimit = integer(source, "adjust_limit", config.adjustLimit, 0, 1'000'000'000);
    config.hashSlots = static_cast<int>(integer(source, "hash_slots", config.hashSlots, 1, 64));
    config.tokenCache = boolean(source, "token_cache", config.tokenCache);
    config.publicCatalog = boolean(source, "public_catalog", config.publicCatalog);
    config.paymentProvider = source.getString("payment_provider", "");
    if (!config.paymentProvider.empty() && config.paymentProvider.rfind("http://", 0) != 0
        && config.paymentProvider.rfind("https://", 0) != 0) {
        throw std::invalid_argument(
            "payment_provider must be an http:// or https:// URL, not \"" + config.paymentProvider + "\"");
    }
    config.paymentSimulator = source.getString("payment_simulator", "");
    config.paymentTimeoutSeconds = integer(source, "payment_timeout", config.paymentTimeoutSeconds, 1, 7 * 24 * 3600);
    config.smtpHost = source.getString("smtp_host", "");
    config.smtpPort = static_cast<std::uint16_t>(integer(source, "smtp_port", config.smtpPort, 1, 65535));
    config.smtpFrom = source.getString("smtp_from", config.smtpFrom);
    std::stringstream staff(source.getString("notify_staff", ""));
    for (std::string address; std::getline(staff, address, ',');) {
        const auto first = address.find_first_not_of(' ');
        if (first == std::string::npos) {
            continue;
        }
        address = address.substr(first, address.find_last_not_of(' ') - first + 1);
        if (address.find('@') == std::string::npos) {
            throw std::invalid_argument(
                "notify_staff lists e-mail addresses separated by commas, not \"" + address + "\"");
        }
        config.notifyStaff.push_back(address);
    }
    config.notifyTemplates = source.getString("notify_templates", "");
    config.natsUrl = source.getString("nats_url", "");
    for (std::size_t start = 0; !config.natsUrl.empty() && start != std::string::npos;) {
        const auto comma = config.natsUrl.find(',', start);
        const auto url = config.natsUrl.substr(start, comma == std::string::npos ? comma : comma - start);
        if (url.rfind("nats://", 0) != 0 && url.rfind("tls://", 0) != 0) {
            throw std::invalid_argument(
                "nats_url lists nats://HOST:PORT addresses separated by commas, not \"" + url + "\"");
        }
        start = comma == std::string::npos ? comma : comma + 1;
    }
    config.service = source.getString("service", "all");
    const auto& services = ServerConfig::services();
    if (std::find(services.begin(), services.end(), config.service) == services.end()) {
        throw std::invalid_argument(
            "service must be all, gateway, stock, users, orders or payments, not \"" + config.service + "\"");
    }
    config.serviceKey = source.getString("service_key", "");
    if (config.service != "all" && config.serviceKey.size() < 32) {
        throw std::invalid_argument("service_key must be set to the same secret of at least 32 characters on the "
                                    "gateway and every service (service is "
            + config.service + ")");
    }
    if ((config.service == "stock" || config.service == "orders" || config.service == "payments")
        && config.natsUrl.empty()) {
        throw std::invalid_argument(
            "the " + config.service + " service takes other domains' events from NATS JetStream: set nats_url");
    }
    for (const auto& [key, target] :
        { std::pair { "stock_url", &config.stockUrl }, std::pair { "users_url", &config.usersUrl },
            std::pair { "orders_url", &config.ordersUrl }, std::pair { "payments_url", &config.paymentsUrl } }) {
        *target = source.getString(key, "");
        if (config.service == "gateway" && target->rfind("http://", 0) != 0 && target->rfind("https://", 0) != 0) {
            throw std::invalid_argument(std::string("the gateway needs ") + key
                + ", the http:// or https:// address of that service, not \"" + *target + "\"");
        }
    }
    for (const auto& [domain, target] : config.databases()) {
        const auto key = domain + "_database";
        *target = source.getString(key, "");
        if (!target->empty() && !db::isPostgres(*target)) {
            throw std::invalid_argument(key
                + " is a PostgreSQL connection string (postgresql://USER@HOST/DATABASE or host=… dbname=…), not \""
                + *target + "\"");
        }
    }
    return config;
}

} // namespace tosserp
