#pragma once

#include "server/core/metrics.h"

#include <chrono>

namespace tosserp::stock {

/// Times one database operation of a service into the metrics (scope-bound).
class DbTimer {
public:
    explicit DbTimer(const char* operation)
        : m_operation(operation)
        , m_started(std::chrono::steady_clock::now())
    { }
    ~DbTimer()
    {
        metrics().observeDb(
            m_operation, std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count());
    }
    DbTimer(const DbTimer&) = delete;
    DbTimer& operator=(const DbTimer&) = delete;

private:
    const char* m_operation;
    std::chrono::steady_clock::time_point m_started;
};

} // namespace tosserp::stock
