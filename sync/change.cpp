#include "sync/change.h"

#include "sync/json_fields.h"
#include "sync/protocol.h"

#include <charconv>
#include <type_traits>

namespace tosserp::sync {

namespace {

/// A positive int64 in plain decimal (no sign, no leading zero); nullopt otherwise.
std::optional<std::int64_t> parseId(std::string_view text)
{
    if (text.empty() || text.front() == '0')
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

bool hasPairKey(std::string_view table)
{
    return table == "stock_levels" || table == "reorder_points";
}

} // namespace

std::string_view changeOpName(ChangeOp op)
{
    return op == ChangeOp::Upsert ? "upsert" : "delete";
}

std::optional<ChangeOp> parseChangeOp(std::string_view name)
{
    if (name == "upsert")
        return ChangeOp::Upsert;
    if (name == "delete")
        return ChangeOp::Delete;
    return std::nullopt;
}

bool isValidKey(std::string_view table, std::string_view key)
{
    if (!isSnapshotTable(table))
        return false;
    if (hasPairKey(table))
        return parsePairKey(key).has_value();
    return parseId(key).has_value();
}

std::string idKey(std::int64_t id)
{
    return std::to_string(id);
}

std::string pairKey(std::int64_t first, std::int64_t second)
{
    return std::to_string(first) + ":" + std::to_string(second);
}

std::optional<std::pair<std::int64_t, std::int64_t>> parsePairKey(std::string_view key)
{
    const auto colon = key.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const auto first = parseId(key.substr(0, colon));
    const auto second = parseId(key.substr(colon + 1));
    if (!first || !second)
        return std::nullopt;
    return std::make_pair(*first, *second);
}

nlohmann::json toJson(const Change& change)
{
    nlohmann::json out { { "table", change.table }, { "op", changeOpName(change.op) }, { "key", change.key } };
    if (change.op == ChangeOp::Upsert)
        out["row"] = change.row;
    return out;
}

namespace {

template <typename Json> domain::Result<Change> readChange(Json&& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_change", "A change must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_change");
    auto table = reader.string("table");
    if (!table)
        return table.error();
    if (!isSnapshotTable(table.value())) {
        return domain::invalid("unknown_table",
            "The change names table '" + table.value() + "', which this client does not hold.", "table");
    }
    auto opName = reader.string("op");
    if (!opName)
        return opName.error();
    const auto op = parseChangeOp(opName.value());
    if (!op)
        return reader.error("op", "must be \"upsert\" or \"delete\"");
    auto key = reader.string("key");
    if (!key)
        return key.error();
    if (!isValidKey(table.value(), key.value())) {
        return reader.error("key",
            hasPairKey(table.value()) ? "must be two positive ids joined by ':'" : "must be a positive id in decimal");
    }

    Change change { table.value(), *op, key.value(), nullptr };
    const auto* row = reader.find("row");
    if (*op == ChangeOp::Upsert) {
        if (!row)
            return reader.error("row", "is missing");
        if (!row->is_object())
            return reader.error("row", "must be an object");
        if constexpr (std::is_lvalue_reference_v<Json>) {
            change.row = *row;
        } else {
            change.row = std::move(json["row"]);
        }
    } else if (row && !row->is_null()) {
        return reader.error("row", "must be absent on a delete");
    }
    return change;
}

} // namespace

domain::Result<Change> changeFromJson(const nlohmann::json& json)
{
    return readChange(json);
}

namespace {

template <typename Json> domain::Result<ChangePage> readPage(Json&& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_page", "A page of changes must be a JSON object.");
    if (auto protocol = detail::checkProtocol(json, "invalid_page"); !protocol)
        return protocol.error();
    const detail::FieldReader reader(json, "invalid_page");

    ChangePage page;
    page.protocol = kProtocolVersion;
    auto serverId = reader.string("server_id");
    if (!serverId)
        return serverId.error();
    page.serverId = serverId.value();

    const auto* changes = reader.find("changes");
    if (!changes)
        return reader.error("changes", "is missing");
    if (!changes->is_array())
        return reader.error("changes", "must be an array");
    page.changes.reserve(changes->size());
    for (std::size_t i = 0; i < changes->size(); ++i) {
        auto change = [&] {
            if constexpr (std::is_lvalue_reference_v<Json>) {
                return readChange((*changes)[i]);
            } else {
                return readChange(std::move(json["changes"][i]));
            }
        }();
        if (!change)
            return detail::prefixed(change.error(), detail::elementPrefix("changes", i));
        page.changes.push_back(std::move(change).value());
    }

    auto nextCursor = reader.string("next_cursor");
    if (!nextCursor)
        return nextCursor.error();
    page.nextCursor = nextCursor.value();
    auto hasMore = reader.boolean("has_more");
    if (!hasMore)
        return hasMore.error();
    page.hasMore = hasMore.value();
    auto phaseText = reader.string("phase");
    if (!phaseText)
        return phaseText.error();
    const auto phase = parsePhase(phaseText.value());
    if (!phase)
        return reader.error("phase", "must be \"snapshot\" or \"tail\"");
    page.phase = *phase;
    auto position = reader.integer("position", 0);
    if (!position)
        return position.error();
    page.position = position.value();
    if (page.phase == Phase::Snapshot && !page.hasMore)
        return reader.error("has_more", "must be true while the snapshot is not finished");
    return page;
}

} // namespace

domain::Result<ChangePage> ChangePage::fromJson(const nlohmann::json& json)
{
    return readPage(json);
}

domain::Result<ChangePage> ChangePage::fromJson(nlohmann::json&& json)
{
    return readPage(std::move(json));
}

std::string dumpPage(const ChangePage& page)
{
    constexpr auto replace = nlohmann::json::error_handler_t::replace;
    const auto quoted = [&](const std::string& text) { return nlohmann::json(text).dump(-1, ' ', false, replace); };
    std::string out = "{\"changes\":[";
    for (std::size_t i = 0; i < page.changes.size(); ++i) {
        const auto& change = page.changes[i];
        out += i == 0 ? "{\"key\":" : ",{\"key\":";
        out += quoted(change.key);
        out += ",\"op\":\"";
        out += changeOpName(change.op);
        out += '"';
        if (change.op == ChangeOp::Upsert) {
            out += ",\"row\":";
            out += change.row.dump(-1, ' ', false, replace);
        }
        out += ",\"table\":";
        out += quoted(change.table);
        out += '}';
    }
    out += "],\"has_more\":";
    out += page.hasMore ? "true" : "false";
    out += ",\"next_cursor\":" + quoted(page.nextCursor);
    out += ",\"phase\":\"" + std::string(phaseName(page.phase)) + '"';
    out += ",\"position\":" + std::to_string(page.position);
    out += ",\"protocol\":" + std::to_string(page.protocol);
    out += ",\"server_id\":" + quoted(page.serverId) + '}';
    return out;
}

nlohmann::json toJson(const ChangePage& page)
{
    auto changes = nlohmann::json::array();
    for (const auto& change : page.changes)
        changes.push_back(toJson(change));
    return {
        { "protocol", page.protocol },
        { "server_id", page.serverId },
        { "changes", std::move(changes) },
        { "next_cursor", page.nextCursor },
        { "has_more", page.hasMore },
        { "phase", phaseName(page.phase) },
        { "position", page.position },
    };
}

} // namespace tosserp::sync
