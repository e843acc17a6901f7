#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace tosserp::syncserver {

/// Tells waiting live-channel connections that something was committed. A counter, not a
/// queue: a listener that wakes up late sees one change and pulls everything anyway.
/// Thread-safe.
class ChangeFeed {
public:
    /// Called after each commit.
    void publish();
    /// Waits until the counter passes `seen`, the timeout elapses or the feed closes; returns
    /// the counter.
    std::uint64_t waitBeyond(std::uint64_t seen, std::chrono::milliseconds timeout);
    std::uint64_t current() const;
    /// Wakes every waiter for good (server shutdown).
    void close();
    bool closed() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::uint64_t m_counter = 0;
    bool m_closed = false;
};

} // namespace tosserp::syncserver
