#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace tosserp::syncserver {

/// Tells waiting live-channel connections that events were committed. Holds the last event
/// position, not a queue: a listener that wakes up late sees the newest position and pulls
/// everything up to it anyway. Thread-safe.
class ChangeFeed {
public:
    /// Called after each commit with the event log's last position; a position that is not
    /// past the one held (a commit without events) wakes nobody.
    void publish(std::int64_t position);
    /// Waits until the position passes `seen`, the timeout elapses or the feed closes; returns
    /// the position.
    std::int64_t waitBeyond(std::int64_t seen, std::chrono::milliseconds timeout);
    std::int64_t current() const;
    /// Wakes every waiter for good (server shutdown).
    void close();
    bool closed() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::int64_t m_position = 0;
    bool m_closed = false;
};

} // namespace tosserp::syncserver
