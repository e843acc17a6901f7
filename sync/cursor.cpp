#include "sync/cursor.h"

#include "sync/base64url.h"
#include "sync/json_fields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace tosserp::sync {

namespace {

constexpr std::size_t kMaxCursorText = 512;
constexpr std::size_t kMaxServerId = 64;
constexpr int kCursorVersion = 1;

bool isServerIdChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-';
}

bool isServerId(std::string_view id)
{
    return !id.empty() && id.size() <= kMaxServerId && std::all_of(id.begin(), id.end(), isServerIdChar);
}

domain::Error invalidCursor(std::string message)
{
    return domain::invalid(
        "invalid_cursor", std::move(message) + " Drop the replica and pull a fresh snapshot.", "cursor");
}

} // namespace

std::string_view phaseName(Phase phase)
{
    return phase == Phase::Snapshot ? "snapshot" : "tail";
}

std::optional<Phase> parsePhase(std::string_view name)
{
    if (name == "snapshot")
        return Phase::Snapshot;
    if (name == "tail")
        return Phase::Tail;
    return std::nullopt;
}

const std::vector<std::string>& snapshotTables()
{
    static const std::vector<std::string> tables {
        "categories",
        "warehouses",
        "locations",
        "products",
        "stock_levels",
        "reorder_points",
    };
    return tables;
}

bool isSnapshotTable(std::string_view table)
{
    const auto& tables = snapshotTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

std::optional<std::string> nextSnapshotTable(std::string_view table)
{
    const auto& tables = snapshotTables();
    const auto it = std::find(tables.begin(), tables.end(), table);
    if (it == tables.end() || std::next(it) == tables.end())
        return std::nullopt;
    return *std::next(it);
}

bool Cursor::isConsistent() const
{
    if (version != kCursorVersion || !isServerId(serverId) || position < 0)
        return false;
    if (phase == Phase::Snapshot)
        return isSnapshotTable(table) && after >= 0;
    return table.empty() && after == 0;
}

std::string Cursor::encode() const
{
    if (!isConsistent())
        throw std::logic_error("Cursor::encode called on an inconsistent cursor");
    // ordered_json keeps the documented member order, which makes cursors easy to read
    // when debugging (decode accepts any order).
    nlohmann::ordered_json object;
    object["v"] = version;
    object["sid"] = serverId;
    object["ph"] = phase == Phase::Snapshot ? "s" : "t";
    object["pos"] = position;
    if (phase == Phase::Snapshot) {
        object["tb"] = table;
        object["after"] = after;
    }
    return base64UrlEncode(object.dump());
}

domain::Result<Cursor> Cursor::decode(std::string_view text)
{
    if (text.empty())
        return invalidCursor("The cursor is empty.");
    if (text.size() > kMaxCursorText)
        return invalidCursor("The cursor is too long.");
    const auto bytes = base64UrlDecode(text);
    if (!bytes)
        return invalidCursor("The cursor is not base64url text.");
    const auto object = nlohmann::json::parse(*bytes, nullptr, false);
    if (!object.is_object())
        return invalidCursor("The cursor does not hold a JSON object.");

    static constexpr std::array<std::string_view, 6> kKnown { "v", "sid", "ph", "pos", "tb", "after" };
    for (const auto& item : object.items()) {
        if (std::find(kKnown.begin(), kKnown.end(), item.key()) == kKnown.end())
            return invalidCursor("The cursor has an unknown member '" + item.key() + "'.");
    }

    const detail::FieldReader reader(object, "invalid_cursor");
    auto readVersion = reader.integer("v", 0);
    if (!readVersion)
        return invalidCursor("The cursor has no version.");
    if (readVersion.value() != kCursorVersion) {
        return invalidCursor("The cursor has format version " + std::to_string(readVersion.value())
            + ", which this server does not read.");
    }
    auto serverId = reader.string("sid");
    auto phase = reader.string("ph");
    auto position = reader.integer("pos", 0);
    if (!serverId || !phase || !position || (phase.value() != "s" && phase.value() != "t"))
        return invalidCursor("The cursor's server, phase or position is missing or malformed.");

    Cursor cursor;
    cursor.version = kCursorVersion;
    cursor.serverId = serverId.value();
    cursor.phase = phase.value() == "s" ? Phase::Snapshot : Phase::Tail;
    cursor.position = position.value();
    if (cursor.phase == Phase::Snapshot) {
        auto table = reader.string("tb");
        auto after = reader.integer("after", 0);
        if (!table || !after)
            return invalidCursor("The snapshot cursor's table or key is missing or malformed.");
        cursor.table = table.value();
        cursor.after = after.value();
    } else if (reader.find("tb") || reader.find("after")) {
        return invalidCursor("A tail cursor cannot name a table or key.");
    }
    if (!cursor.isConsistent())
        return invalidCursor("The cursor is inconsistent.");
    return cursor;
}

Cursor Cursor::start(std::string serverId, std::int64_t position)
{
    Cursor cursor;
    cursor.serverId = std::move(serverId);
    cursor.phase = Phase::Snapshot;
    cursor.position = position;
    cursor.table = snapshotTables().front();
    cursor.after = 0;
    return cursor;
}

Cursor Cursor::tail(std::string serverId, std::int64_t position)
{
    Cursor cursor;
    cursor.serverId = std::move(serverId);
    cursor.phase = Phase::Tail;
    cursor.position = position;
    return cursor;
}

Cursor Cursor::afterTable() const
{
    if (phase == Phase::Tail)
        return *this;
    if (auto next = nextSnapshotTable(table)) {
        Cursor cursor = *this;
        cursor.table = std::move(*next);
        cursor.after = 0;
        return cursor;
    }
    return tail(serverId, position);
}

} // namespace tosserp::sync
