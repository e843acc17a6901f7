#include "server/stock/stock_replay.h"

#include "domain/quantity.h"
#include "server/events/event_store.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>

namespace tosserp::stock {

events::ReplayReport replayStockLevels(db::Database& stock, bool dryRun)
{
    const auto started = std::chrono::steady_clock::now();
    events::ReplayReport report;
    report.domain = "stock";
    report.projection = "stock_levels";
    stock.write([&](db::Connection& c) {
        std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> rebuilt;
        auto& q = c.prepare("SELECT payload FROM events WHERE type = 'StockMoved' ORDER BY position");
        while (q.step()) {
            const auto movement = nlohmann::json::parse(q.text(0));
            const auto unit = domain::Unit::parse(movement.at("unit").get<std::string>()).value();
            const auto milli
                = domain::Quantity::fromDouble(movement.at("quantity").get<double>(), unit).value().milli();
            const auto product = movement.at("product_id").get<std::int64_t>();
            rebuilt[{ product, movement.at("from_location_id").get<std::int64_t>() }] -= milli;
            rebuilt[{ product, movement.at("to_location_id").get<std::int64_t>() }] += milli;
            ++report.events;
        }
        q.reset();
        std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> live;
        auto& l = c.prepare("SELECT product_id, location_id, quantity_milli FROM stock_levels");
        while (l.step()) {
            live[{ l.integer(0), l.integer(1) }] = l.integer(2);
        }
        l.reset();
        const auto differs = [&](const std::pair<std::int64_t, std::int64_t>& key, std::int64_t want,
                                 std::int64_t have) {
            ++report.differences;
            if (report.samples.size() < events::kReplaySamples) {
                report.samples.push_back("product " + std::to_string(key.first) + " at location "
                    + std::to_string(key.second) + ": " + std::to_string(have) + " thousandths live, "
                    + std::to_string(want) + " from the events");
            }
            if (!dryRun) {
                c.prepare("INSERT INTO stock_levels (product_id, location_id, quantity_milli) VALUES (?, ?, ?) ON "
                          "CONFLICT (product_id, location_id) DO UPDATE SET quantity_milli = excluded.quantity_milli")
                    .bindAll({ key.first, key.second, want })
                    .run();
            }
        };
        for (const auto& [key, want] : rebuilt) {
            const auto found = live.find(key);
            const auto have = found == live.end() ? 0 : found->second;
            if (have != want) {
                differs(key, want, have);
            }
        }
        for (const auto& [key, have] : live) {
            if (!rebuilt.count(key) && have != 0) {
                differs(key, 0, have);
            }
        }
        report.rows = static_cast<std::int64_t>(rebuilt.size());
    });
    report.fixed = !dryRun && report.differences > 0;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace tosserp::stock
