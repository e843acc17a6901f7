#pragma once

#include "client/src/api_client.h"
#include "client/src/replica.h"
#include "sync/protocol.h"

#include <functional>
#include <string>

namespace tosserp::client {

/// What one round of sync did, and what stopped it if it stopped early.
struct SyncReport {
    int pushed = 0;
    int applied = 0;
    int rejected = 0;
    int conflicts = 0;
    int pulledChanges = 0;
    int pages = 0;
    bool resynced = false;
    bool complete = false;
    /// Empty when the round finished; otherwise why not, and what to do about it.
    std::string error;
    sync::ClientAction action = sync::ClientAction::Retry;
};

/// Progress of a pull: changes applied so far, and the phase ("snapshot" or "tail").
using PullProgress = std::function<void(int changes, const std::string& phase)>;

/// Moves commands from the outbox to the server and the server's changes into the replica,
/// following sync/PROTOCOL.md: push in order (a retry sends the same ids, so nothing applies
/// twice), then pull pages until the end, each page and its cursor in one transaction. Errors
/// never lose the outbox: a network failure leaves everything queued; an expired session
/// asks for sign-in; a cursor the server refuses starts a fresh snapshot. Blocking; one
/// thread.
class SyncEngine {
public:
    SyncEngine(Replica& replica, ApiClient& api);

    SyncReport syncOnce(const PullProgress& progress = {});
    SyncReport push();
    SyncReport pull(const PullProgress& progress = {}, int pageSize = 5000);
    /// Compares the replica's checksum with the server's; on a difference re-syncs from a
    /// snapshot. Returns true when they matched (or match after the repair).
    bool verify(SyncReport& report);

    /// Syncs now, then again whenever the live channel says there are changes (or every
    /// `fallbackSeconds`), backing off with jitter after failures, until `keepGoing` says
    /// stop. `onRound` sees each round's report.
    void watch(const std::function<bool()>& keepGoing, const std::function<void(const SyncReport&)>& onRound,
        int fallbackSeconds = 30);

private:
    bool fail(SyncReport& report, const HttpReply& reply, const std::string& what);

    Replica& m_replica;
    ApiClient& m_api;
};

} // namespace tosserp::client
