#pragma once

#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace tosserp::sync {

/// What a text frame of the live channel (WebSocket /api/v1/sync/live) says.
enum class LiveMessageType {
    Hello, ///< the channel just opened; events up to `position` are committed: pull if behind
    Changes, ///< events up to `position` are committed: pull
    Ping, ///< the server is alive (every kServerPingInterval): pull too, it is cheap
};

/// One server → client frame. The client never answers with a text frame; on any frame,
/// even one it cannot read, it pulls.
struct LiveMessage {
    LiveMessageType type = LiveMessageType::Ping;
    std::int64_t position = 0; ///< Changes only

    static LiveMessage changes(std::int64_t position) { return { LiveMessageType::Changes, position }; }
    static LiveMessage ping() { return { LiveMessageType::Ping, 0 }; }
    static LiveMessage hello(std::int64_t position) { return { LiveMessageType::Hello, position }; }

    /// Reads a frame's JSON. Invalid "invalid_live_message" (field "type" or "position")
    /// when the type is missing or unknown, or a changes frame has no position >= 0.
    static domain::Result<LiveMessage> fromJson(const nlohmann::json& json);

    friend bool operator==(const LiveMessage&, const LiveMessage&) = default;
};

/// {"type":"hello"|"changes","position":P} or {"type":"ping"}.
nlohmann::json toJson(const LiveMessage& message);

} // namespace tosserp::sync
