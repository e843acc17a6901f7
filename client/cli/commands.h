#pragma once

#include "client/src/replica.h"

#include <optional>
#include <string>

namespace tosserp::cli {

/// Exit codes a script can rely on.
enum ExitCode : int {
    kOk = 0,
    kFailed = 1,
    kUsage = 2,
    kSignInRequired = 3,
    kUnreachable = 4,
    kConflicts = 5,
};

/// Thrown for a refusal the person must fix (unknown SKU, bad quantity); main prints it.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The product a command names: by SKU, barcode or id.
nlohmann::json findProduct(const client::Replica& replica, const std::string& text);
/// A location: its id, "WAREHOUSE/CODE", or a warehouse code (its STOCK location).
std::int64_t findLocation(const client::Replica& replica, const std::string& text);
/// A quantity as the person typed it, checked against the product's unit.
std::string checkedQuantity(const std::string& text, const nlohmann::json& product, bool allowNegative);
/// The on-hand the replica shows now at a location (server figure plus pending), as decimal text.
std::string localOnHand(
    const client::Replica& replica, std::int64_t productId, std::int64_t locationId, const std::string& unit);

} // namespace tosserp::cli
