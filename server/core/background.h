#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tosserp {

/// Threads that each repeat one step until stopped: the event relay's lanes, the event
/// consumers, the notification sender. A step returns whether more work is waiting; if so it
/// runs again at once, otherwise its thread sleeps until wake() or `idle` passes. A step that
/// throws is reported to its `failed` callback and tried again after a pause that doubles from
/// `firstPause` up to `longestPause` (wake() does not cut a pause short); the next step that
/// succeeds ends the pauses. Thread-safe.
class BackgroundLoops {
public:
    struct Timing {
        std::chrono::milliseconds idle { 500 };
        std::chrono::milliseconds firstPause { 100 };
        std::chrono::milliseconds longestPause { 30000 };
    };
    using Step = std::function<bool()>;
    /// Told what the step threw and how long the loop now waits; must not throw.
    using Failed = std::function<void(const std::exception& error, std::chrono::milliseconds pause)>;

    explicit BackgroundLoops(Timing timing);
    ~BackgroundLoops();
    BackgroundLoops(const BackgroundLoops&) = delete;
    BackgroundLoops& operator=(const BackgroundLoops&) = delete;

    /// Before start().
    void add(Step step, Failed failed);
    /// Starts the threads not started yet; nothing after stop().
    void start();
    /// Lets each step in hand finish, then ends the threads; idempotent.
    void stop();
    /// Runs the idle loops now (work has come in).
    void wake();
    /// Whether stop() was called: a long step may end early.
    bool stopping() const;

private:
    struct Loop {
        Step step;
        Failed failed;
        std::thread thread;
    };
    void run(Loop& loop);

    Timing m_timing;
    std::vector<std::unique_ptr<Loop>> m_loops;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::uint64_t m_generation = 0;
    bool m_stopping = false;
};

} // namespace tosserp
