#include "server/sync/change_feed.h"

namespace tosserp::syncserver {

void ChangeFeed::publish(std::int64_t position)
{
    {
        std::lock_guard lock(m_mutex);
        if (position <= m_position) {
            return;
        }
        m_position = position;
    }
    m_changed.notify_all();
}

std::int64_t ChangeFeed::waitBeyond(std::int64_t seen, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] { return m_closed || m_position > seen; });
    return m_position;
}

std::int64_t ChangeFeed::current() const
{
    std::lock_guard lock(m_mutex);
    return m_position;
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
