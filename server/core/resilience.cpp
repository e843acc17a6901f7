#include "server/core/resilience.h"

#include "server/core/metrics.h"

#include <algorithm>

namespace tosserp {

std::chrono::milliseconds RetryPolicy::delay(int retry, std::mt19937_64& random) const
{
    const auto shift = std::min(retry - 1, 20);
    const auto ceiling = std::min<std::int64_t>(maxDelay.count(), baseDelay.count() << std::max(shift, 0));
    std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
    return std::chrono::milliseconds(pick(random));
}

std::string_view circuitStateName(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return "closed";
    case CircuitBreaker::State::Open:
        return "open";
    case CircuitBreaker::State::HalfOpen:
        return "half_open";
    }
    return "closed";
}

CircuitBreaker::CircuitBreaker(std::string dependency, int failureThreshold, std::chrono::milliseconds openFor,
    std::function<Clock::time_point()> now)
    : m_dependency(std::move(dependency))
    , m_threshold(std::max(failureThreshold, 1))
    , m_openFor(openFor)
    , m_now(std::move(now))
{
    publish();
}

void CircuitBreaker::publish()
{
    metrics()
        .gauge("tosserp_circuit_state", "Circuit breaker per dependency: 0 closed, 1 open, 2 half-open",
            { { "dependency", m_dependency } })
        .Set(static_cast<double>(static_cast<int>(m_state)));
}

bool CircuitBreaker::allow()
{
    std::lock_guard lock(m_mutex);
    if (m_state == State::Open && m_now() - m_openedAt >= m_openFor) {
        m_state = State::HalfOpen;
        m_trialOut = false;
        publish();
    }
    if (m_state == State::Closed) {
        return true;
    }
    if (m_state == State::HalfOpen && !m_trialOut) {
        m_trialOut = true;
        return true;
    }
    metrics()
        .counter("tosserp_circuit_refused_total", "Calls refused by an open circuit breaker",
            { { "dependency", m_dependency } })
        .Increment();
    return false;
}

void CircuitBreaker::recordSuccess()
{
    std::lock_guard lock(m_mutex);
    m_failures = 0;
    m_trialOut = false;
    if (m_state != State::Closed) {
        m_state = State::Closed;
        publish();
    }
}

void CircuitBreaker::recordFailure()
{
    std::lock_guard lock(m_mutex);
    ++m_failures;
    m_trialOut = false;
    if (m_state == State::HalfOpen || (m_state == State::Closed && m_failures >= m_threshold)) {
        m_state = State::Open;
        m_openedAt = m_now();
        publish();
    }
}

std::chrono::milliseconds CircuitBreaker::openFor() const
{
    std::lock_guard lock(m_mutex);
    if (m_state != State::Open) {
        return std::chrono::milliseconds(0);
    }
    const auto left = m_openFor - std::chrono::duration_cast<std::chrono::milliseconds>(m_now() - m_openedAt);
    return std::max(left, std::chrono::milliseconds(0));
}

CircuitBreaker::State CircuitBreaker::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

Bulkhead::Bulkhead(std::string dependency, int maxConcurrent)
    : m_dependency(std::move(dependency))
    , m_max(std::max(maxConcurrent, 1))
{ }

Bulkhead::Permit Bulkhead::tryAcquire()
{
    std::lock_guard lock(m_mutex);
    if (m_inFlight >= m_max) {
        metrics()
            .counter("tosserp_bulkhead_refused_total", "Calls refused because a dependency's bulkhead was full",
                { { "dependency", m_dependency } })
            .Increment();
        return Permit(nullptr);
    }
    ++m_inFlight;
    return Permit(this);
}

int Bulkhead::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

Bulkhead::Permit::~Permit()
{
    if (m_owner) {
        std::lock_guard lock(m_owner->m_mutex);
        --m_owner->m_inFlight;
    }
}

} // namespace tosserp
