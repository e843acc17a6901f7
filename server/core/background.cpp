#include "server/core/background.h"

#include <algorithm>

namespace tosserp {

BackgroundLoops::BackgroundLoops(Timing timing)
    : m_timing(timing)
{ }

BackgroundLoops::~BackgroundLoops()
{
    stop();
}

void BackgroundLoops::add(Step step, Failed failed)
{
    auto loop = std::make_unique<Loop>();
    loop->step = std::move(step);
    loop->failed = std::move(failed);
    m_loops.push_back(std::move(loop));
}

void BackgroundLoops::start()
{
    std::lock_guard lock(m_mutex);
    if (m_stopping) {
        return;
    }
    for (auto& loop : m_loops) {
        if (!loop->thread.joinable()) {
            loop->thread = std::thread([this, l = loop.get()] { run(*l); });
        }
    }
}

void BackgroundLoops::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& loop : m_loops) {
        if (loop->thread.joinable()) {
            loop->thread.join();
        }
    }
}

void BackgroundLoops::wake()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
    }
    m_wake.notify_all();
}

bool BackgroundLoops::stopping() const
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void BackgroundLoops::run(Loop& loop)
{
    std::chrono::milliseconds pause { 0 };
    for (;;) {
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                return;
            }
            // A wake() from here on, even during the step, keeps the loop from sleeping after it.
            generation = m_generation;
        }
        bool more = false;
        try {
            more = loop.step();
            pause = std::chrono::milliseconds(0);
        } catch (const std::exception& e) {
            pause = std::clamp(pause * 2, m_timing.firstPause, m_timing.longestPause);
            try {
                loop.failed(e, pause);
            } catch (...) {
                // A report that failed changes nothing: the pause and the next try stand.
            }
        }
        if (more) {
            continue;
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, pause.count() > 0 ? pause : m_timing.idle,
            [&] { return m_stopping || (pause.count() == 0 && m_generation != generation); });
    }
}

} // namespace tosserp
