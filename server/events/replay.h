#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tosserp::events {

/// What a replay found for one projection: rebuilt from `events` events, compared with the
/// live table (`rows` rows after the rebuild), `differences` rows that disagreed (a few of
/// them described in `samples`), and whether the live table was replaced by the rebuild.
struct ReplayReport {
    std::string domain;
    std::string projection;
    std::int64_t events = 0;
    std::int64_t rows = 0;
    std::int64_t differences = 0;
    std::vector<std::string> samples;
    bool fixed = false;
    double seconds = 0;
};

/// At most this many differences are described in a report.
inline constexpr std::size_t kReplaySamples = 5;

} // namespace tosserp::events
