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
