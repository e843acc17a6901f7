#include "domain/login_throttle.h"

#include "domain/checked_math.h"

#include <algorithm>
#include <limits>

namespace tosserp::domain {
namespace {

constexpr auto kMaxTime = std::numeric_limits<std::int64_t>::max();

} // namespace

bool isLocked(const FailureWindow& w, std::int64_t nowMs)
{
    return nowMs < w.lockedUntilMs;
}

FailureWindow recordFailure(FailureWindow w, std::int64_t nowMs, const ThrottlePolicy& policy)
{
    if (isLocked(w, nowMs))
        return w;
    const auto windowEnd = checkedAdd(w.windowStartMs, std::max<std::int64_t>(policy.windowMs, 0)).value_or(kMaxTime);
    if (w.failures <= 0 || nowMs >= windowEnd || nowMs < w.windowStartMs) {
        w.failures = 1;
        w.windowStartMs = nowMs;
    } else {
        ++w.failures;
    }
    if (w.failures >= std::max(policy.maxFailures, 1)) {
        w.lockedUntilMs = checkedAdd(nowMs, std::max<std::int64_t>(policy.lockMs, 0)).value_or(kMaxTime);
        w.failures = 0;
        w.windowStartMs = 0;
    }
    return w;
}

FailureWindow recordSuccess(FailureWindow w, std::int64_t nowMs)
{
    w.failures = 0;
    w.windowStartMs = 0;
    if (!isLocked(w, nowMs))
        w.lockedUntilMs = 0;
    return w;
}

std::int64_t retryAfterMs(const FailureWindow& w, std::int64_t nowMs)
{
    if (!isLocked(w, nowMs))
        return 0;
    return checkedSub(w.lockedUntilMs, nowMs).value_or(kMaxTime);
}

} // namespace tosserp::domain
