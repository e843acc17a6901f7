#pragma once

#include <cstdint>
#include <string>

namespace tosserp {

/// A random (version 4) UUID in its canonical lower-case text form. Thread-safe.
std::string newUuid();

/// Milliseconds since the Unix epoch, UTC.
std::int64_t nowMs();

/// ISO 8601 UTC text with milliseconds for a Unix time in milliseconds.
std::string isoTime(std::int64_t ms);

/// Parses ISO 8601 UTC ("2026-01-31T12:00:00Z", fraction optional); false when malformed.
bool parseIsoTime(const std::string& text, std::int64_t& ms);

} // namespace tosserp
