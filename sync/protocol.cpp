#include "sync/protocol.h"

namespace tosserp::sync {

VersionVerdict checkVersion(std::int32_t clientVersion)
{
    if (clientVersion < kOldestSupportedVersion) {
        return VersionVerdict::ClientTooOld;
    }
    if (clientVersion > kProtocolVersion) {
        return VersionVerdict::ClientTooNew;
    }
    return VersionVerdict::Compatible;
}

std::string_view verdictName(VersionVerdict verdict)
{
    switch (verdict) {
    case VersionVerdict::Compatible:
        return "compatible";
    case VersionVerdict::ClientTooOld:
        return "client_too_old";
    case VersionVerdict::ClientTooNew:
        return "client_too_new";
    }
    return "compatible";
}

} // namespace tosserp::sync
