#include "client/src/catalog_csv.h"

#include <csv.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace tosserp::client {

namespace {

struct Reader {
    std::vector<CsvRecord> records;
    CsvRecord current;
    std::size_t line = 1;
};

void onField(void* data, std::size_t size, void* context)
{
    auto* reader = static_cast<Reader*>(context);
    reader->current.fields.emplace_back(static_cast<const char*>(data), size);
}

void onRecord(int, void* context)
{
    auto* reader = static_cast<Reader*>(context);
    reader->current.line = reader->line++;
    reader->records.push_back(std::move(reader->current));
    reader->current = CsvRecord {};
}

void writeField(FILE* out, const std::string& value, bool last)
{
    // Quoted only when it must be, so plain values stay plain for the people reading them.
    if (value.find_first_of(",\"\r\n") != std::string::npos) {
        csv_fwrite(out, value.data(), value.size());
    } else {
        std::fputs(value.c_str(), out);
    }
    std::fputc(last ? '\n' : ',', out);
}

} // namespace

const std::vector<std::string>& productColumns()
{
    static const std::vector<std::string> columns
        = { "sku", "name", "description", "category_id", "unit", "price", "currency", "barcodes", "active" };
    return columns;
}

std::vector<CsvRecord> readCsv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CsvError("cannot read " + path);
    }
    std::stringstream text;
    text << in.rdbuf();
    auto content = text.str();
    // A byte order mark (spreadsheet programs write one) is not part of the first column's name.
    if (content.starts_with("\xEF\xBB\xBF")) {
        content.erase(0, 3);
    }
    csv_parser parser {};
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    Reader reader;
    if (csv_parse(&parser, content.data(), content.size(), onField, onRecord, &reader) != content.size()
        || csv_fini(&parser, onField, onRecord, &reader) != 0) {
        const std::string why = csv_strerror(csv_error(&parser));
        csv_free(&parser);
        throw CsvError(path + " is not valid CSV near record " + std::to_string(reader.line) + " (" + why + ")");
    }
    csv_free(&parser);
    return reader.records;
}

std::size_t exportProducts(
    const Replica& replica, const std::string& path, const std::function<void(std::size_t, std::size_t)>& progress)
{
    FILE* out = std::fopen(path.c_str(), "w");
    if (!out) {
        throw CsvError("cannot write " + path);
    }
    const auto& columns = productColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        writeField(out, columns[i], i + 1 == columns.size());
    }
    const auto total = static_cast<std::size_t>(replica.count("products"));
    std::size_t count = 0;
    replica.forEachProduct([&](const nlohmann::json& p) {
        std::string barcodes;
        for (const auto& b : p.value("barcodes", nlohmann::json::array())) {
            barcodes += (barcodes.empty() ? "" : "|") + b.value("code", "");
        }
        const auto category = p.value("category_id", nlohmann::json());
        const auto price = p.value("price", nlohmann::json::object());
        const std::vector<std::string> fields = {
            p.value("sku", ""),
            p.value("name", ""),
            p.value("description", ""),
            category.is_number_integer() ? std::to_string(category.get<std::int64_t>()) : "",
            p.value("unit", "pcs"),
            price.value("amount", "0"),
            price.value("currency", "EUR"),
            barcodes,
            p.value("active", true) ? "true" : "false",
        };
        for (std::size_t i = 0; i < fields.size(); ++i) {
            writeField(out, fields[i], i + 1 == fields.size());
        }
        if (++count % 10000 == 0 && progress) {
            progress(count, total);
        }
    });
    if (std::fclose(out) != 0) {
        throw CsvError("cannot finish writing " + path);
    }
    if (progress) {
        progress(count, count);
    }
    return count;
}

ImportReport importProducts(
    ApiClient& api, const std::string& path, const std::function<void(std::size_t, std::size_t)>& progress)
{
    const auto records = readCsv(path);
    ImportReport report;
    if (records.empty()) {
        return report;
    }
    // The header names the columns; their order may differ from export's.
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < records.front().fields.size(); ++i) {
        index[records.front().fields[i]] = i;
    }
    for (const char* required : { "sku", "name", "price" }) {
        if (!index.count(required)) {
            throw CsvError(path + ": the header has no column \"" + std::string(required) + "\"");
        }
    }
    const auto total = records.size() - 1;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& record = records[r];
        auto field = [&](const std::string& name, const std::string& fallback = "") {
            const auto it = index.find(name);
            return it == index.end() || it->second >= record.fields.size() ? fallback : record.fields[it->second];
        };
        nlohmann::json body = { { "sku", field("sku") }, { "name", field("name") }, { "unit", field("unit", "pcs") },
            { "price", { { "amount", field("price") }, { "currency", field("currency", "EUR") } } } };
        if (!field("description").empty()) {
            body["description"] = field("description");
        }
        if (!field("category_id").empty()) {
            try {
                body["category_id"] = std::stoll(field("category_id"));
            } catch (const std::exception&) {
                report.rejected.push_back("line " + std::to_string(record.line) + ": category_id is not a number");
                continue;
            }
        }
        auto barcodes = nlohmann::json::array();
        std::stringstream codes(field("barcodes"));
        for (std::string code; std::getline(codes, code, '|');) {
            if (!code.empty()) {
                barcodes.push_back(code);
            }
        }
        body["barcodes"] = barcodes;
        auto reply = api.post("/api/v1/products", body);
        if (reply.ok() && field("active") == "false") {
            reply
                = api.request("PATCH", QString("/api/v1/products/%1").arg(reply.json().value("id", std::int64_t { 0 })),
                    QByteArray::fromStdString(nlohmann::json({ { "active", false } }).dump()));
        }
        if (reply.status == 0) {
            report.stopped = "line " + std::to_string(record.line) + ": the server cannot be reached ("
                + reply.networkError + "); the rows from here on were not sent";
            break;
        }
        if (reply.ok()) {
            ++report.created;
        } else {
            const auto problem = reply.json();
            std::string why = reply.status == 0 ? reply.networkError
                                                : problem.value("detail", "HTTP " + std::to_string(reply.status));
            if (problem.is_object() && problem.contains("errors") && !problem["errors"].empty()) {
                why = problem["errors"][0].value("field", "") + ": " + problem["errors"][0].value("message", why);
            }
            report.rejected.push_back("line " + std::to_string(record.line) + ": " + why);
        }
        if (progress) {
            progress(r, total);
        }
    }
    return report;
}

} // namespace tosserp::client
