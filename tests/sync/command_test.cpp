#include "sync/command.h"

#include "sync/protocol.h"
#include "tests/domain/expect_error.h"

#include <gtest/gtest.h>

namespace tosserp::sync {
namespace {

using domain::ErrorKind;
using domain::testing::failsWith;
using domain::testing::succeeds;
using nlohmann::json;

const std::string kId = "0b7e6f0a-3c2d-4e1f-9a8b-7c6d5e4f3a2b";

json receive()
{
    return { { "id", kId }, { "type", "ReceiveStock" },
        { "payload", { { "sku", "TEA-001" }, { "quantity", 5 }, { "location_id", 3 }, { "reference", "PO-7" } } } };
}

json with(json object, const char* key, const json& value)
{
    object[key] = value;
    return object;
}

json without(json object, const char* key)
{
    object.erase(key);
    return object;
}

TEST(CommandTest, RefusesABadId)
{
    for (const json& id : { json("not-a-uuid"), json(""), json(42), json(kId + "0"), json(kId.substr(1)),
             json("0b7e6f0a-3c2d-4e1f-9a8b-7c6d5e4f3a2g"), json("0b7e6f0a33c2d-4e1f-9a8b-7c6d5e4f3a2b"),
             json(nullptr) }) {
        EXPECT_TRUE(failsWith(commandFromJson(with(receive(), "id", id)), ErrorKind::Invalid, "invalid_command", "id"))
            << id.dump();
    }
    EXPECT_TRUE(failsWith(commandFromJson(without(receive(), "id")), ErrorKind::Invalid, "invalid_command", "id"));
    EXPECT_TRUE(isUuid("0B7E6F0A-3C2D-4E1F-9A8B-7C6D5E4F3A2B")) << "upper-case hex is a UUID too";
}

TEST(CommandTest, RefusesAnUnknownType)
{
    for (const char* type : { "DeleteEverything", "receiveStock", "RECEIVESTOCK", " ReceiveStock" }) {
        EXPECT_TRUE(failsWith(
            commandFromJson(with(receive(), "type", type)), ErrorKind::Invalid, "unknown_command_type", "type"))
            << type;
    }
    EXPECT_TRUE(failsWith(commandFromJson(with(receive(), "type", 1)), ErrorKind::Invalid, "invalid_command", "type"));
    EXPECT_TRUE(failsWith(commandFromJson(without(receive(), "type")), ErrorKind::Invalid, "invalid_command", "type"));
}

TEST(CommandTest, RefusesAPayloadThatIsNotAnObject)
{
    for (const json& payload : { json::array(), json("x"), json(nullptr), json(3) }) {
        EXPECT_TRUE(failsWith(
            commandFromJson(with(receive(), "payload", payload)), ErrorKind::Invalid, "invalid_command", "payload"))
            << payload.dump();
    }
    EXPECT_TRUE(
        failsWith(commandFromJson(without(receive(), "payload")), ErrorKind::Invalid, "invalid_command", "payload"));
    EXPECT_TRUE(failsWith(commandFromJson(json::array()), ErrorKind::Invalid, "invalid_command"));
}

TEST(CommandTest, ReadsAndWritesEveryType)
{
    for (auto type : { CommandType::ReceiveStock, CommandType::ShipStock, CommandType::MoveStock,
             CommandType::AdjustStock, CommandType::CountStock, CommandType::UpdateProduct }) {
        EXPECT_EQ(parseCommandType(commandTypeName(type)), type);
        const Command command { kId, type, { { "product_id", 42 } } };
        const auto parsed = commandFromJson(toJson(command));
        ASSERT_TRUE(succeeds(parsed));
        EXPECT_EQ(parsed.value(), command);
    }
    EXPECT_EQ(toJson(commandFromJson(receive()).value()), receive());
}

TEST(CommandTest, StatusNames)
{
    EXPECT_EQ(commandStatusName(CommandStatus::Applied), "applied");
    EXPECT_EQ(commandStatusName(CommandStatus::Rejected), "rejected");
    EXPECT_EQ(commandStatusName(CommandStatus::Conflict), "conflict");
    EXPECT_EQ(parseCommandStatus("conflict"), CommandStatus::Conflict);
    EXPECT_EQ(parseCommandStatus("Applied"), std::nullopt);
}

TEST(CommandResultTest, RefusesMalformedResults)
{
    const json applied { { "id", kId }, { "status", "applied" } };
    EXPECT_TRUE(failsWith(CommandResult::fromJson(json("applied")), ErrorKind::Invalid, "invalid_result"));
    EXPECT_TRUE(failsWith(CommandResult::fromJson(without(applied, "id")), ErrorKind::Invalid, "invalid_result", "id"));
    EXPECT_TRUE(
        failsWith(CommandResult::fromJson(with(applied, "id", "x")), ErrorKind::Invalid, "invalid_result", "id"));
    EXPECT_TRUE(
        failsWith(CommandResult::fromJson(without(applied, "status")), ErrorKind::Invalid, "invalid_result", "status"));
    EXPECT_TRUE(failsWith(
        CommandResult::fromJson(with(applied, "status", "done")), ErrorKind::Invalid, "invalid_result", "status"));
    EXPECT_TRUE(
        failsWith(CommandResult::fromJson(with(applied, "code", 3)), ErrorKind::Invalid, "invalid_result", "code"));
    EXPECT_TRUE(failsWith(
        CommandResult::fromJson(with(applied, "message", false)), ErrorKind::Invalid, "invalid_result", "message"));
    EXPECT_TRUE(failsWith(
        CommandResult::fromJson(with(applied, "status", "rejected")), ErrorKind::Invalid, "invalid_result", "code"))
        << "a rejection says why";
    EXPECT_TRUE(failsWith(
        CommandResult::fromJson(with(applied, "status", "conflict")), ErrorKind::Invalid, "invalid_result", "code"));
    EXPECT_TRUE(failsWith(CommandResult::fromJson(with(applied, "conflicts", json::object())), ErrorKind::Invalid,
        "invalid_result", "conflicts"));
    EXPECT_TRUE(failsWith(CommandResult::fromJson(with(applied, "conflicts", json::array({ { { "base", 1 } } }))),
        ErrorKind::Invalid, "invalid_result", "conflicts[0].field"));
    EXPECT_TRUE(failsWith(CommandResult::fromJson(with(applied, "conflicts", json::array({ 1 }))), ErrorKind::Invalid,
        "invalid_result", "conflicts[0]"));
}

TEST(CommandResultTest, RoundTripsEachStatus)
{
    const auto applied = CommandResult::applied(kId, { { "id", 42 }, { "version", 4 } });
    const auto rejected = CommandResult::rejected(
        kId, domain::unprocessable("insufficient_stock", "Only 3 pcs are on hand at A-01.", "quantity"));
    CommandResult conflict;
    conflict.id = kId;
    conflict.status = CommandStatus::Conflict;
    conflict.code = "field_conflict";
    conflict.message = "Someone else changed the name.";
    conflict.conflicts = { { "name", "Tea", "Green tea", "Black tea" }, { "active", true, false, nullptr } };
    conflict.server = { { "id", 42 }, { "name", "Black tea" } };

    for (const auto& result : { applied, rejected, conflict }) {
        const auto parsed = CommandResult::fromJson(toJson(result));
        ASSERT_TRUE(succeeds(parsed)) << toJson(result).dump();
        EXPECT_EQ(parsed.value(), result);
    }
    EXPECT_EQ(
        toJson(rejected), json::parse(R"({"id": ")" + kId + R"(", "status": "rejected", "code": "insufficient_stock",
                        "message": "Only 3 pcs are on hand at A-01.", "field": "quantity"})"));
    EXPECT_EQ(toJson(conflict)["conflicts"][0],
        json::parse(R"({"field": "name", "base": "Tea", "mine": "Green tea", "theirs": "Black tea"})"));
    EXPECT_EQ(toJson(CommandResult::applied(kId)), json::parse(R"({"id": ")" + kId + R"(", "status": "applied"})"));
}

TEST(PushRequestTest, RefusesBadEnvelopes)
{
    const json good { { "protocol", 1 }, { "commands", json::array({ receive() }) } };
    EXPECT_TRUE(failsWith(PushRequest::fromJson(json::array()), ErrorKind::Invalid, "invalid_request"));
    EXPECT_TRUE(failsWith(
        PushRequest::fromJson(with(good, "protocol", 2)), ErrorKind::Invalid, "protocol_unsupported", "protocol"));
    EXPECT_TRUE(
        failsWith(PushRequest::fromJson(without(good, "protocol")), ErrorKind::Invalid, "invalid_request", "protocol"));
    EXPECT_TRUE(
        failsWith(PushRequest::fromJson(without(good, "commands")), ErrorKind::Invalid, "invalid_request", "commands"));
    EXPECT_TRUE(failsWith(PushRequest::fromJson(with(good, "commands", json::object())), ErrorKind::Invalid,
        "invalid_request", "commands"));
    EXPECT_TRUE(failsWith(PushRequest::fromJson(with(good, "commands", json::array())), ErrorKind::Invalid,
        "invalid_request", "commands"));
    auto tooMany = json::array();
    for (int i = 0; i <= kMaxPushCommands; ++i)
        tooMany.push_back(receive());
    EXPECT_TRUE(failsWith(
        PushRequest::fromJson(with(good, "commands", tooMany)), ErrorKind::Invalid, "invalid_request", "commands"));
    tooMany.erase(tooMany.begin());
    EXPECT_TRUE(succeeds(PushRequest::fromJson(with(good, "commands", tooMany))));

    auto bad = good;
    bad["commands"].push_back(with(receive(), "type", "Teleport"));
    EXPECT_TRUE(failsWith(PushRequest::fromJson(bad), ErrorKind::Invalid, "unknown_command_type", "commands[1].type"));
}

TEST(PushRequestTest, RoundTripsCommandsInOrder)
{
    PushRequest request;
    request.commands.push_back(commandFromJson(receive()).value());
    request.commands.push_back({ "11111111-2222-3333-4444-555555555555", CommandType::UpdateProduct,
        json::parse(
            R"({"product_id": 42, "base_version": 3, "base": {"name": "Tea"}, "changes": {"name": "Green tea"}})") });
    const auto text = toJson(request);
    EXPECT_EQ(text["protocol"], 1);
    EXPECT_EQ(text["commands"][1]["type"], "UpdateProduct");
    const auto parsed = pushRequestFromJson(text);
    ASSERT_TRUE(succeeds(parsed));
    EXPECT_EQ(parsed.value(), request);
}

TEST(PushResponseTest, RefusesBadAnswersAndRoundTrips)
{
    EXPECT_TRUE(failsWith(PushResponse::fromJson(json::parse(R"({"protocol": 2, "results": []})")), ErrorKind::Invalid,
        "protocol_unsupported", "protocol"));
    EXPECT_TRUE(failsWith(
        PushResponse::fromJson(json::parse(R"({"protocol": 1})")), ErrorKind::Invalid, "invalid_response", "results"));
    EXPECT_TRUE(failsWith(PushResponse::fromJson(json::parse(R"({"protocol": 1, "results": [{"status": "applied"}]})")),
        ErrorKind::Invalid, "invalid_result", "results[0].id"));

    PushResponse response;
    response.results = { CommandResult::applied(kId),
        CommandResult::rejected(kId, domain::forbidden("warehouse_out_of_scope", "Not your warehouse.")) };
    const auto parsed = pushResponseFromJson(toJson(response));
    ASSERT_TRUE(succeeds(parsed));
    EXPECT_EQ(parsed.value(), response);
}

TEST(CommandTest, UpdatableProductFields)
{
    EXPECT_EQ(updatableProductFields(),
        (std::vector<std::string> {
            "sku", "name", "description", "category_id", "unit", "price", "barcodes", "active" }));
}

} // namespace
} // namespace tosserp::sync
