#include "server/http/server.h"

#include "domain/text.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/db/database.h"
#include "server/http/problem.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/ThreadPool.h>

#include <algorithm>
#include <chrono>
#include <istream>
#include <mutex>
#include <random>

namespace tosserp::http {

namespace {

std::string newRequestId()
{
    thread_local std::mt19937_64 rng { std::random_device {}() };
    static const char* hex = "0123456789abcdef";
    std::string id(16, '0');
    auto value = rng();
    for (auto& c : id) {
        c = hex[value & 0xf];
        value >>= 4;
    }
    return id;
}

/// Takes the caller's `traceparent` ("00-<32 hex trace>-<16 hex span>-<2 hex flags>") when it
/// is well formed; otherwise the request starts a new trace. Either way the request gets a
/// span of its own.
void readTraceContext(Request& request)
{
    request.spanId = randomHex(8);
    const auto given = request.header("traceparent");
    if (given) {
        const std::string_view text = *given;
        const auto isHex = [](std::string_view part) {
            return part.find_first_not_of("0123456789abcdef") == std::string_view::npos;
        };
        const auto version = text.substr(0, 2);
        // Version 00 has exactly four fields; a later version may add fields after them.
        const bool shaped = text.size() >= 55 && text[2] == '-' && text[35] == '-' && text[52] == '-'
            && (version == "00" ? text.size() == 55 : (text.size() == 55 || text[55] == '-'));
        if (shaped && isHex(version) && version != "ff" && lowerHex(text.substr(3, 32), 32)
            && lowerHex(text.substr(36, 16), 16) && isHex(text.substr(53, 2))) {
            request.traceId = std::string(text.substr(3, 32));
            request.parentSpanId = std::string(text.substr(36, 16));
            request.traceFlags = std::string(text.substr(53, 2));
            return;
        }
    }
    request.traceId = randomHex(16);
}

bool acceptableRequestId(const std::string& id)
{
    if (id.empty() || id.size() > 64) {
        return false;
    }
    for (char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
            return false;
        }
    }
    return true;
}

class Dispatcher : public Poco::Net::HTTPRequestHandler {
public:
    Dispatcher(const Router& router, Authenticator* authenticator, const HttpServerOptions& options)
        : m_router(router)
        , m_authenticator(authenticator)
        , m_options(options)
    { }

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
    {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        request.method = in.getMethod();
        const auto& uri = in.getURI();
        const auto q = uri.find('?');
        request.path = uri.substr(0, q);
        if (q != std::string::npos) {
            request.query = parseQuery(std::string_view(uri).substr(q + 1));
        }
        for (const auto& [name, value] : in) {
            std::string key = name;
            for (auto& c : key) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            request.headers[key] = value;
        }
        const auto givenId = request.header("x-request-id");
        request.requestId = givenId && acceptableRequestId(*givenId) ? *givenId : newRequestId();
        readTraceContext(request);
        const log::TraceScope trace(request.traceId, request.traceFlags);
        request.clientAddress = in.clientAddress().host().toString();
        if (m_authenticator) {
            if (auto forwarded = m_authenticator->forwardedAddress(request)) {
                request.clientAddress = std::move(*forwarded);
            }
        }

        std::string routeName = "unmatched";
        Response response;
        bool bodyRead = false;
        try {
            auto match = m_router.match(request.method, request.path);
            if (!match.route) {
                if (!match.allowed.empty()) {
                    std::string allow;
                    for (const auto& m : match.allowed) {
                        allow += (allow.empty() ? "" : ", ") + m;
                    }
                    ApiError error(405, "method_not_allowed", "This resource does not accept " + request.method + ".");
                    error.headers.emplace_back("Allow", allow);
                    throw error;
                }
                throw ApiError(404, "not_found", "There is no resource at this address.");
            }
            routeName = match.route->pattern;
            request.params = std::move(match.params);
            authorize(*match.route, request);
            if (match.route->socketHandler) {
                if (domain::asciiLower(request.header("upgrade").value_or("")) != "websocket") {
                    ApiError error(426, "upgrade_required", "This address speaks WebSocket only.");
                    error.headers.emplace_back("Upgrade", "websocket");
                    throw error;
                }
                // The rest of the handshake is checked before the route's handler runs (it may
                // open a channel of its own, as the gateway does to the service behind it).
                const auto connection = headerTokens(request.header("connection").value_or(""));
                if (std::find(connection.begin(), connection.end(), "upgrade") == connection.end()
                    || request.header("sec-websocket-key").value_or("").empty()
                    || request.header("sec-websocket-version").value_or("") != "13") {
                    ApiError error(400, "bad_handshake",
                        "A WebSocket upgrade needs Connection: Upgrade, a Sec-WebSocket-Key and "
                        "Sec-WebSocket-Version: 13.");
                    error.headers.emplace_back("Sec-WebSocket-Version", "13");
                    throw error;
                }
                auto session = match.route->socketHandler(request);
                Poco::Net::WebSocket socket(in, out);
                metrics().observeRequest(routeName, request.method, 101, 0.0);
                session(socket);
                return;
            }
            readBody(in, request);
            bodyRead = true;
            response = match.route->handler(request);
        } catch (const ApiError& e) {
            response = problemResponse(e, request.requestId);
        } catch (const db::DbError& e) {
            log::error("database failure",
                { { "request_id", request.requestId }, { "trace_id", request.traceId }, { "route", routeName },
                    { "error", e.what() } });
            const bool busy = e.isTransient(); // busy, restarting or out of reach: worth a retry
            const bool unknown = e.isOutcomeUnknown();
            ApiError error(busy ? 503 : 500, busy ? "database_busy" : (unknown ? "outcome_unknown" : "internal_error"),
                busy ? "The database is busy or out of reach; retry shortly."
                     : (unknown ? "The database went away while the change was being committed: it may or may not "
                                  "have been applied. Send it again with the same Idempotency-Key to find out; "
                                  "without one, look before sending it again."
                                : "The server failed to answer."));
            if (busy) {
                error.headers.emplace_back("Retry-After", "1");
            }
            response = problemResponse(error, request.requestId);
        } catch (const std::exception& e) {
            log::error("request failed",
                { { "request_id", request.requestId }, { "trace_id", request.traceId }, { "route", routeName },
                    { "error", e.what() } });
            response
                = problemResponse(ApiError(500, "internal_error", "The server failed to answer."), request.requestId);
        }

        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        if (response.status == 413 || (!bodyRead && (in.getChunkedTransferEncoding() || in.getContentLength64() > 0))) {
            // The body (or its rest) was never read: the connection cannot carry another request.
            out.setKeepAlive(false);
        }
        out.set("X-Request-Id", request.requestId);
        // The trace and this server's span, for the caller to correlate (W3C Trace Context
        // level 2's `traceresponse`).
        out.set("traceresponse", "00-" + request.traceId + "-" + request.spanId + "-" + request.traceFlags);
        // A header the route names replaces the server's own; named again, it is repeated
        // (a service's answer passed on by the gateway keeps every Link, Set-Cookie, …).
        std::vector<std::string> named;
        for (const auto& [name, value] : response.headers) {
            const auto key = domain::asciiLower(name);
            if (std::find(named.begin(), named.end(), key) == named.end()) {
                named.push_back(key);
                out.set(name, value);
            } else {
                out.add(name, value);
            }
        }
        if (!response.contentType.empty()) {
            out.setContentType(response.contentType);
        }
        out.setContentLength(static_cast<std::streamsize>(response.body.size()));
        if (request.method == "HEAD" || response.status == 204) {
            out.send();
        } else {
            out.sendBuffer(response.body.data(), response.body.size());
        }

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics().observeRequest(routeName, request.method, response.status, seconds);
        if (m_options.accessLog && log::enabled(log::Level::Info)) {
            log::info("request",
                { { "request_id", request.requestId }, { "trace_id", request.traceId }, { "span_id", request.spanId },
                    { "parent_span_id", request.parentSpanId }, { "method", request.method }, { "path", request.path },
                    { "status", response.status }, { "ms", seconds * 1000.0 } });
        }
    }

private:
    /// Deny by default: a route is reachable only as its declared access allows.
    void authorize(const Route& route, Request& request)
    {
        if (m_authenticator) {
            m_authenticator->admit(request);
        }
        if (route.permission == access::kPublic) {
            // A public route serves everyone: stale credentials (an expired token a client
            // still attaches while it refreshes) must not lock the caller out of it.
            if (m_authenticator) {
                try {
                    request.principal = m_authenticator->authenticate(request);
                } catch (const ApiError&) {
                    request.principal = nullptr;
                }
            }
            return;
        }
        if (m_authenticator) {
            request.principal = m_authenticator->authenticate(request);
        }
        if (!request.principal) {
            ApiError error(401, "unauthenticated", "Sign in first: this resource needs a bearer token or an API key.");
            error.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tosserp\"");
            throw error;
        }
        if (route.permission != access::kAuthenticated && !request.principal->can(route.permission)) {
            throw ApiError(403, "forbidden", "Your role does not allow this (" + route.permission + ").");
        }
    }

    static constexpr std::size_t kDrainLimit = 8 * 1024 * 1024;

    static void discard(std::istream& stream)
    {
        char buffer[16384];
        std::size_t total = 0;
        while (stream && total < kDrainLimit) {
            stream.read(buffer, sizeof buffer);
            total += static_cast<std::size_t>(stream.gcount());
        }
    }

    void readBody(Poco::Net::HTTPServerRequest& in, Request& request)
    {
        const bool expectsBody = in.hasContentLength() || in.getChunkedTransferEncoding();
        if (!expectsBody) {
            return;
        }
        if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(m_options.maxBodyBytes)) {
            // Closing a socket with unread data resets it, and the client may lose our answer:
            // read a moderate excess away first; beyond that, closing is cheaper than reading.
            if (in.getContentLength64() <= static_cast<Poco::Int64>(kDrainLimit)) {
                discard(in.stream());
            }
            throw ApiError(
                413, "body_too_large", "The body is larger than " + std::to_string(m_options.maxBodyBytes) + " bytes.");
        }
        auto& stream = in.stream();
        std::string body;
        char buffer[16384];
        while (stream) {
            stream.read(buffer, sizeof buffer);
            const auto n = static_cast<std::size_t>(stream.gcount());
            if (n == 0) {
                break;
            }
            if (body.size() + n > m_options.maxBodyBytes) {
                discard(stream);
                throw ApiError(413, "body_too_large",
                    "The body is larger than " + std::to_string(m_options.maxBodyBytes) + " bytes.");
            }
            body.append(buffer, n);
        }
        request.body = std::move(body);
    }

    const Router& m_router;
    Authenticator* m_authenticator;
    const HttpServerOptions& m_options;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(const Router& router, Authenticator* authenticator, const HttpServerOptions& options)
        : m_router(router)
        , m_authenticator(authenticator)
        , m_options(options)
    { }
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Dispatcher(m_router, m_authenticator, m_options);
    }

private:
    const Router& m_router;
    Authenticator* m_authenticator;
    const HttpServerOptions& m_options;
};

} // namespace

namespace {

// Mozilla's "intermediate" configuration: TLS 1.2 and 1.3 only, forward-secret AEAD ciphers.
constexpr const char* kTls12Ciphers
    = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
      "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
      "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

Poco::Net::ServerSocket tlsSocket(const HttpServerOptions& options)
{
    if (options.tlsCertificate.empty() || options.tlsKey.empty()) {
        throw std::invalid_argument("HTTPS needs both a certificate (tls_cert) and its key (tls_key)");
    }
    static std::once_flag initialized;
    std::call_once(initialized, [] { Poco::Net::initializeSSL(); });
    Poco::Net::Context::Params params;
    params.privateKeyFile = options.tlsKey;
    params.certificateFile = options.tlsCertificate;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = kTls12Ciphers;
    params.dhUse2048Bits = true;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
        | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    context->preferServerCiphers();
    return Poco::Net::SecureServerSocket(context);
}

} // namespace

HttpServer::HttpServer(const Router& router, Authenticator* authenticator, HttpServerOptions options)
    : m_router(router)
    , m_authenticator(authenticator)
    , m_options(std::move(options))
{ }

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start()
{
    Poco::Net::ServerSocket socket;
    if (!m_options.tlsCertificate.empty() || !m_options.tlsKey.empty()) {
        socket = tlsSocket(m_options);
    }
    socket.bind(Poco::Net::SocketAddress(m_options.host, m_options.port), true);
    socket.listen(256);
    m_port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_options.maxThreads);
    params->setMaxQueued(m_options.maxQueued);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    m_pool = std::make_unique<Poco::ThreadPool>(4, m_options.maxThreads + 4, 60);
    m_server = std::make_unique<Poco::Net::HTTPServer>(
        new Factory(m_router, m_authenticator, m_options), *m_pool, socket, params);
    m_server->start();
}

void HttpServer::stop()
{
    if (m_server) {
        m_server->stopAll(false);
        m_server.reset();
        m_pool->joinAll();
        m_pool.reset();
    }
}

std::uint16_t HttpServer::port() const
{
    return m_port;
}

} // namespace tosserp::http
