#pragma once

#include "server/http/request.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace Poco::Net {
class WebSocket;
}

namespace tosserp::http {

using Handler = std::function<Response(Request&)>;
/// Serves an upgraded WebSocket connection until it closes (runs on the connection's thread).
using WebSocketSession = std::function<void(Poco::Net::WebSocket&)>;
/// Called before the upgrade, once the caller is authorized: it may still refuse the channel
/// by throwing an ApiError (answered as any refusal, e.g. 503 when what it needs is down), and
/// otherwise returns the session that serves the upgraded connection. The request outlives it.
using WebSocketHandler = std::function<WebSocketSession(const Request&)>;

/// Whether a frame read with WebSocket::receiveFrame (which returned `received` bytes and set
/// `flags`) ends the channel: a close frame, or nothing read and no flags (the peer shut the
/// connection). An empty ping or pong (no bytes, but flags) does not.
bool endsChannel(int received, int flags);

/// What a route demands of its caller. Every route names one (there is no default), so a
/// route nobody thought about is never reachable by accident.
namespace access {
/// Anyone, without credentials (health, metrics, sign-in).
inline const std::string kPublic = "public";
/// Any signed-in user or API key, whatever its permissions (the caller's own profile).
inline const std::string kAuthenticated = "authenticated";
} // namespace access

/// One route: a method and a pattern such as "/api/v1/products/{id}". `{name}` matches one
/// non-empty path segment and is handed to the handler as a path parameter.
struct Route {
    std::string method;
    std::string pattern;
    /// access::kPublic, access::kAuthenticated, or a permission such as "catalog.write".
    std::string permission;
    Handler handler;
    /// Set for WebSocket routes: the request must ask for an upgrade.
    WebSocketHandler socketHandler;
    std::vector<std::string> segments;
};

/// The outcome of matching a request line against the routes.
struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    /// Methods that would have matched the path, for a 405's Allow header.
    std::vector<std::string> allowed;
};

/// The table of routes. Filled at start-up, then read concurrently without locks.
class Router {
public:
    void add(std::string method, std::string pattern, std::string permission, Handler handler);
    /// A GET route that upgrades to a WebSocket after the same authorization as any route.
    void addWebSocket(std::string pattern, std::string permission, WebSocketHandler handler);
    RouteMatch match(std::string_view method, std::string_view path) const;
    /// Changes the access of every GET route that demands `permission` to `access`
    /// (start-up configuration only; not thread-safe).
    void reassignReads(const std::string& permission, const std::string& access);
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace tosserp::http
