#pragma once

#include "domain/error.h"
#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::sync {

/// The kinds of local edit a replica pushes. Payloads (sync/PROTOCOL.md has the details):
///   ReceiveStock, ShipStock {product_id | sku, quantity, location_id, reference?}
///   MoveStock     {product_id | sku, quantity, from_location_id, to_location_id, reference?}
///   AdjustStock   {product_id | sku, quantity (signed), location_id, reason}
///   CountStock    {product_id | sku, counted, location_id, snapshot_quantity?}
///   UpdateProduct {product_id, base_version, base: {field: value}, changes: {field: value}}
enum class CommandType { ReceiveStock, ShipStock, MoveStock, AdjustStock, CountStock, UpdateProduct };

/// The wire name, which is the enumerator's name: "ReceiveStock", …, "UpdateProduct".
std::string_view commandTypeName(CommandType type);
/// The type named `name` (exact, case-sensitive); nullopt for anything else.
std::optional<CommandType> parseCommandType(std::string_view name);

/// The product fields an UpdateProduct may change, in productToJson's order: sku, name,
/// description, category_id, unit, price ({amount, currency}), barcodes (array of code
/// strings), active.
const std::vector<std::string>& updatableProductFields();

/// Whether `text` has the shape of a UUID: 36 characters, hex digits (either case) in
/// groups of 8-4-4-4-12 separated by '-'. Version and variant bits are not checked.
bool isUuid(std::string_view text);

/// One local edit in a push. `id` is made by the client when the edit is recorded and
/// never changes, so a push that is retried is applied once.
struct Command {
    std::string id;
    CommandType type = CommandType::ReceiveStock;
    nlohmann::json payload = nlohmann::json::object();

    friend bool operator==(const Command&, const Command&) = default;
};

/// {"id", "type", "payload"}.
nlohmann::json toJson(const Command& command);

/// Reads a command's envelope (the payload's members are the server's to check, command by
/// command). Invalid "invalid_command" (field "id", "type" or "payload") when the value is
/// not an object, the id is missing or not UUID-shaped, the type is missing or not a
/// string, or the payload is missing or not an object; "unknown_command_type" (field
/// "type") for a type this build does not know.
domain::Result<Command> commandFromJson(const nlohmann::json& json);

/// How the server answered one command.
enum class CommandStatus {
    Applied, ///< done (now, or the first time this id was pushed)
    Rejected, ///< refused for a reason a person can read (`code`, `message`, `field`); nothing changed
    Conflict, ///< kept for the user to resolve: `conflicts` per field, or code product_deleted
};

/// "applied", "rejected" or "conflict".
std::string_view commandStatusName(CommandStatus status);
/// The status named `name`; nullopt for anything else.
std::optional<CommandStatus> parseCommandStatus(std::string_view name);

/// One field changed on both sides: its value in the base the client edited, the client's
/// value, and the server's current value (null where a side has no such field).
struct FieldConflict {
    std::string field;
    nlohmann::json base;
    nlohmann::json mine;
    nlohmann::json theirs;

    friend bool operator==(const FieldConflict&, const FieldConflict&) = default;
};

/// The answer to one command. Invariants: Rejected and Conflict carry a non-empty `code`;
/// `server` is the current row the command touched (UpdateProduct: the product after the
/// merge), or null.
struct CommandResult {
    std::string id;
    CommandStatus status = CommandStatus::Applied;
    std::string code;
    std::string message;
    std::string field;
    std::vector<FieldConflict> conflicts;
    nlohmann::json server;

    /// An Applied result, with the current row when there is one.
    static CommandResult applied(std::string id, nlohmann::json server = nullptr);
    /// A Rejected result that carries `error`'s code, message and field.
    static CommandResult rejected(std::string id, const domain::Error& error);

    /// Reads a result. Invalid "invalid_result" (field names the member) when the value is
    /// not an object, the id is not UUID-shaped, the status is unknown, a text member is not
    /// a string, a rejected or conflict result has no code, or a conflict entry is not an
    /// object with a non-empty "field".
    static domain::Result<CommandResult> fromJson(const nlohmann::json& json);

    friend bool operator==(const CommandResult&, const CommandResult&) = default;
};

/// {"id", "status"} plus "code", "message", "field" when not empty, "conflicts" when not
/// empty (each {"field", "base", "mine", "theirs"}), and "server" when not null.
nlohmann::json toJson(const FieldConflict& conflict);
nlohmann::json toJson(const CommandResult& result);

/// The body of POST /api/v1/sync/push: commands applied in order, each on its own.
struct PushRequest {
    int protocol = 1;
    std::vector<Command> commands;

    /// Reads a push body. Invalid "protocol_unsupported" (field "protocol") for another
    /// protocol; "invalid_request" (field "commands") when the value is not an object or
    /// the commands are missing, not an array, or not 1..kMaxPushCommands; a bad command
    /// keeps commandFromJson's code with field "commands[i].member". The server answers all
    /// of these 400 invalid_request (action give_up), except protocol_unsupported (426).
    static domain::Result<PushRequest> fromJson(const nlohmann::json& json);

    friend bool operator==(const PushRequest&, const PushRequest&) = default;
};

/// The 200 answer to a push: one result per command, in the order of the commands.
struct PushResponse {
    int protocol = 1;
    std::vector<CommandResult> results;

    /// Reads a push answer. Invalid "protocol_unsupported" (field "protocol") for another
    /// protocol; "invalid_response" when the value is not an object or "results" is missing
    /// or not an array; a bad result keeps its code with field "results[i].member".
    static domain::Result<PushResponse> fromJson(const nlohmann::json& json);

    friend bool operator==(const PushResponse&, const PushResponse&) = default;
};

/// {"protocol", "commands": [...]}.
nlohmann::json toJson(const PushRequest& request);
/// {"protocol", "results": [...]}.
nlohmann::json toJson(const PushResponse& response);

/// Same as CommandResult::fromJson, PushRequest::fromJson and PushResponse::fromJson.
inline domain::Result<CommandResult> commandResultFromJson(const nlohmann::json& json)
{
    return CommandResult::fromJson(json);
}
inline domain::Result<PushRequest> pushRequestFromJson(const nlohmann::json& json)
{
    return PushRequest::fromJson(json);
}
inline domain::Result<PushResponse> pushResponseFromJson(const nlohmann::json& json)
{
    return PushResponse::fromJson(json);
}

} // namespace tosserp::sync
