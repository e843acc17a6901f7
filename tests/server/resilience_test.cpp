// Retry delays, the circuit breaker's three states and the bulkhead's bound.
#include "server/core/metrics.h"
#include "server/core/resilience.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using tosserp::Bulkhead;
using tosserp::CircuitBreaker;
using tosserp::RetryPolicy;

TEST(Retry, DelaysGrowExponentiallyWithFullJitterAndACeiling)
{
    RetryPolicy policy;
    policy.baseDelay = 50ms;
    policy.maxDelay = 400ms;
    std::mt19937_64 random(7);
    for (int retry = 1; retry <= 8; ++retry) {
        const auto ceiling = std::min<std::int64_t>(400, 50LL << (retry - 1));
        std::int64_t longest = 0;
        for (int draw = 0; draw < 200; ++draw) {
            const auto pause = policy.delay(retry, random).count();
            EXPECT_GE(pause, 0);
            EXPECT_LE(pause, ceiling) << "retry " << retry;
            longest = std::max(longest, pause);
        }
        EXPECT_GT(longest, ceiling / 2) << "the jitter spans the whole window, retry " << retry;
    }
}

TEST(CircuitBreaker, OpensAfterTheThresholdTriesOnceWhenHalfOpenAndClosesOnSuccess)
{
    auto now = CircuitBreaker::Clock::now();
    CircuitBreaker breaker("test_dependency", 3, 1000ms, [&] { return now; });
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess(); // a success in between starts the count again
    breaker.recordFailure();
    breaker.recordFailure();
    EXPECT_TRUE(breaker.allow());
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Open);
    EXPECT_FALSE(breaker.allow());
    now += 999ms;
    EXPECT_FALSE(breaker.allow());
    now += 1ms;
    EXPECT_TRUE(breaker.allow()); // the one trial call
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::HalfOpen);
    EXPECT_FALSE(breaker.allow()); // only one at a time
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Open);
    now += 1000ms;
    EXPECT_TRUE(breaker.allow());
    breaker.recordSuccess();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    EXPECT_TRUE(breaker.allow());
    const auto text = tosserp::metrics().render();
    EXPECT_NE(text.find("tosserp_circuit_state{dependency=\"test_dependency\"} 0"), std::string::npos);
    EXPECT_NE(text.find("tosserp_circuit_refused_total{dependency=\"test_dependency\"} 3"), std::string::npos);
}

TEST(Bulkhead, RefusesPastItsBoundAndFreesSlotsOnRelease)
{
    Bulkhead bulkhead("test_bulkhead", 2);
    {
        auto first = bulkhead.tryAcquire();
        auto second = bulkhead.tryAcquire();
        EXPECT_TRUE(first.acquired());
        EXPECT_TRUE(second.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
        const auto third = bulkhead.tryAcquire();
        EXPECT_FALSE(third.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
        auto moved = std::move(first);
        EXPECT_TRUE(moved.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
    }
    EXPECT_EQ(bulkhead.inFlight(), 0);
    EXPECT_TRUE(bulkhead.tryAcquire().acquired());
}
