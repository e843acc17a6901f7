#pragma once

#include "server/http/router.h"

#include <optional>

#include <cstdint>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
} // namespace Poco

namespace tosserp::http {

/// Turns a request's credentials into a principal. Returns null when the request carries
/// none; throws ApiError (401) for credentials that are present but not valid.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    virtual std::shared_ptr<const domain::Principal> authenticate(const Request& request) = 0;
    /// Refuses (throws ApiError) a caller no route may serve, public ones included, whatever
    /// credentials it carries (a service called with another deployment's key).
    virtual void admit(const Request& /*request*/) const { }
    /// The caller's network address as a trusted front (the gateway) passed it on; nullopt:
    /// the address the connection comes from.
    virtual std::optional<std::string> forwardedAddress(const Request& /*request*/) const { return std::nullopt; }
};

struct HttpServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    /// Worker threads; each keep-alive connection holds one while it is open.
    int maxThreads = 128;
    int maxQueued = 512;
    std::size_t maxBodyBytes = 1024 * 1024;
    bool accessLog = true;
    /// HTTPS when both are set: PEM certificate chain and private key.
    std::string tlsCertificate;
    std::string tlsKey;
};

/// The HTTP front door: reads each request (refusing bodies over the limit with 413),
/// dispatches it through the router, turns ApiError and failures into problem+json,
/// stamps an X-Request-Id, records metrics and writes one JSON access-log line.
/// start() binds and returns at once; stop() waits for the requests in flight.
class HttpServer {
public:
    /// `authenticator` may be null only when every route is public.
    HttpServer(const Router& router, Authenticator* authenticator, HttpServerOptions options);
    ~HttpServer();

    void start();
    void stop();
    /// The bound port (useful when the options asked for port 0).
    std::uint16_t port() const;
    const HttpServerOptions& options() const { return m_options; }

private:
    const Router& m_router;
    Authenticator* m_authenticator;
    HttpServerOptions m_options;
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::uint16_t m_port = 0;
};

} // namespace tosserp::http
