// tosserp-bench-sqlite-floor: the physical floor of filling a replica — raw SQLite inserting
// N product rows (the same JSON rows a pull delivers) with a prepared statement in one
// transaction, with unique SKU and barcode indexes. Usage: tosserp-bench-sqlite-floor FILE N
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3 || std::string(argv[1]) == "--help") {
        std::cout << "usage: tosserp-bench-sqlite-floor FILE ROWS\n";
        return argc == 3 ? 0 : 2;
    }
    sqlite3* db = nullptr;
    std::remove(argv[1]);
    sqlite3_open(argv[1], &db);
    sqlite3_exec(db,
        "PRAGMA journal_mode=WAL; CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, "
        "barcode TEXT NOT NULL UNIQUE, name TEXT NOT NULL, row TEXT NOT NULL);",
        nullptr, nullptr, nullptr);
    const long rows = std::atol(argv[2]);
    const auto started = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(
        db, "INSERT INTO products (id, sku, barcode, name, row) VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr);
    for (long i = 1; i <= rows; ++i) {
        char sku[32];
        char barcode[32];
        std::snprintf(sku, sizeof sku, "SKU-%07ld", i);
        std::snprintf(barcode, sizeof barcode, "21%010ld0", i);
        const std::string name = "Product " + std::to_string(i) + " of the benchmark range";
        const std::string row = std::string("{\"id\":") + std::to_string(i) + ",\"sku\":\"" + sku + "\",\"name\":\""
            + name
            + "\",\"description\":\"A product made for measuring how fast a replica fills.\",\"unit\":\"pcs\","
              "\"price\":{\"amount\":\"9.90\",\"currency\":\"EUR\"},\"barcodes\":[{\"code\":\""
            + barcode + "\",\"symbology\":\"ean13\"}],\"active\":true,\"version\":1,\"category_id\":null}";
        sqlite3_bind_int64(insert, 1, i);
        sqlite3_bind_text(insert, 2, sku, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, barcode, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 4, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, row.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sqlite3_close(db);
    std::printf("{\"peer\":\"sqlite-floor\",\"rows\":%ld,\"seconds\":%.3f}\n", rows, seconds);
    return 0;
}
