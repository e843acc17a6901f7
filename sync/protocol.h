#pragma once

// The replica ⇄ server sync protocol: version, limits, endpoints, and what a client does
// after an error. The full wire format, with its invariants, is in sync/PROTOCOL.md; this
// header and PROTOCOL.md change together.
//
// Version history (bump kProtocolVersion for any change an older peer would misread, and
// add a line here and in PROTOCOL.md):
//   1 — first version. Pull: row changes after an opaque cursor (base64url JSON with
//       written invariants), a paged snapshot of six Stock tables in a fixed order, then
//       the tail of the event log. Push: commands with client-made UUIDs, applied once
//       each, answered applied / rejected / conflict; UpdateProduct merges per field
//       against a base. Live: WebSocket "changes" and "ping" text frames. Checksums: per
//       table row counts and sums of an integer row hash that SQL can compute.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tosserp::sync {

/// The protocol this build speaks.
inline constexpr std::int32_t kProtocolVersion = 1;
/// The oldest client protocol a server of this build still answers.
inline constexpr std::int32_t kOldestSupportedVersion = 1;

/// The request header that carries the client's protocol version on every sync request.
inline constexpr std::string_view kProtocolHeader = "X-Sync-Protocol";

/// Endpoints (relative to the server's base address).
inline constexpr std::string_view kChangesPath = "/api/v1/sync/changes";
inline constexpr std::string_view kPushPath = "/api/v1/sync/push";
inline constexpr std::string_view kLivePath = "/api/v1/sync/live";
inline constexpr std::string_view kChecksumPath = "/api/v1/sync/checksum";

/// Page size of a pull: `limit` is 1..kMaxPageLimit, kDefaultPageLimit when absent.
inline constexpr int kMinPageLimit = 1;
inline constexpr int kDefaultPageLimit = 1000;
inline constexpr int kMaxPageLimit = 5000;

/// Commands per push request: 1..kMaxPushCommands.
inline constexpr int kMaxPushCommands = 1000;

/// Live channel timing: the server sends {"type":"ping"} every kServerPingInterval; the
/// client sends a WebSocket ping every kClientPingInterval and treats kLiveSilenceTimeout
/// without any frame as a dead connection.
inline constexpr std::chrono::seconds kServerPingInterval { 25 };
inline constexpr std::chrono::seconds kClientPingInterval { 20 };
inline constexpr std::chrono::seconds kLiveSilenceTimeout { 45 };

/// What a peer speaking `version` must do: carry on, or upgrade before it syncs again.
enum class VersionVerdict { Compatible, ClientTooOld, ClientTooNew };

/// Compares a client's protocol version with this build's.
VersionVerdict checkVersion(std::int32_t clientVersion);

std::string_view verdictName(VersionVerdict verdict);

/// What a client does next after a refused sync request. Every sync error response
/// (problem+json) names one in its `action` member; actionForStatus gives the same answer
/// from the status and code alone, for responses that lack it (proxies, old servers).
enum class ClientAction {
    Retry, ///< transient: try the same request again later, with exponential backoff
    Resync, ///< the replica's cursor is unusable: drop the replica, pull a fresh snapshot
    SignIn, ///< the credentials are missing or expired: refresh the token or sign in again
    GiveUp, ///< the request itself is wrong and will never succeed: report it, do not retry
    Upgrade, ///< this client's protocol is not served: install a newer client
};

/// Stable snake_case name: "retry", "resync", "sign_in", "give_up", "upgrade".
std::string_view actionName(ClientAction action);

/// The action named `name` (as actionName writes it); nullopt for anything else.
std::optional<ClientAction> parseAction(std::string_view name);

/// The action for an answer with HTTP status `httpStatus` and problem code `code` (empty
/// when none). Known codes win: protocol_unsupported → Upgrade; invalid_cursor,
/// cursor_from_another_server, cursor_in_future → Resync. Then the status: 426 → Upgrade;
/// 401 → SignIn; 0 (no answer), 408, 413, 429 and every 5xx → Retry; anything else
/// (400 invalid_request, 403, 404, other 4xx, or a status that is not an error) → GiveUp.
ClientAction actionForStatus(int httpStatus, std::string_view code);

} // namespace tosserp::sync
