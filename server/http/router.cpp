#include "server/http/router.h"

#include <Poco/Net/WebSocket.h>

namespace tosserp::http {

namespace {

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) {
            out.push_back(path.substr(start, end - start));
        }
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return out;
}

bool isParameter(const std::string& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

} // namespace

void Router::add(std::string method, std::string pattern, std::string permission, Handler handler)
{
    Route route { std::move(method), std::move(pattern), std::move(permission), std::move(handler), {}, {} };
    for (auto segment : splitPath(route.pattern)) {
        route.segments.emplace_back(segment);
    }
    m_routes.push_back(std::move(route));
}

void Router::addWebSocket(std::string pattern, std::string permission, WebSocketHandler handler)
{
    add("GET", std::move(pattern), std::move(permission), {});
    m_routes.back().socketHandler = std::move(handler);
}

void Router::reassignReads(const std::string& permission, const std::string& access)
{
    for (auto& route : m_routes) {
        if (route.method == "GET" && route.permission == permission) {
            route.permission = access;
        }
    }
}

RouteMatch Router::match(std::string_view method, std::string_view path) const
{
    RouteMatch result;
    const auto parts = splitPath(path);
    // A trailing slash is a different resource; refuse it rather than guess.
    if (path.size() > 1 && path.back() == '/') {
        return result;
    }
    for (const auto& route : m_routes) {
        if (route.segments.size() != parts.size()) {
            continue;
        }
        std::map<std::string, std::string> params;
        bool matched = true;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto& segment = route.segments[i];
            if (isParameter(segment)) {
                params.emplace(segment.substr(1, segment.size() - 2), percentDecode(parts[i]));
            } else if (segment != parts[i]) {
                matched = false;
                break;
            }
        }
        if (!matched) {
            continue;
        }
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.allowed.push_back(route.method);
    }
    return result;
}

bool endsChannel(int received, int flags)
{
    return received < 0 || (received == 0 && flags == 0)
        || (flags & Poco::Net::WebSocket::FRAME_OP_BITMASK) == Poco::Net::WebSocket::FRAME_OP_CLOSE;
}

} // namespace tosserp::http
