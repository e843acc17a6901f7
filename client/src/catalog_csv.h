#pragma once

#include "client/src/api_client.h"
#include "client/src/replica.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tosserp::client {

/// A CSV file that cannot be read, written or parsed, or whose header lacks a column;
/// `what()` says which file and why.
class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One CSV record as fields, with its record number in the file (the header is 1).
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

/// Reads a CSV file (RFC 4180 quoting, through libcsv). Throws CsvError when the file cannot
/// be read or is not valid CSV.
std::vector<CsvRecord> readCsv(const std::string& path);

/// The product columns, in the order export writes and import expects:
/// sku, name, description, category_id, unit, price, currency, barcodes (separated by '|'), active.
const std::vector<std::string>& productColumns();

/// Writes every product of the replica as CSV, streaming (a million products never sit in
/// memory at once); `progress` hears (written, total) now and then. Returns how many.
std::size_t exportProducts(const Replica& replica, const std::string& path,
    const std::function<void(std::size_t done, std::size_t total)>& progress = {});

struct ImportReport {
    std::size_t created = 0;
    std::vector<std::string> rejected; ///< "line N: reason"
    /// Why the import stopped before the end (the server could not be reached); empty when
    /// every row was tried.
    std::string stopped;
};

/// Creates each row as a product on the server (online), reporting progress and every row
/// the server refused with its line and reason. Rows are independent: one refusal does not
/// stop the others; a server that cannot be reached stops the import (`stopped` says at
/// which line). A row whose `active` is "false" is created and then deactivated.
ImportReport importProducts(
    ApiClient& api, const std::string& path, const std::function<void(std::size_t done, std::size_t total)>& progress);

} // namespace tosserp::client
