#pragma once

#include "server/http/router.h"
#include "server/sync/change_feed.h"
#include "server/sync/sync_service.h"

namespace tosserp::syncserver {

/// /api/v1/sync/changes, /push, /checksum and the /live WebSocket (see sync/PROTOCOL.md).
/// Errors carry the client's next step in an "action" member.
void registerSyncRoutes(http::Router& router, SyncService& sync, ChangeFeed& feed);

} // namespace tosserp::syncserver
