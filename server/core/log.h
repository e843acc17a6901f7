#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tosserp::log {

enum class Level { Debug, Info, Warn, Error };

/// Log lines are JSON objects, one per line, on standard error: `ts` (UTC, ISO 8601 with
/// milliseconds), `level`, `msg`, then the given fields. Thread-safe. Never pass secrets.
void setLevel(Level level);
bool enabled(Level level);
/// Parses "debug", "info", "warn", "error"; false when unknown.
bool parseLevel(std::string_view text, Level& out);
void write(Level level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

/// The trace the calling thread works for while it lives (a request, or an event a consumer
/// handles): lines written meanwhile carry it as `trace_id` unless they name one themselves.
/// Scopes nest; the outer trace comes back when the inner scope ends. `flags` are the W3C
/// trace flags the trace came with ("01": sampled; "00": the caller records none of it), passed
/// on to the calls made meanwhile.
class TraceScope {
public:
    explicit TraceScope(std::string traceId, std::string flags = "01");
    ~TraceScope();
    TraceScope(const TraceScope&) = delete;
    TraceScope& operator=(const TraceScope&) = delete;

private:
    std::string m_outer;
    std::string m_outerFlags;
};

/// The calling thread's trace ("" outside any TraceScope).
const std::string& currentTrace();
/// The calling thread's trace flags ("01" outside any TraceScope).
const std::string& currentTraceFlags();

inline void debug(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    write(Level::Debug, m, f);
}
inline void info(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    write(Level::Info, m, f);
}
inline void warn(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    write(Level::Warn, m, f);
}
inline void error(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    write(Level::Error, m, f);
}

} // namespace tosserp::log
