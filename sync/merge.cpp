#include "sync/merge.h"

namespace tosserp::sync {

namespace {

/// The member `field` of `object`, or nullptr when `object` is not an object or lacks it.
const nlohmann::json* member(const nlohmann::json& object, const std::string& field)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(field);
    return it == object.end() ? nullptr : &*it;
}

nlohmann::json valueOrNull(const nlohmann::json* value)
{
    return value ? *value : nlohmann::json(nullptr);
}

} // namespace

MergeOutcome mergeFields(const nlohmann::json& base, const nlohmann::json& mine, const nlohmann::json& theirs)
{
    MergeOutcome outcome;
    if (!mine.is_object())
        return outcome;
    for (const auto& [field, value] : mine.items()) {
        const auto* theirsValue = member(theirs, field);
        const auto* baseValue = member(base, field);
        if (theirsValue && *theirsValue == value)
            continue;
        const bool theyKeptBase = theirsValue ? (baseValue && *theirsValue == *baseValue) : !baseValue;
        if (theyKeptBase) {
            outcome.apply[field] = value;
            continue;
        }
        outcome.conflicts.push_back({ field, valueOrNull(baseValue), value, valueOrNull(theirsValue) });
    }
    return outcome;
}

nlohmann::json productMergeFields(const nlohmann::json& productRow)
{
    auto out = nlohmann::json::object();
    if (!productRow.is_object())
        return out;
    for (const auto& field : updatableProductFields()) {
        const auto* value = member(productRow, field);
        if (!value)
            continue;
        if (field == "barcodes" && value->is_array()) {
            auto codes = nlohmann::json::array();
            for (const auto& barcode : *value)
                codes.push_back(barcode.is_object() && barcode.contains("code") ? barcode["code"] : barcode);
            out[field] = std::move(codes);
            continue;
        }
        out[field] = *value;
    }
    return out;
}

} // namespace tosserp::sync
