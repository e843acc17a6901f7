#include "server/core/log.h"

#include "server/core/ids.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <utility>

namespace tosserp::log {

namespace {

std::atomic<int> g_level { static_cast<int>(Level::Info) };
std::mutex g_mutex;

const char* levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warn:
        return "warn";
    case Level::Error:
        return "error";
    }
    return "info";
}

} // namespace

void setLevel(Level level)
{
    g_level.store(static_cast<int>(level));
}

bool enabled(Level level)
{
    return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed);
}

bool parseLevel(std::string_view text, Level& out)
{
    for (auto level : { Level::Debug, Level::Info, Level::Warn, Level::Error }) {
        if (text == levelName(level)) {
            out = level;
            return true;
        }
    }
    return false;
}

namespace {
thread_local std::string t_trace;
thread_local std::string t_traceFlags = "01";
} // namespace

TraceScope::TraceScope(std::string traceId, std::string flags)
    : m_outer(std::exchange(t_trace, std::move(traceId)))
    , m_outerFlags(std::exchange(t_traceFlags, std::move(flags)))
{ }

TraceScope::~TraceScope()
{
    t_trace = std::move(m_outer);
    t_traceFlags = std::move(m_outerFlags);
}

const std::string& currentTrace()
{
    return t_trace;
}

const std::string& currentTraceFlags()
{
    return t_traceFlags;
}

void write(Level level, std::string_view message, const nlohmann::json& fields)
{
    if (!enabled(level)) {
        return;
    }
    nlohmann::json line = { { "ts", isoTime(nowMs()) }, { "level", levelName(level) }, { "msg", message } };
    if (!t_trace.empty()) {
        line["trace_id"] = t_trace;
    }
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            line[key] = value;
        }
    }
    auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text += '\n';
    std::lock_guard lock(g_mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace tosserp::log
