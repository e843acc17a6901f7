#include "sync/command.h"

#include "sync/json_fields.h"
#include "sync/protocol.h"

#include <array>
#include <initializer_list>
#include <utility>

namespace tosserp::sync {

namespace {

constexpr std::array<CommandType, 6> kCommandTypes {
    CommandType::ReceiveStock,
    CommandType::ShipStock,
    CommandType::MoveStock,
    CommandType::AdjustStock,
    CommandType::CountStock,
    CommandType::UpdateProduct,
};

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

std::string_view commandTypeName(CommandType type)
{
    switch (type) {
    case CommandType::ReceiveStock:
        return "ReceiveStock";
    case CommandType::ShipStock:
        return "ShipStock";
    case CommandType::MoveStock:
        return "MoveStock";
    case CommandType::AdjustStock:
        return "AdjustStock";
    case CommandType::CountStock:
        return "CountStock";
    case CommandType::UpdateProduct:
        return "UpdateProduct";
    }
    return "ReceiveStock";
}

std::optional<CommandType> parseCommandType(std::string_view name)
{
    for (auto type : kCommandTypes) {
        if (commandTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

const std::vector<std::string>& updatableProductFields()
{
    static const std::vector<std::string> fields {
        "sku",
        "name",
        "description",
        "category_id",
        "unit",
        "price",
        "barcodes",
        "active",
    };
    return fields;
}

bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHexDigit(text[i]))
            return false;
    }
    return true;
}

nlohmann::json toJson(const Command& command)
{
    return { { "id", command.id }, { "type", commandTypeName(command.type) }, { "payload", command.payload } };
}

domain::Result<Command> commandFromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_command", "A command must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_command");
    auto id = reader.string("id");
    if (!id)
        return id.error();
    if (!isUuid(id.value()))
        return reader.error("id", "must be a UUID (36 characters, 8-4-4-4-12 hex digits)");
    auto typeName = reader.string("type");
    if (!typeName)
        return typeName.error();
    const auto type = parseCommandType(typeName.value());
    if (!type) {
        return domain::invalid(
            "unknown_command_type", "The command type '" + typeName.value() + "' is not known.", "type");
    }
    const auto* payload = reader.find("payload");
    if (!payload)
        return reader.error("payload", "is missing");
    if (!payload->is_object())
        return reader.error("payload", "must be an object");
    return Command { id.value(), *type, *payload };
}

std::string_view commandStatusName(CommandStatus status)
{
    switch (status) {
    case CommandStatus::Applied:
        return "applied";
    case CommandStatus::Rejected:
        return "rejected";
    case CommandStatus::Conflict:
        return "conflict";
    }
    return "rejected";
}

std::optional<CommandStatus> parseCommandStatus(std::string_view name)
{
    for (auto status : { CommandStatus::Applied, CommandStatus::Rejected, CommandStatus::Conflict }) {
        if (commandStatusName(status) == name)
            return status;
    }
    return std::nullopt;
}

CommandResult CommandResult::applied(std::string id, nlohmann::json server)
{
    CommandResult result;
    result.id = std::move(id);
    result.status = CommandStatus::Applied;
    result.server = std::move(server);
    return result;
}

CommandResult CommandResult::rejected(std::string id, const domain::Error& error)
{
    CommandResult result;
    result.id = std::move(id);
    result.status = CommandStatus::Rejected;
    result.code = error.code;
    result.message = error.message;
    result.field = error.field;
    return result;
}

nlohmann::json toJson(const FieldConflict& conflict)
{
    return {
        { "field", conflict.field },
        { "base", conflict.base },
        { "mine", conflict.mine },
        { "theirs", conflict.theirs },
    };
}

nlohmann::json toJson(const CommandResult& result)
{
    nlohmann::json out { { "id", result.id }, { "status", commandStatusName(result.status) } };
    if (!result.code.empty())
        out["code"] = result.code;
    if (!result.message.empty())
        out["message"] = result.message;
    if (!result.field.empty())
        out["field"] = result.field;
    if (!result.conflicts.empty()) {
        auto conflicts = nlohmann::json::array();
        for (const auto& conflict : result.conflicts)
            conflicts.push_back(toJson(conflict));
        out["conflicts"] = std::move(conflicts);
    }
    if (!result.server.is_null())
        out["server"] = result.server;
    return out;
}

namespace {

domain::Result<FieldConflict> conflictFromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_result", "A conflict must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_result");
    auto field = reader.string("field");
    if (!field)
        return field.error();
    FieldConflict conflict { field.value(), nullptr, nullptr, nullptr };
    if (const auto* base = reader.find("base"))
        conflict.base = *base;
    if (const auto* mine = reader.find("mine"))
        conflict.mine = *mine;
    if (const auto* theirs = reader.find("theirs"))
        conflict.theirs = *theirs;
    return conflict;
}

} // namespace

domain::Result<CommandResult> CommandResult::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_result", "A command result must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_result");
    auto id = reader.string("id");
    if (!id)
        return id.error();
    if (!isUuid(id.value()))
        return reader.error("id", "must be a UUID");
    auto statusName = reader.string("status");
    if (!statusName)
        return statusName.error();
    const auto status = parseCommandStatus(statusName.value());
    if (!status)
        return reader.error("status", "must be \"applied\", \"rejected\" or \"conflict\"");

    CommandResult result;
    result.id = id.value();
    result.status = *status;
    for (auto [key, target] : { std::pair { "code", &result.code }, std::pair { "message", &result.message },
             std::pair { "field", &result.field } }) {
        auto text = reader.optionalString(key);
        if (!text)
            return text.error();
        *target = text.value();
    }
    if (result.status != CommandStatus::Applied && result.code.empty())
        return reader.error("code", "is required when the status is " + statusName.value());

    if (const auto* conflicts = reader.find("conflicts"); conflicts && !conflicts->is_null()) {
        if (!conflicts->is_array())
            return reader.error("conflicts", "must be an array");
        for (std::size_t i = 0; i < conflicts->size(); ++i) {
            auto conflict = conflictFromJson((*conflicts)[i]);
            if (!conflict)
                return detail::prefixed(conflict.error(), detail::elementPrefix("conflicts", i));
            result.conflicts.push_back(std::move(conflict).value());
        }
    }
    if (const auto* server = reader.find("server"))
        result.server = *server;
    return result;
}

domain::Result<PushRequest> PushRequest::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_request", "A push must be a JSON object.");
    if (auto protocol = detail::checkProtocol(json, "invalid_request"); !protocol)
        return protocol.error();
    const detail::FieldReader reader(json, "invalid_request");
    const auto* commands = reader.find("commands");
    if (!commands)
        return reader.error("commands", "is missing");
    if (!commands->is_array())
        return reader.error("commands", "must be an array");
    if (commands->empty() || commands->size() > static_cast<std::size_t>(kMaxPushCommands))
        return reader.error("commands", "must hold 1 to " + std::to_string(kMaxPushCommands) + " commands");

    PushRequest request;
    request.protocol = kProtocolVersion;
    request.commands.reserve(commands->size());
    for (std::size_t i = 0; i < commands->size(); ++i) {
        auto command = commandFromJson((*commands)[i]);
        if (!command)
            return detail::prefixed(command.error(), detail::elementPrefix("commands", i));
        request.commands.push_back(std::move(command).value());
    }
    return request;
}

domain::Result<PushResponse> PushResponse::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_response", "A push answer must be a JSON object.");
    if (auto protocol = detail::checkProtocol(json, "invalid_response"); !protocol)
        return protocol.error();
    const detail::FieldReader reader(json, "invalid_response");
    const auto* results = reader.find("results");
    if (!results)
        return reader.error("results", "is missing");
    if (!results->is_array())
        return reader.error("results", "must be an array");

    PushResponse response;
    response.protocol = kProtocolVersion;
    response.results.reserve(results->size());
    for (std::size_t i = 0; i < results->size(); ++i) {
        auto result = CommandResult::fromJson((*results)[i]);
        if (!result)
            return detail::prefixed(result.error(), detail::elementPrefix("results", i));
        response.results.push_back(std::move(result).value());
    }
    return response;
}

nlohmann::json toJson(const PushRequest& request)
{
    auto commands = nlohmann::json::array();
    for (const auto& command : request.commands)
        commands.push_back(toJson(command));
    return { { "protocol", request.protocol }, { "commands", std::move(commands) } };
}

nlohmann::json toJson(const PushResponse& response)
{
    auto results = nlohmann::json::array();
    for (const auto& result : response.results)
        results.push_back(toJson(result));
    return { { "protocol", response.protocol }, { "results", std::move(results) } };
}

} // namespace tosserp::sync
