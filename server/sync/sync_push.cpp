// The push half of SyncService: commands from replicas, applied once each.
#include "server/sync/sync_service.h"

#include "domain/serialization.h"
#include "server/http/api.h"
#include "server/http/json_body.h"
#include "server/stock/stock_api.h"
#include "sync/merge.h"

namespace tosserp::syncserver {

using domain::Result;
using sync::CommandResult;
using sync::CommandStatus;
using sync::CommandType;

namespace {

CommandResult rejected(const std::string& id, const domain::Error& error)
{
    CommandResult result;
    result.id = id;
    result.status = CommandStatus::Rejected;
    result.code = error.code;
    result.message = error.message;
    result.field = error.field;
    return result;
}

CommandResult rejected(const std::string& id, const http::ApiError& error)
{
    CommandResult result;
    result.id = id;
    result.status = CommandStatus::Rejected;
    result.code = error.code();
    result.message = error.detail();
    if (!error.errors().empty()) {
        result.field = error.errors().front().field;
        if (result.code == "invalid_request") {
            result.message = error.errors().front().field + ": " + error.errors().front().message;
        }
    }
    return result;
}

/// The payload of a stock command as the movement the REST API would record.
stock::MovementInput movementFor(const sync::Command& command)
{
    const auto& payload = command.payload;
    http::JsonReader reader(payload,
        { "product_id", "sku", "quantity", "counted", "location_id", "from_location_id", "to_location_id", "reference",
            "reason", "snapshot_quantity" });
    stock::MovementInput input;
    input.productId = reader.optionalInt("product_id");
    input.sku = reader.optionalString("sku");
    input.reference = reader.optionalString("reference").value_or("");
    input.reason = reader.optionalString("reason").value_or("");
    // A count names what was counted; every other movement names how much moved.
    input.quantity = reader.requiredDecimal(command.type == CommandType::CountStock ? "counted" : "quantity");
    switch (command.type) {
    case CommandType::ReceiveStock:
        input.kind = "receipt";
        input.toLocationId = reader.requiredInt("location_id");
        break;
    case CommandType::ShipStock:
        input.kind = "shipment";
        input.fromLocationId = reader.requiredInt("location_id");
        break;
    case CommandType::MoveStock:
        input.kind = "transfer";
        input.fromLocationId = reader.requiredInt("from_location_id");
        input.toLocationId = reader.requiredInt("to_location_id");
        break;
    case CommandType::AdjustStock:
        input.kind = "adjustment";
        input.locationId = reader.requiredInt("location_id");
        break;
    case CommandType::CountStock:
        input.kind = "count";
        input.locationId = reader.requiredInt("location_id");
        input.snapshotQuantity = reader.optionalDecimal("snapshot_quantity");
        break;
    case CommandType::UpdateProduct:
        break;
    }
    reader.finish();
    return input;
}

/// The fields of a product as a replica edits them (barcodes as plain codes).
nlohmann::json editable(const domain::Product& product)
{
    auto json = domain::productToJson(product);
    auto codes = nlohmann::json::array();
    for (const auto& barcode : json["barcodes"]) {
        codes.push_back(barcode["code"]);
    }
    json["barcodes"] = codes;
    json.erase("id");
    json.erase("version");
    return json;
}

} // namespace

std::vector<CommandResult> SyncService::push(
    const std::vector<sync::Command>& commands, const domain::Principal& who, const events::EventContext& context)
{
    std::vector<CommandResult> results;
    results.reserve(commands.size());
    for (const auto& command : commands) {
        auto commandContext = context;
        commandContext.causationId = command.id;
        results.push_back(apply(command, who, commandContext));
    }
    return results;
}

CommandResult SyncService::apply(
    const sync::Command& command, const domain::Principal& who, const events::EventContext& context)
{
    try {
        if (command.type == CommandType::UpdateProduct) {
            if (!who.can(domain::permission::kCatalogWrite)) {
                return rejected(command.id, domain::forbidden("forbidden", "Your role may not edit products."));
            }
            return updateProduct(command, context);
        }
        if (!who.can(domain::permission::kStockMove)) {
            return rejected(command.id, domain::forbidden("forbidden", "Your role may not move stock."));
        }
        const auto input = movementFor(command);
        const stock::IdempotencyKey key { who.subject + ":sync:" + command.id,
            http::sha256Hex(command.payload.dump()) };
        auto recorded = m_inventory.recordMovements({ input }, key, context, &who);
        if (!recorded) {
            auto error = recorded.error();
            if (error.field.rfind("movements[0].", 0) == 0) {
                error.field = error.field.substr(13);
            }
            return rejected(command.id, error);
        }
        CommandResult result;
        result.id = command.id;
        result.status = CommandStatus::Applied;
        const auto& outcome = recorded.value().outcomes.front();
        result.server = outcome.movement ? nlohmann::json { { "movement", stock::movementJson(*outcome.movement) } }
                                         : nlohmann::json { { "movement", nullptr } };
        return result;
    } catch (const http::ApiError& error) {
        return rejected(command.id, error);
    } catch (const nlohmann::json::exception&) {
        return rejected(command.id, domain::invalid("invalid_request", "A field of the command has the wrong type."));
    }
}

CommandResult SyncService::updateProduct(const sync::Command& command, const events::EventContext& context)
{
    const auto& payload = command.payload;
    http::JsonReader reader(payload, { "product_id", "base_version", "base", "changes" });
    const auto productId = reader.requiredInt("product_id");
    reader.optionalInt("base_version");
    const auto* base = reader.optionalObject("base");
    const auto* changes = reader.optionalObject("changes");
    if (!changes) {
        reader.addError("changes", "required", "Name the fields that changed.");
    }
    reader.finish();
    stock::productPatchFromJson(*changes, "changes"); // refuses unknown fields and wrong types up front
    const nlohmann::json baseValues = base ? *base : nlohmann::json::object();

    // Merge against the current row and write with its version, so a change landing in
    // between makes the merge run again instead of being overwritten.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto current = m_catalog.product(productId);
        CommandResult result;
        result.id = command.id;
        if (!current) {
            result.status = CommandStatus::Conflict;
            result.code = "product_deleted";
            result.message = "The product was deleted meanwhile; the deletion stands and this edit was not applied.";
            result.server = nullptr;
            return result;
        }
        const auto theirs = editable(current.value());
        auto merged = sync::mergeFields(baseValues, *changes, theirs);
        if (!merged.apply.empty()) {
            auto updated = m_catalog.updateProduct(
                productId, stock::productPatchFromJson(merged.apply), current.value().version(), context);
            if (!updated) {
                if (updated.error().kind == domain::ErrorKind::PreconditionFailed) {
                    continue;
                }
                return rejected(command.id, updated.error());
            }
            current = std::move(updated);
        }
        result.server = domain::productToJson(current.value());
        if (!merged.conflicts.empty()) {
            result.status = CommandStatus::Conflict;
            result.code = "field_conflict";
            result.message = "Someone else changed the same fields; the other fields were saved.";
            result.conflicts = std::move(merged.conflicts);
        } else {
            result.status = CommandStatus::Applied;
        }
        return result;
    }
    return rejected(command.id, domain::conflict("busy_product", "The product kept changing; push again later."));
}

} // namespace tosserp::syncserver
