#include "server/gateway/gateway.h"

#include "domain/text.h"
#include "server/core/log.h"
#include "server/http/problem.h"
#include "server/http/service_auth.h"
#include "server/security/jwt.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <stdexcept>

namespace tosserp::gateway {

using http::ApiError;
using http::Request;
using http::Response;

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kOwners = { {
    { "/api/v1/products", "stock" },
    { "/api/v1/categories", "stock" },
    { "/api/v1/warehouses", "stock" },
    { "/api/v1/locations", "stock" },
    { "/api/v1/stock", "stock" },
    { "/api/v1/sync", "stock" },
    { "/api/v1/auth", "users" },
    { "/api/v1/me", "users" },
    { "/api/v1/users", "users" },
    { "/api/v1/roles", "users" },
    { "/api/v1/api-keys", "users" },
    { "/api/v1/customers", "orders" },
    { "/api/v1/orders", "orders" },
    { "/api/v1/payments", "payments" },
} };

constexpr std::string_view kServices[] = { "stock", "users", "orders", "payments" };

/// Request headers a service needs from the caller; everything else stays at the gateway.
constexpr std::string_view kPassedOn[] = { "content-type", "accept", "accept-language", "idempotency-key", "if-match",
    "if-none-match", "x-sync-protocol", "user-agent", "tracestate" };

/// Response headers that belong to one hop, or that the gateway sets itself.
constexpr std::string_view kHopByHop[] = { "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
    "proxy-authenticate", "proxy-authorization", "proxy-connection", "content-length", "content-type", "x-request-id",
    "traceresponse", "date", "server" };

bool underPrefix(std::string_view path, std::string_view prefix)
{
    return path == prefix
        || (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix && path[prefix.size()] == '/');
}

std::string encodeQuery(const std::multimap<std::string, std::string>& query)
{
    auto encode = [](const std::string& text) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        std::string out;
        for (const unsigned char c : text) {
            if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                out += static_cast<char>(c);
            } else {
                out += '%';
                out += kHex[c >> 4];
                out += kHex[c & 15];
            }
        }
        return out;
    };
    std::string out;
    for (const auto& [name, value] : query) {
        out += (out.empty() ? "?" : "&") + encode(name) + "=" + encode(value);
    }
    return out;
}

/// A service refused the gateway's service key: the deployment is misconfigured, which is not
/// the caller's fault (a 401 would have clients sign in again and again).
ApiError misconfigured(const std::string& service)
{
    log::error("a service refuses the gateway's service key: give every process of the deployment the same "
               "service_key",
        { { "service", service } });
    return ApiError(502, "bad_gateway", "The " + service + " service does not accept this gateway; tell the operator.");
}

/// Whether a service's answer (its status and parsed body) refuses the gateway's service key.
bool refusesServiceKey(int status, const nlohmann::json& body)
{
    return status == 401 && body.is_object() && body.contains("code") && body["code"] == "invalid_service_key";
}

/// 503 for a service that cannot be reached or whose breaker is open; Retry-After is the time
/// until the breaker lets a call through again (at least a second).
ApiError unavailable(const std::string& service, const std::string& what, const CircuitBreaker& breaker)
{
    ApiError error(
        503, "service_unavailable", "The " + service + " service cannot " + what + " just now; retry shortly.");
    const auto wait = std::max<std::int64_t>(1, (breaker.openFor().count() + 999) / 1000);
    error.headers.emplace_back("Retry-After", std::to_string(wait));
    return error;
}

} // namespace

std::string owningService(std::string_view path, const std::string& eventsDomain)
{
    if (path == "/api/v1/events") {
        if (std::find(std::begin(kServices), std::end(kServices), eventsDomain) == std::end(kServices)) {
            throw std::invalid_argument("domain is stock, users, orders or payments");
        }
        return eventsDomain;
    }
    for (const auto& [prefix, service] : kOwners) {
        if (underPrefix(path, prefix)) {
            return std::string(service);
        }
    }
    if (underPrefix(path, "/api/v1")) {
        throw std::invalid_argument("no service owns " + std::string(path));
    }
    return {};
}

Gateway::Gateway(GatewayOptions options)
    : m_options(std::move(options))
{
    for (const auto name : kServices) {
        const auto url = m_options.serviceUrls.find(std::string(name));
        if (url == m_options.serviceUrls.end() || url->second.empty()) {
            throw std::invalid_argument("the gateway has no address for the " + std::string(name) + " service");
        }
        HttpDependencyOptions dependency;
        dependency.baseUrl = url->second;
        dependency.timeout = m_options.timeout;
        dependency.maxConcurrent = m_options.maxConcurrent;
        dependency.retry.attempts = 3;
        dependency.busyIsAnswer = true;
        m_services.emplace(
            std::string(name), std::make_unique<HttpDependency>("service_" + std::string(name), dependency));
        if (name == "users") {
            dependency.timeout = m_options.credentialTimeout;
            m_credentials = std::make_unique<HttpDependency>("service_users_credentials", dependency);
        }
    }
}

HttpDependency& Gateway::service(const std::string& name)
{
    return *m_services.at(name);
}

void Gateway::registerRoutes(http::Router& router, const std::string& openApi)
{
    const auto document = nlohmann::json::parse(openApi);
    for (const auto& [path, operations] : document.at("paths").items()) {
        const auto owner = owningService(path);
        if (owner.empty()) {
            continue; // the gateway's own: health, metrics, the API description
        }
        for (const auto& [method, operation] : operations.items()) {
            if (method != "get" && method != "post" && method != "put" && method != "patch" && method != "delete") {
                continue;
            }
            const bool open = operation.contains("security") && operation["security"].empty();
            bool keyed = false;
            for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
                keyed = keyed || parameter.value("$ref", "") == "#/components/parameters/IdempotencyKey";
            }
            const std::string permission
                = open ? http::access::kPublic : operation.value("x-permission", http::access::kAuthenticated);
            if (path == "/api/v1/sync/live") {
                router.addWebSocket(path, permission, [this, owner](const Request& r) { return openLive(owner, r); });
                continue;
            }
            std::string verb = method;
            std::transform(verb.begin(), verb.end(), verb.begin(),
                [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            router.add(verb, path, permission, [this, path = path, owner, keyed](Request& r) {
                if (path != "/api/v1/events") {
                    return forward(owner, r, keyed);
                }
                try {
                    return forward(owningService(path, r.queryParam("domain").value_or("stock")), r, false);
                } catch (const std::invalid_argument&) {
                    throw ApiError(400, "invalid_query", "domain is stock, users, orders or payments.",
                        { { "domain", "invalid_value", "Expected stock, users, orders or payments." } });
                }
            });
        }
    }
}

std::vector<std::pair<std::string, std::string>> Gateway::identityHeaders(const Request& request) const
{
    std::vector<std::pair<std::string, std::string>> headers = {
        { std::string(http::kServiceKeyHeader), m_options.serviceKey },
        { std::string(http::kClientAddressHeader), request.clientAddress },
        { "X-Request-Id", request.requestId },
    };
    if (!request.traceId.empty()) {
        headers.emplace_back("traceparent", "00-" + request.traceId + "-" + request.spanId + "-" + request.traceFlags);
    }
    if (request.principal) {
        headers.emplace_back(std::string(http::kPrincipalHeader), http::principalToJson(*request.principal).dump());
    }
    return headers;
}

std::shared_ptr<const domain::Principal> Gateway::authenticate(const Request& request)
{
    std::pair<std::string, std::string> credential;
    if (const auto header = request.header("authorization")) {
        credential = { "Authorization", *header };
    } else if (const auto key = request.header("x-api-key")) {
        credential = { "X-Api-Key", *key };
    } else if (const auto token = request.queryParam("access_token"); token && request.header("upgrade")) {
        credential = { "Authorization", "Bearer " + *token };
    } else {
        return nullptr;
    }
    const auto cacheKey = credential.first + "\n" + credential.second;
    const auto now = std::chrono::steady_clock::now();
    {
        std::shared_lock lock(m_cacheMutex);
        if (const auto it = m_cache.find(cacheKey); it != m_cache.end() && now < it->second.until) {
            if (it->second.refusal) {
                throw *it->second.refusal;
            }
            return it->second.principal;
        }
    }
    // A bearer token that cannot be one (not three base64url parts, a header naming another
    // algorithm) is refused here as the Users service would, without asking it.
    if (credential.first == "Authorization") {
        const auto& value = credential.second;
        const auto space = value.find(' ');
        if (space != std::string::npos && space + 1 < value.size()
            && domain::asciiLower(value.substr(0, space)) == "bearer") {
            if (const auto error = security::precheckToken(std::string_view(value).substr(space + 1))) {
                throw http::invalidToken(security::tokenErrorText(*error));
            }
        }
    }
    HttpCall call;
    call.method = "POST";
    call.target = "/internal/v1/authenticate";
    call.headers = identityHeaders(request);
    call.headers.push_back(credential);
    const auto answer = m_credentials->call(call);
    if (!answer.answered || answer.status >= 500) {
        throw unavailable("users", "check credentials", m_credentials->breaker());
    }
    if (answer.status == 204) {
        return nullptr;
    }
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    if (refusesServiceKey(answer.status, body)) {
        throw misconfigured("users");
    }
    if (answer.status == 200) {
        std::shared_ptr<const domain::Principal> principal;
        try {
            principal = std::make_shared<const domain::Principal>(http::principalFromJson(body));
        } catch (const std::exception&) {
            throw ApiError(502, "bad_gateway", "The users service answered the credential check with no identity.");
        }
        remember(cacheKey, { principal, std::nullopt, now + m_options.identityCache });
        return principal;
    }
    const auto text = [&](const char* name, const std::string& fallback) {
        return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>()
                                                                                 : fallback;
    };
    ApiError error(answer.status == 401 ? 401 : 502, text("code", "invalid_token"),
        text("detail", "The credentials are not valid."));
    if (const auto challenge = answer.header("WWW-Authenticate"); !challenge.empty()) {
        error.headers.emplace_back("WWW-Authenticate", challenge);
    }
    if (error.status() == 401) {
        remember(cacheKey, { nullptr, error, now + m_options.identityCache });
    }
    throw error;
}

void Gateway::remember(const std::string& credential, CachedIdentity identity)
{
    std::unique_lock lock(m_cacheMutex);
    if (m_cache.size() >= 10'000) {
        const auto now = std::chrono::steady_clock::now();
        std::erase_if(m_cache, [&](const auto& entry) { return entry.second.until <= now; });
        if (m_cache.size() >= 100'000) {
            m_cache.clear(); // that many callers within seconds: check them again
        }
    }
    m_cache[credential] = std::move(identity);
}

Response Gateway::forward(const std::string& name, Request& request, bool keyed)
{
    HttpCall call;
    call.method = request.method;
    call.target = request.path + encodeQuery(request.query);
    call.headers = identityHeaders(request);
    for (const auto header : kPassedOn) {
        if (const auto value = request.header(header)) {
            call.headers.emplace_back(std::string(header), *value);
        }
    }
    call.body = request.body;
    // A repeat must not apply a write twice: only reads, and writes the service deduplicates
    // by their key, are sent again after a failure that may have reached the service.
    call.retryable = request.method == "GET" || (keyed && request.header("idempotency-key"));
    const auto answer = service(name).call(call);
    if (!answer.answered) {
        if (answer.maybeDelivered && !call.retryable) {
            // The write may have been applied: "try again" could apply it twice.
            throw ApiError(504, "gateway_timeout",
                "The " + name
                    + " service did not answer; the request may have been applied. Check before sending it again.");
        }
        throw unavailable(name, "answer", service(name).breaker());
    }
    if (answer.status == 401 && refusesServiceKey(401, nlohmann::json::parse(answer.body, nullptr, false))) {
        throw misconfigured(name);
    }
    Response response;
    response.status = answer.status;
    response.body = answer.body;
    response.contentType = answer.header("Content-Type");
    // Headers the service's Connection header names belong to its hop too (RFC 9110, 7.6.1).
    std::vector<std::string> named;
    for (const auto& [header, value] : answer.headers) {
        if (domain::asciiLower(header) == "connection") {
            const auto tokens = http::headerTokens(value);
            named.insert(named.end(), tokens.begin(), tokens.end());
        }
    }
    for (const auto& [header, value] : answer.headers) {
        const auto key = domain::asciiLower(header);
        if (std::find(std::begin(kHopByHop), std::end(kHopByHop), key) == std::end(kHopByHop)
            && std::find(named.begin(), named.end(), key) == named.end()) {
            response.headers.emplace_back(header, value);
        }
    }
    return response;
}

http::WebSocketSession Gateway::openLive(const std::string& name, const Request& request)
{
    using Poco::Net::WebSocket;
    // While calls to the service fail (its breaker open) the channel is refused at once rather
    // than after a connect timeout.
    if (service(name).breaker().state() == CircuitBreaker::State::Open) {
        throw unavailable(name, "open the live channel", service(name).breaker());
    }
    const Poco::URI base(service(name).baseUrl());
    std::shared_ptr<Poco::Net::HTTPClientSession> session;
    if (base.getScheme() == "https") {
        Poco::Net::Context::Ptr tls = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
        session = std::make_shared<Poco::Net::HTTPSClientSession>(base.getHost(), base.getPort(), tls);
    } else {
        session = std::make_shared<Poco::Net::HTTPClientSession>(base.getHost(), base.getPort());
    }
    session->setTimeout(Poco::Timespan(5, 0));
    auto path = base.getPath();
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    Poco::Net::HTTPRequest upgrade(
        Poco::Net::HTTPRequest::HTTP_GET, path + "/api/v1/sync/live", Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [header, value] : identityHeaders(request)) {
        upgrade.set(header, value);
    }
    // The service's channel is opened first: the caller's upgrade is answered only once it is,
    // so a service that is down is a 503 the caller can act on, not a channel that closes.
    Poco::Net::HTTPResponse response;
    std::shared_ptr<WebSocket> upstream;
    try {
        upstream = std::make_shared<WebSocket>(*session, upgrade, response);
    } catch (const Poco::Exception& e) {
        const auto status = static_cast<int>(response.getStatus());
        log::debug("live channel through the gateway refused",
            { { "request_id", request.requestId }, { "service", name }, { "status", status },
                { "reason", e.displayText() } });
        if (status >= 400 && status < 500) {
            throw ApiError(status, "live_channel_refused",
                "The " + name + " service refused the live channel (HTTP " + std::to_string(status) + ").");
        }
        throw unavailable(name, "open the live channel", service(name).breaker());
    }
    return [this, name, session, upstream, &request](WebSocket& socket) {
        char buffer[4096];
        try {
            // Pass frames both ways until either side closes or the gateway stops.
            while (!m_closing) {
                // Frames that came with the handshake wait in the socket's own buffer, where
                // poll() does not see them; available() counts them.
                if (upstream->available() > 0
                    || upstream->poll(Poco::Timespan(0, 250'000), Poco::Net::Socket::SELECT_READ)) {
                    int flags = 0;
                    const int n = upstream->receiveFrame(buffer, sizeof buffer, flags);
                    if (http::endsChannel(n, flags)) {
                        break;
                    }
                    if ((flags & WebSocket::FRAME_OP_BITMASK) == WebSocket::FRAME_OP_PING) {
                        upstream->sendFrame(
                            buffer, n, static_cast<int>(WebSocket::FRAME_FLAG_FIN) | WebSocket::FRAME_OP_PONG);
                    } else {
                        socket.sendFrame(buffer, n, flags);
                    }
                }
                while (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) {
                    int flags = 0;
                    const int n = socket.receiveFrame(buffer, sizeof buffer, flags);
                    if (http::endsChannel(n, flags)) {
                        upstream->shutdown();
                        socket.shutdown();
                        return;
                    }
                    upstream->sendFrame(buffer, n, flags);
                }
            }
            upstream->shutdown(WebSocket::WS_ENDPOINT_GOING_AWAY);
            socket.shutdown(WebSocket::WS_ENDPOINT_GOING_AWAY);
        } catch (const Poco::Exception& e) {
            log::debug("live channel through the gateway closed",
                { { "request_id", request.requestId }, { "service", name }, { "reason", e.displayText() } });
            try {
                socket.shutdown(WebSocket::WS_ENDPOINT_GOING_AWAY);
            } catch (const Poco::Exception&) {
                // The caller is gone too.
            }
        }
    };
}

nlohmann::json Gateway::readiness()
{
    // Probes come often and from anyone: one short try per service, and the result kept for a
    // second, so probing cannot load the services.
    std::lock_guard lock(m_readyMutex);
    const auto now = std::chrono::steady_clock::now();
    if (!m_ready.is_null() && now - m_readyAt < std::chrono::seconds(1)) {
        return m_ready;
    }
    nlohmann::json checks = nlohmann::json::object();
    for (const auto& [name, dependency] : m_services) {
        HttpCall call;
        call.target = "/health/ready";
        // With the key: a service that refuses it (another deployment's) is not ready for us.
        call.headers.emplace_back(std::string(http::kServiceKeyHeader), m_options.serviceKey);
        call.attempts = 1;
        call.timeout = std::chrono::milliseconds(2000);
        const auto answer = dependency->call(call);
        checks[name] = { { "status", answer.answered && answer.status == 200 ? "ok" : "unavailable" },
            { "circuit", std::string(circuitStateName(dependency->breaker().state())) } };
    }
    m_ready = checks;
    m_readyAt = std::chrono::steady_clock::now();
    return checks;
}

} // namespace tosserp::gateway
