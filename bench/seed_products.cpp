// tosserp-bench-seed: fills a fresh data directory with N products (EAN-13 barcodes, a
// receipt each) through the services, so the rows and events are exactly what the server
// would have written. Usage: tosserp-bench-seed DATA_DIR N
#include "domain/barcode.h"
#include "server/app/runtime.h"
#include "server/core/log.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 3 || std::string(argv[1]) == "--help") {
        std::cout << "usage: tosserp-bench-seed DATA_DIR PRODUCTS\n"
                     "Creates a warehouse MAIN and PRODUCTS products with barcodes and stock in DATA_DIR\n"
                     "(the Stock domain in the PostgreSQL database TOSSERP_STOCK_DATABASE names, when set).\n";
        return argc == 3 ? 0 : 2;
    }
    tosserp::log::setLevel(tosserp::log::Level::Warn);
    tosserp::ServerConfig config;
    config.dataDir = argv[1];
    config.adminPassword = "bench admin passphrase";
    if (const char* stock = std::getenv("TOSSERP_STOCK_DATABASE"); stock != nullptr) {
        config.stockDatabase = stock;
    }
    const long count = std::atol(argv[2]);
    tosserp::Runtime runtime(config);
    tosserp::events::EventContext context;
    context.actor = "bench";
    const auto started = std::chrono::steady_clock::now();
    const auto warehouse = runtime.warehouses().createWarehouse("MAIN", "Main", context).value();
    const auto stock = runtime.warehouses().locations(warehouse.id).front().id;
    std::vector<tosserp::stock::MovementInput> receipts;
    for (long i = 1; i <= count; ++i) {
        char sku[32];
        char digits[16];
        std::snprintf(sku, sizeof sku, "SKU-%07ld", i);
        std::snprintf(digits, sizeof digits, "21%010ld", i);
        tosserp::domain::ProductDraft draft;
        draft.sku = sku;
        draft.name = "Product " + std::to_string(i) + " of the benchmark range";
        draft.description = "A product made for measuring how fast a replica fills.";
        draft.priceAmount = "9.90";
        draft.barcodes = { tosserp::domain::Barcode::withCheckDigit(digits) };
        const auto product = runtime.catalog().createProduct(draft, context);
        if (!product) {
            std::cerr << "seed failed: " << product.error().message << "\n";
            return 1;
        }
        tosserp::stock::MovementInput receipt;
        receipt.kind = "receipt";
        receipt.productId = product.value().id();
        receipt.quantity = std::to_string(1 + i % 50);
        receipt.toLocationId = stock;
        receipts.push_back(receipt);
        if (receipts.size() == 1000 || i == count) {
            if (!runtime.inventory().recordMovements(receipts, std::nullopt, context)) {
                std::cerr << "seed failed at the receipts\n";
                return 1;
            }
            receipts.clear();
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("seeded %ld products in %.1f s\n", count, seconds);
    return 0;
}
