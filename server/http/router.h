#pragma once

#include "server/http/request.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::http {

using Handler = std::function<Response(Request&)>;

/// One route: a method and a pattern such as "/api/v1/products/{id}". `{name}` matches one
/// non-empty path segment and is handed to the handler as a path parameter.
struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
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
    void add(std::string method, std::string pattern, Handler handler);
    RouteMatch match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace tosserp::http
