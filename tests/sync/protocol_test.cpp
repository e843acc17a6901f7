#include "sync/protocol.h"

#include <gtest/gtest.h>

using namespace tosserp::sync;

TEST(SyncProtocol, RefusesClientsOlderThanTheOldestSupportedVersion)
{
    EXPECT_EQ(checkVersion(kOldestSupportedVersion - 1), VersionVerdict::ClientTooOld);
    EXPECT_EQ(checkVersion(0), VersionVerdict::ClientTooOld);
}

TEST(SyncProtocol, RefusesClientsNewerThanThisBuild)
{
    EXPECT_EQ(checkVersion(kProtocolVersion + 1), VersionVerdict::ClientTooNew);
    EXPECT_EQ(verdictName(checkVersion(kProtocolVersion + 1)), "client_too_new");
}

TEST(SyncProtocol, AcceptsEverySupportedVersion)
{
    for (auto v = kOldestSupportedVersion; v <= kProtocolVersion; ++v) {
        EXPECT_EQ(checkVersion(v), VersionVerdict::Compatible) << v;
    }
}

TEST(SyncProtocol, ActionForStatusGivesUpOnRequestsThatCanNeverSucceed)
{
    EXPECT_EQ(actionForStatus(400, "invalid_request"), ClientAction::GiveUp);
    EXPECT_EQ(actionForStatus(400, ""), ClientAction::GiveUp);
    EXPECT_EQ(actionForStatus(403, "forbidden"), ClientAction::GiveUp);
    EXPECT_EQ(actionForStatus(404, ""), ClientAction::GiveUp);
    EXPECT_EQ(actionForStatus(409, "some_other_conflict"), ClientAction::GiveUp);
    EXPECT_EQ(actionForStatus(422, ""), ClientAction::GiveUp);
}

TEST(SyncProtocol, ActionForStatusResyncsOnEveryCursorError)
{
    EXPECT_EQ(actionForStatus(400, "invalid_cursor"), ClientAction::Resync);
    EXPECT_EQ(actionForStatus(409, "cursor_from_another_server"), ClientAction::Resync);
    EXPECT_EQ(actionForStatus(409, "cursor_in_future"), ClientAction::Resync);
}

TEST(SyncProtocol, ActionForStatusTable)
{
    EXPECT_EQ(actionForStatus(426, "protocol_unsupported"), ClientAction::Upgrade);
    EXPECT_EQ(actionForStatus(426, ""), ClientAction::Upgrade);
    EXPECT_EQ(actionForStatus(400, "protocol_unsupported"), ClientAction::Upgrade) << "the code wins";
    EXPECT_EQ(actionForStatus(401, ""), ClientAction::SignIn);
    EXPECT_EQ(actionForStatus(401, "token_expired"), ClientAction::SignIn);
    for (int status : { 0, 408, 413, 429, 500, 502, 503, 504, 599 })
        EXPECT_EQ(actionForStatus(status, ""), ClientAction::Retry) << status;
}

TEST(SyncProtocol, ActionNamesRoundTrip)
{
    for (auto action : { ClientAction::Retry, ClientAction::Resync, ClientAction::SignIn, ClientAction::GiveUp,
             ClientAction::Upgrade }) {
        EXPECT_EQ(parseAction(actionName(action)), action);
    }
    EXPECT_EQ(actionName(ClientAction::SignIn), "sign_in");
    EXPECT_EQ(actionName(ClientAction::GiveUp), "give_up");
    EXPECT_EQ(parseAction("Retry"), std::nullopt);
    EXPECT_EQ(parseAction(""), std::nullopt);
}

TEST(SyncProtocol, LimitsMatchTheSpec)
{
    EXPECT_EQ(kProtocolHeader, "X-Sync-Protocol");
    EXPECT_EQ(kDefaultPageLimit, 1000);
    EXPECT_EQ(kMaxPageLimit, 5000);
    EXPECT_EQ(kMaxPushCommands, 1000);
    EXPECT_LT(kClientPingInterval, kLiveSilenceTimeout);
    EXPECT_LT(kServerPingInterval, kLiveSilenceTimeout);
}
