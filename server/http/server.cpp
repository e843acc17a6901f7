#include "server/http/server.h"

#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/db/database.h"
#include "server/http/problem.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <istream>
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
    Dispatcher(const Router& router, const HttpServerOptions& options)
        : m_router(router)
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
        request.clientAddress = in.clientAddress().host().toString();

        std::string routeName = "unmatched";
        Response response;
        try {
            readBody(in, request);
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
            response = match.route->handler(request);
        } catch (const ApiError& e) {
            response = problemResponse(e, request.requestId);
        } catch (const db::DbError& e) {
            log::error("database failure",
                { { "request_id", request.requestId }, { "route", routeName }, { "error", e.what() } });
            const bool busy = (e.code() & 0xff) == 5 || (e.code() & 0xff) == 6; // SQLITE_BUSY, SQLITE_LOCKED
            ApiError error(busy ? 503 : 500, busy ? "database_busy" : "internal_error",
                busy ? "The database is busy; retry shortly." : "The server failed to answer.");
            if (busy) {
                error.headers.emplace_back("Retry-After", "1");
            }
            response = problemResponse(error, request.requestId);
        } catch (const std::exception& e) {
            log::error("request failed",
                { { "request_id", request.requestId }, { "route", routeName }, { "error", e.what() } });
            response
                = problemResponse(ApiError(500, "internal_error", "The server failed to answer."), request.requestId);
        }

        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        if (response.status == 413) {
            // The rest of the body was never read: the connection cannot carry another request.
            out.setKeepAlive(false);
        }
        out.set("X-Request-Id", request.requestId);
        for (const auto& [name, value] : response.headers) {
            out.set(name, value);
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
                { { "request_id", request.requestId }, { "method", request.method }, { "path", request.path },
                    { "status", response.status }, { "ms", seconds * 1000.0 } });
        }
    }

private:
    void readBody(Poco::Net::HTTPServerRequest& in, Request& request)
    {
        const bool expectsBody = in.hasContentLength() || in.getChunkedTransferEncoding();
        if (!expectsBody) {
            return;
        }
        if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(m_options.maxBodyBytes)) {
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
                throw ApiError(413, "body_too_large",
                    "The body is larger than " + std::to_string(m_options.maxBodyBytes) + " bytes.");
            }
            body.append(buffer, n);
        }
        request.body = std::move(body);
    }

    const Router& m_router;
    const HttpServerOptions& m_options;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(const Router& router, const HttpServerOptions& options)
        : m_router(router)
        , m_options(options)
    { }
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Dispatcher(m_router, m_options);
    }

private:
    const Router& m_router;
    const HttpServerOptions& m_options;
};

} // namespace

HttpServer::HttpServer(const Router& router, HttpServerOptions options)
    : m_router(router)
    , m_options(std::move(options))
{ }

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start()
{
    Poco::Net::ServerSocket socket;
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
    m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_router, m_options), *m_pool, socket, params);
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
