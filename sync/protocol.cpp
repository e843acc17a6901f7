#include "sync/protocol.h"

#include <initializer_list>

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

std::string_view actionName(ClientAction action)
{
    switch (action) {
    case ClientAction::Retry:
        return "retry";
    case ClientAction::Resync:
        return "resync";
    case ClientAction::SignIn:
        return "sign_in";
    case ClientAction::GiveUp:
        return "give_up";
    case ClientAction::Upgrade:
        return "upgrade";
    }
    return "give_up";
}

std::optional<ClientAction> parseAction(std::string_view name)
{
    for (auto action : { ClientAction::Retry, ClientAction::Resync, ClientAction::SignIn, ClientAction::GiveUp,
             ClientAction::Upgrade }) {
        if (actionName(action) == name)
            return action;
    }
    return std::nullopt;
}

ClientAction actionForStatus(int httpStatus, std::string_view code)
{
    if (code == "protocol_unsupported")
        return ClientAction::Upgrade;
    if (code == "invalid_cursor" || code == "cursor_from_another_server" || code == "cursor_in_future")
        return ClientAction::Resync;
    switch (httpStatus) {
    case 426:
        return ClientAction::Upgrade;
    case 401:
        return ClientAction::SignIn;
    case 0: // no answer at all: the network or the server is down
    case 408:
    case 413: // the client retries with a smaller batch (see PROTOCOL.md)
    case 429:
        return ClientAction::Retry;
    default:
        break;
    }
    if (httpStatus >= 500 && httpStatus <= 599)
        return ClientAction::Retry;
    return ClientAction::GiveUp;
}

} // namespace tosserp::sync
