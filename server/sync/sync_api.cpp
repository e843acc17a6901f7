#include "server/sync/sync_api.h"

#include "server/core/log.h"
#include "server/http/api.h"
#include "sync/protocol.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>

namespace tosserp::syncserver {

using namespace tosserp::http;

namespace {

constexpr int kMaxCommands = 1000;

ApiError withAction(ApiError error, sync::ClientAction action)
{
    error.extensions["action"] = std::string(sync::actionName(action));
    return error;
}

void checkProtocol(const Request& request)
{
    const auto header = request.header("x-sync-protocol");
    if (!header) {
        return;
    }
    int version = 0;
    try {
        version = std::stoi(*header);
    } catch (const std::exception&) {
        version = -1;
    }
    if (sync::checkVersion(version) != sync::VersionVerdict::Compatible) {
        throw withAction(
            ApiError(426, "protocol_unsupported",
                "This server speaks sync protocol " + std::to_string(sync::kProtocolVersion) + "; update the client."),
            sync::ClientAction::Upgrade);
    }
}

ApiError syncError(const domain::Error& error)
{
    auto api = fromDomain(error);
    return withAction(api, sync::actionForStatus(api.status(), api.code()));
}

Response changes(SyncService& sync, Request& request)
{
    checkProtocol(request);
    std::optional<sync::Cursor> cursor;
    if (const auto text = request.queryParam("cursor")) {
        auto decoded = sync::Cursor::decode(*text);
        if (!decoded) {
            throw withAction(ApiError(400, "invalid_cursor", decoded.error().message,
                                 { { "cursor", "invalid_cursor", decoded.error().message } }),
                sync::ClientAction::Resync);
        }
        cursor = decoded.value();
    }
    const int limit = pageLimit(request, 1000, 5000);
    auto page = sync.changes(cursor, limit, *request.principal);
    if (!page) {
        throw syncError(page.error());
    }
    Response response;
    response.body = sync::dumpPage(page.value());
    return response;
}

Response push(SyncService& sync, Request& request)
{
    checkProtocol(request);
    const auto json = parseJsonBody(request);
    auto parsed = sync::pushRequestFromJson(json);
    if (!parsed) {
        throw withAction(ApiError(400, parsed.error().code, parsed.error().message,
                             { { parsed.error().field, parsed.error().code, parsed.error().message } }),
            sync::ClientAction::GiveUp);
    }
    if (parsed.value().commands.empty() || parsed.value().commands.size() > kMaxCommands) {
        throw withAction(
            ApiError(400, "invalid_request", "Push 1 to " + std::to_string(kMaxCommands) + " commands at a time.",
                { { "commands", "out_of_range", "1 to " + std::to_string(kMaxCommands) + " commands." } }),
            sync::ClientAction::GiveUp);
    }
    sync::PushResponse response;
    response.protocol = sync::kProtocolVersion;
    response.results = sync.push(parsed.value().commands, *request.principal, eventContext(request));
    return Response::json(200, sync::toJson(response));
}

/// Says "changes" whenever a commit lands, "ping" every 25 s; answers pings; ends on close,
/// on a dead peer, or when the server stops.
void live(ChangeFeed& feed, Poco::Net::WebSocket& socket, const Request& request)
{
    using namespace std::chrono;
    socket.setReceiveTimeout(Poco::Timespan(0, 0));
    auto send = [&](const nlohmann::json& message) {
        const auto text = message.dump();
        socket.sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
    };
    auto seen = feed.current();
    auto lastPing = steady_clock::now();
    try {
        send({ { "type", "hello" }, { "position", seen } });
        while (!feed.closed()) {
            const auto now = feed.waitBeyond(seen, milliseconds(250));
            if (now > seen) {
                seen = now;
                send({ { "type", "changes" }, { "position", seen } });
            }
            if (steady_clock::now() - lastPing > seconds(25)) {
                send({ { "type", "ping" } });
                lastPing = steady_clock::now();
            }
            while (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) {
                char buffer[1024];
                int flags = 0;
                const int n = socket.receiveFrame(buffer, sizeof buffer, flags);
                if (endsChannel(n, flags)) {
                    socket.shutdown();
                    return;
                }
                if ((flags & Poco::Net::WebSocket::FRAME_OP_BITMASK) == Poco::Net::WebSocket::FRAME_OP_PING) {
                    socket.sendFrame(buffer, n,
                        static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) | Poco::Net::WebSocket::FRAME_OP_PONG);
                }
            }
        }
        socket.shutdown(Poco::Net::WebSocket::WS_ENDPOINT_GOING_AWAY);
    } catch (const Poco::Exception& e) {
        log::debug("live channel closed", { { "request_id", request.requestId }, { "reason", e.displayText() } });
    }
}

} // namespace

void registerSyncRoutes(Router& router, SyncService& sync, ChangeFeed& feed)
{
    const std::string use(domain::permission::kSyncUse);
    router.add("GET", "/api/v1/sync/changes", use, [&](Request& r) { return changes(sync, r); });
    router.add("POST", "/api/v1/sync/push", use, [&](Request& r) { return push(sync, r); });
    router.add("GET", "/api/v1/sync/checksum", use, [&](Request& r) {
        checkProtocol(r);
        return Response::json(200, sync.checksum(*r.principal));
    });
    router.addWebSocket("/api/v1/sync/live", use,
        [&](const Request& r) { return [&feed, &r](Poco::Net::WebSocket& socket) { live(feed, socket, r); }; });
}

} // namespace tosserp::syncserver
