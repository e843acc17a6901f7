#include "domain/login_throttle.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace tosserp::domain {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr std::int64_t kMinute = 60 * 1000;
const ThrottlePolicy kPolicy {}; // 10 failures in 5 minutes lock for 15 minutes

FailureWindow failTimes(int count, std::int64_t start, std::int64_t stepMs, FailureWindow w = {})
{
    for (int i = 0; i < count; ++i)
        w = recordFailure(w, start + i * stepMs, kPolicy);
    return w;
}

TEST(LoginThrottleTest, DefaultPolicy)
{
    EXPECT_EQ(kPolicy.maxFailures, 10);
    EXPECT_EQ(kPolicy.windowMs, 5 * kMinute);
    EXPECT_EQ(kPolicy.lockMs, 15 * kMinute);
}

TEST(LoginThrottleTest, NineFailuresDoNotLock)
{
    const auto w = failTimes(9, kT0, 1000);
    EXPECT_EQ(w.failures, 9);
    EXPECT_EQ(w.windowStartMs, kT0);
    EXPECT_FALSE(isLocked(w, kT0 + 9000));
    EXPECT_EQ(retryAfterMs(w, kT0 + 9000), 0);
}

TEST(LoginThrottleTest, TenthFailureLocks)
{
    const auto nine = failTimes(9, kT0, 1000);
    const std::int64_t tenthAt = kT0 + 9000;
    const auto w = recordFailure(nine, tenthAt, kPolicy);
    EXPECT_TRUE(isLocked(w, tenthAt));
    EXPECT_EQ(w.lockedUntilMs, tenthAt + 15 * kMinute);
    EXPECT_EQ(retryAfterMs(w, tenthAt), 15 * kMinute);
    EXPECT_EQ(retryAfterMs(w, tenthAt + 5 * kMinute), 10 * kMinute);
    EXPECT_EQ(retryAfterMs(w, tenthAt + 15 * kMinute - 1), 1);
    EXPECT_EQ(w.failures, 0);
}

TEST(LoginThrottleTest, FailuresWhileLockedNeitherCountNorExtend)
{
    const auto locked = failTimes(10, kT0, 1000);
    const auto again = recordFailure(locked, kT0 + 10 * kMinute, kPolicy);
    EXPECT_EQ(again, locked);
}

TEST(LoginThrottleTest, LockLiftsAfterLockMs)
{
    const auto w = failTimes(10, kT0, 0);
    const std::int64_t until = kT0 + 15 * kMinute;
    EXPECT_TRUE(isLocked(w, until - 1));
    EXPECT_FALSE(isLocked(w, until));
    EXPECT_EQ(retryAfterMs(w, until), 0);
    EXPECT_EQ(retryAfterMs(w, until + kMinute), 0);
    // Counting starts afresh: one failure after the lock does not lock again.
    const auto after = recordFailure(w, until, kPolicy);
    EXPECT_FALSE(isLocked(after, until));
    EXPECT_EQ(after.failures, 1);
    EXPECT_EQ(after.windowStartMs, until);
}

TEST(LoginThrottleTest, ExpiredWindowRestartsTheCount)
{
    const auto nine = failTimes(9, kT0, 1000);
    // The window is fixed at the first failure: it covers [kT0, kT0 + 5 min).
    const auto inside = recordFailure(failTimes(8, kT0, 1000), kT0 + 5 * kMinute - 1, kPolicy);
    EXPECT_EQ(inside.failures, 9);
    EXPECT_EQ(inside.windowStartMs, kT0);

    const auto restarted = recordFailure(nine, kT0 + 5 * kMinute, kPolicy);
    EXPECT_FALSE(isLocked(restarted, kT0 + 5 * kMinute));
    EXPECT_EQ(restarted.failures, 1);
    EXPECT_EQ(restarted.windowStartMs, kT0 + 5 * kMinute);
    // Nine more in the new window still do not lock; the tenth does.
    const auto nineMore = failTimes(8, kT0 + 5 * kMinute + 1, 1, restarted);
    EXPECT_EQ(nineMore.failures, 9);
    EXPECT_FALSE(isLocked(nineMore, kT0 + 6 * kMinute));
    EXPECT_TRUE(isLocked(recordFailure(nineMore, kT0 + 6 * kMinute, kPolicy), kT0 + 6 * kMinute));
}

TEST(LoginThrottleTest, SlowFailuresNeverLock)
{
    // One failure a minute: at most five fall in one window.
    const auto w = failTimes(100, kT0, kMinute);
    EXPECT_FALSE(isLocked(w, kT0 + 100 * kMinute));
    EXPECT_LE(w.failures, 5);
}

TEST(LoginThrottleTest, ClockGoingBackRestartsTheWindow)
{
    const auto w = recordFailure(failTimes(5, kT0, 1000), kT0 - kMinute, kPolicy);
    EXPECT_EQ(w.failures, 1);
    EXPECT_EQ(w.windowStartMs, kT0 - kMinute);
}

TEST(LoginThrottleTest, SuccessClearsFailuresButNotAnActiveLock)
{
    const auto cleared = recordSuccess(failTimes(9, kT0, 1000), kT0 + 9000);
    EXPECT_EQ(cleared, FailureWindow {});
    // After a success the next nine failures do not lock.
    EXPECT_FALSE(isLocked(failTimes(9, kT0 + 10000, 1000, cleared), kT0 + 20000));

    const auto locked = failTimes(10, kT0, 0);
    const auto stillLocked = recordSuccess(locked, kT0 + kMinute);
    EXPECT_TRUE(isLocked(stillLocked, kT0 + kMinute));
    EXPECT_EQ(stillLocked.lockedUntilMs, locked.lockedUntilMs);
    const auto expired = recordSuccess(locked, kT0 + 15 * kMinute);
    EXPECT_EQ(expired, FailureWindow {});
}

TEST(LoginThrottleTest, CustomPolicyAndSaturation)
{
    const ThrottlePolicy strict { 3, 1000, 60000 };
    auto w = recordFailure({}, 0, strict);
    w = recordFailure(w, 1, strict);
    EXPECT_FALSE(isLocked(w, 1));
    w = recordFailure(w, 2, strict);
    EXPECT_TRUE(isLocked(w, 2));
    EXPECT_EQ(retryAfterMs(w, 2), 60000);

    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    const ThrottlePolicy forever { 1, kMax, kMax };
    const auto locked = recordFailure({}, kT0, forever);
    EXPECT_EQ(locked.lockedUntilMs, kMax);
    EXPECT_EQ(retryAfterMs(locked, kT0), kMax - kT0);
    EXPECT_EQ(retryAfterMs(locked, std::numeric_limits<std::int64_t>::min()), kMax);
}

} // namespace
} // namespace tosserp::domain
