#include "sync/live.h"

#include "tests/domain/expect_error.h"

#include <gtest/gtest.h>

namespace tosserp::sync {
namespace {

using domain::ErrorKind;
using domain::testing::failsWith;
using nlohmann::json;

TEST(LiveMessageTest, RefusesFramesItCannotRead)
{
    EXPECT_TRUE(failsWith(LiveMessage::fromJson(json::array()), ErrorKind::Invalid, "invalid_live_message"));
    EXPECT_TRUE(failsWith(LiveMessage::fromJson(json::object()), ErrorKind::Invalid, "invalid_live_message", "type"));
    EXPECT_TRUE(failsWith(
        LiveMessage::fromJson(json { { "type", "reboot" } }), ErrorKind::Invalid, "invalid_live_message", "type"));
    EXPECT_TRUE(failsWith(
        LiveMessage::fromJson(json { { "type", "changes" } }), ErrorKind::Invalid, "invalid_live_message", "position"));
    EXPECT_TRUE(failsWith(LiveMessage::fromJson(json { { "type", "changes" }, { "position", -3 } }), ErrorKind::Invalid,
        "invalid_live_message", "position"));
}

TEST(LiveMessageTest, ReadsAndWritesBothFrames)
{
    EXPECT_EQ(toJson(LiveMessage::changes(1234)), json::parse(R"({"type": "changes", "position": 1234})"));
    EXPECT_EQ(toJson(LiveMessage::ping()), json::parse(R"({"type": "ping"})"));
    EXPECT_EQ(LiveMessage::fromJson(toJson(LiveMessage::changes(1234))).value(), LiveMessage::changes(1234));
    EXPECT_EQ(
        LiveMessage::fromJson(json::parse(R"({"type": "ping", "position": "ignored"})")).value(), LiveMessage::ping());
}

} // namespace
} // namespace tosserp::sync
