// tosserp-bench-pg-writes: stock movements recorded by the Stock service on PostgreSQL, one per
// transaction and in batches (bench/postgres.sh runs pgbench's comparable insert beside it).
//
//   tosserp-bench-pg-writes --database CONNINFO [--clients 4] [--seconds 10] [--batch 50]
//
// The database is migrated and seeded with the demo company when empty. Each of CLIENTS threads
// records receipts of one unit (a movement, its stock level and its event in one transaction)
// for SECONDS; then the same with BATCH receipts per transaction. Prints movements per second.
#include "server/core/log.h"
#include "server/stock/catalog_service.h"
#include "server/stock/demo_seed.h"
#include "server/stock/inventory_service.h"
#include "server/stock/stock_schema.h"
#include "server/stock/warehouse_service.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace tosserp;
using Clock = std::chrono::steady_clock;

namespace {

void usage(std::ostream& out)
{
    out << "Usage: tosserp-bench-pg-writes --database CONNINFO [--clients N] [--seconds N] [--batch N]\n"
           "Records stock movements through the Stock service on the PostgreSQL database CONNINFO, one per\n"
           "transaction and BATCH per transaction, from N threads for N seconds each; prints movements/s.\n";
}

double run(stock::InventoryService& inventory, std::int64_t product, std::int64_t location, int clients, int seconds,
    int batch)
{
    std::atomic<long long> done { 0 };
    std::atomic<bool> failed { false };
    const auto until = Clock::now() + std::chrono::seconds(seconds);
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            stock::MovementInput input;
            input.kind = "receipt";
            input.productId = product;
            input.quantity = "1";
            input.toLocationId = location;
            const std::vector<stock::MovementInput> inputs(static_cast<std::size_t>(batch), input);
            events::EventContext context;
            context.actor = "bench";
            while (Clock::now() < until && !failed) {
                const auto recorded = inventory.recordMovements(inputs, std::nullopt, context);
                if (!recorded.ok()) {
                    std::cerr << "refused: " << recorded.error().message << "\n";
                    failed = true;
                    return;
                }
                done += batch;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    return failed ? 0 : static_cast<double>(done.load()) / elapsed;
}

} // namespace

int main(int argc, char** argv)
{
    std::string database;
    int clients = 4;
    int seconds = 10;
    int batch = 50;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (arg == "--help" || arg == "-h") {
            usage(std::cout);
            return 0;
        } else if (arg == "--database") {
            database = next();
        } else if (arg == "--clients") {
            clients = std::atoi(next().c_str());
        } else if (arg == "--seconds") {
            seconds = std::atoi(next().c_str());
        } else if (arg == "--batch") {
            batch = std::atoi(next().c_str());
        } else {
            usage(std::cerr);
            return 64;
        }
    }
    if (database.empty() || clients < 1 || seconds < 1 || batch < 1) {
        usage(std::cerr);
        return 64;
    }
    log::setLevel(log::Level::Warn);
    try {
        db::Database db(database);
        db.migrate(stock::stockMigrations());
        stock::CatalogService catalog(db);
        stock::WarehouseService warehouses(db);
        stock::InventoryService inventory(db, stock::StockPolicy {});
        stock::seedDemoCompany(catalog, warehouses, inventory);
        const auto [product, location] = db.read([](db::Connection& c) {
            auto& q = c.prepare("SELECT (SELECT MIN(id) FROM products), (SELECT MIN(id) FROM locations WHERE kind = "
                                "'internal')");
            q.step();
            const auto ids = std::pair { q.integer(0), q.integer(1) };
            q.reset();
            return ids;
        });
        const auto single = run(inventory, product, location, clients, seconds, 1);
        std::cout << "single-row movements: " << static_cast<long long>(single) << "/s (" << clients << " clients)\n";
        const auto batched = run(inventory, product, location, clients, seconds, batch);
        std::cout << "batched movements: " << static_cast<long long>(batched) << "/s (" << clients << " clients, "
                  << batch << " per transaction)\n";
        return single > 0 && batched > 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "tosserp-bench-pg-writes: " << e.what() << "\n";
        return 1;
    }
}
