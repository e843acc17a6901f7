#pragma once

#include <cstdint>

namespace tosserp::domain {

/// How many failed sign-ins are tolerated before an account (or an address) is locked.
struct ThrottlePolicy {
    int maxFailures = 10; ///< the failure that reaches this count locks; values below 1 count as 1
    std::int64_t windowMs = 5 * 60 * 1000;
    std::int64_t lockMs = 15 * 60 * 1000;
};

/// Failed sign-ins of one account (or one address). The window is fixed, not sliding:
/// it starts at the first failure and covers [windowStartMs, windowStartMs + windowMs);
/// the first failure at or after its end starts a new window. Times are milliseconds on
/// one clock (e.g. Unix time); all arithmetic saturates instead of overflowing.
struct FailureWindow {
    int failures = 0; ///< failures in the current window; 0 when there is none
    std::int64_t windowStartMs = 0;
    std::int64_t lockedUntilMs = 0; ///< 0 when never locked

    friend bool operator==(const FailureWindow&, const FailureWindow&) = default;
};

/// True while nowMs < w.lockedUntilMs.
bool isLocked(const FailureWindow& w, std::int64_t nowMs);

/// Records one failure at nowMs. While locked, returns `w` unchanged (the caller refused
/// the attempt without checking it, so it neither counts nor extends the lock). With no
/// current window, or one that has expired (nowMs ≥ start + windowMs, or the clock went
/// back), a new window starts at nowMs with 1 failure; otherwise the count goes up. The
/// failure that reaches policy.maxFailures locks until nowMs + lockMs and clears the
/// count, so counting starts afresh once the lock lifts.
FailureWindow recordFailure(FailureWindow w, std::int64_t nowMs, const ThrottlePolicy& policy);

/// A successful sign-in: clears the failure count and window. An active lock stays
/// (callers refuse sign-in while locked); an expired one is cleared to 0.
FailureWindow recordSuccess(FailureWindow w, std::int64_t nowMs);

/// Milliseconds until the lock lifts; 0 when not locked.
std::int64_t retryAfterMs(const FailureWindow& w, std::int64_t nowMs);

} // namespace tosserp::domain
