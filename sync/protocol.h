#pragma once

#include <cstdint>
#include <string_view>

namespace tosserp::sync {

/// Version history of the replica ⇄ server sync protocol (see sync/PROTOCOL.md once written).
///   1 — first version: pull of row changes after a cursor, push of commands with ids.
inline constexpr std::int32_t kProtocolVersion = 1;
/// The oldest client protocol a server of this build still answers.
inline constexpr std::int32_t kOldestSupportedVersion = 1;

/// What a peer speaking `version` must do: carry on, or upgrade before it syncs again.
enum class VersionVerdict { Compatible, ClientTooOld, ClientTooNew };

/// Compares a client's protocol version with this build's.
VersionVerdict checkVersion(std::int32_t clientVersion);

std::string_view verdictName(VersionVerdict verdict);

} // namespace tosserp::sync
