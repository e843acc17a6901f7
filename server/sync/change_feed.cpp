#include "server/sync/change_feed.h"

namespace tosserp::syncserver {

void ChangeFeed::publish()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_counter;
    }
    m_changed.notify_all();
}

std::uint64_t ChangeFeed::waitBeyond(std::uint64_t seen, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] { return m_closed || m_counter > seen; });
    return m_counter;
}

std::uint64_t ChangeFeed::current() const
{
    std::lock_guard lock(m_mutex);
    return m_counter;
}

void ChangeFeed::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

bool ChangeFeed::closed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace tosserp::syncserver
