#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tosserp {

/// A random (version 4) UUID in its canonical lower-case text form. Thread-safe.
std::string newUuid();

/// Milliseconds since the Unix epoch, UTC.
std::int64_t nowMs();

/// ISO 8601 UTC text with milliseconds for a Unix time in milliseconds.
std::string isoTime(std::int64_t ms);

/// Parses ISO 8601 UTC ("2026-01-31T12:00:00Z", fraction optional); false when malformed.
bool parseIsoTime(const std::string& text, std::int64_t& ms);

/// `bytes` random bytes as lower-case hex, never all zero (W3C Trace Context ids: 16 bytes
/// for a trace, 8 for a span). Thread-safe.
std::string randomHex(std::size_t bytes);

/// Whether `text` is `length` lower-case hex digits, not all zero (a W3C trace or span id).
bool lowerHex(std::string_view text, std::size_t length);

/// A `traceparent` header value for a new span of the trace `traceId`, with the trace's
/// `flags` ("01" sampled, "00" not); "" when `traceId` is not a W3C trace id.
std::string childTraceparent(const std::string& traceId, const std::string& flags = "01");

} // namespace tosserp
