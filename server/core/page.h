#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tosserp {

/// One page of a keyset-paginated list: the items, and the cursor of the next page
/// (absent on the last page).
template <class T> struct Page {
    std::vector<T> items;
    std::optional<std::string> nextCursor;
};

/// Cursors are opaque to clients: base64url text of the last key seen. A cursor names a
/// position, not a page number, so rows inserted meanwhile never shift a page.
std::string encodeCursor(std::int64_t lastKey);
/// The key inside `cursor`; nullopt when it is not a cursor this server made.
std::optional<std::int64_t> decodeCursor(const std::string& cursor);
/// A cursor over a two-part key (e.g. product and warehouse).
std::string encodeCursor(std::int64_t first, std::int64_t second);
std::optional<std::pair<std::int64_t, std::int64_t>> decodeCursorPair(const std::string& cursor);

} // namespace tosserp
