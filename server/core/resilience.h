#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <utility>

namespace tosserp {

/// How often and how patiently to repeat an idempotent call: up to `attempts` tries, the
/// pause before try n+1 drawn uniformly from [0, min(maxDelay, baseDelay × 2ⁿ)] ("full
/// jitter", so many callers do not retry in step).
struct RetryPolicy {
    int attempts = 4;
    std::chrono::milliseconds baseDelay { 50 };
    std::chrono::milliseconds maxDelay { 2000 };

    /// The pause before retry number `retry` (1 = the first retry).
    std::chrono::milliseconds delay(int retry, std::mt19937_64& random) const;
};

/// Stops calling a dependency that keeps failing. Closed: calls pass; `failureThreshold`
/// failures in a row open it. Open: calls are refused at once for `openFor`, then one trial
/// call is let through (half-open): its success closes the breaker, its failure opens it
/// again. The state is published as the gauge tosserp_circuit_state{dependency} (0 closed,
/// 1 open, 2 half-open) with a counter of the calls it refused. Thread-safe.
class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::chrono::steady_clock;

    CircuitBreaker(std::string dependency, int failureThreshold, std::chrono::milliseconds openFor,
        std::function<Clock::time_point()> now = Clock::now);

    /// Whether a call may go out now (false: refuse it without calling).
    bool allow();
    void recordSuccess();
    void recordFailure();
    State state() const;
    /// While open: how long until a trial call is let through (zero otherwise).
    std::chrono::milliseconds openFor() const;
    const std::string& dependency() const { return m_dependency; }

private:
    void publish();

    std::string m_dependency;
    int m_threshold;
    std::chrono::milliseconds m_openFor;
    std::function<Clock::time_point()> m_now;
    mutable std::mutex m_mutex;
    State m_state = State::Closed;
    int m_failures = 0;
    bool m_trialOut = false;
    Clock::time_point m_openedAt {};
};

std::string_view circuitStateName(CircuitBreaker::State state);

/// Bounds the calls in flight to one dependency; past the bound a call is refused at once
/// (the caller answers 503 with Retry-After) instead of queueing threads. Thread-safe.
class Bulkhead {
public:
    Bulkhead(std::string dependency, int maxConcurrent);

    /// A slot, released when it goes out of scope; `acquired()` false when the bulkhead is full.
    class Permit {
    public:
        explicit Permit(Bulkhead* owner)
            : m_owner(owner)
        { }
        Permit(Permit&& other) noexcept
            : m_owner(std::exchange(other.m_owner, nullptr))
        { }
        Permit(const Permit&) = delete;
        Permit& operator=(const Permit&) = delete;
        Permit& operator=(Permit&&) = delete;
        ~Permit();
        bool acquired() const { return m_owner != nullptr; }

    private:
        Bulkhead* m_owner;
    };

    Permit tryAcquire();
    int inFlight() const;

private:
    std::string m_dependency;
    int m_max;
    mutable std::mutex m_mutex;
    int m_inFlight = 0;
};

} // namespace tosserp
