#include "server/orders/orders_service.h"

#include "domain/serialization.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/events/dispatcher.h"

#include <chrono>
#include <map>
#include <set>

namespace tosserp::orders {

using domain::Result;

namespace {

std::string orderStream(std::int64_t id)
{
    return "order-" + std::to_string(id);
}

nlohmann::json linesPayload(const domain::Order& order)
{
    auto lines = nlohmann::json::array();
    for (const auto& line : order.lines()) {
        lines.push_back({ { "product_id", line.productId }, { "quantity", line.quantity.toDecimalString() },
            { "unit", line.quantity.unit().code() } });
    }
    return lines;
}

std::optional<domain::Customer> loadCustomer(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare("SELECT id, name, email, version FROM customers WHERE id = ?");
    q.bind(1, id);
    std::optional<domain::Customer> found;
    if (q.step()) {
        found = domain::Customer { q.integer(0), q.text(1), q.text(2), q.integer(3) };
    }
    q.reset();
    return found;
}

std::optional<domain::Order> loadOrder(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare(
        "SELECT id, customer_id, warehouse_id, state, tax_rate_bp, reason, version FROM orders WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) {
        q.reset();
        return std::nullopt;
    }
    const auto customerId = q.integer(1);
    const auto warehouseId = q.integer(2);
    const auto state = domain::parseOrderState(q.text(3)).value_or(domain::OrderState::Draft);
    const auto taxRate = static_cast<int>(q.integer(4));
    auto reason = q.text(5);
    const auto version = q.integer(6);
    q.reset();
    auto& l = c.prepare("SELECT product_id, sku, name, unit, quantity_milli, price_minor, currency FROM order_lines "
                        "WHERE order_id = ? ORDER BY line");
    l.bind(1, id);
    std::vector<domain::OrderLine> lines;
    while (l.step()) {
        const auto unit = domain::Unit::parse(l.text(3)).value();
        lines.push_back(domain::OrderLine { l.integer(0), l.text(1), l.text(2),
            domain::Quantity::fromMilli(l.integer(4), unit).value(),
            domain::Money::of(l.integer(5), domain::Currency::parse(l.text(6)).value()) });
    }
    l.reset();
    return domain::Order::restore(
        id, customerId, warehouseId, state, std::move(lines), taxRate, std::move(reason), version);
}

/// Writes the order (insert when its id is 0) with its lines, and bumps its version.
void saveOrder(db::Connection& c, domain::Order& order)
{
    const auto now = nowMs();
    const std::string state(domain::orderStateName(order.state()));
    if (order.id() == 0) {
        order.setId(
            c.prepare("INSERT INTO orders (customer_id, warehouse_id, state, tax_rate_bp, reason, version, created_at, "
                      "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id")
                .bindAll({ order.customerId(), order.warehouseId(), state, std::int64_t { order.taxRateBasisPoints() },
                    order.reason(), now, now })
                .insertedKey());
        order.setVersion(1);
    } else {
        order.setVersion(order.version() + 1);
        c.prepare("UPDATE orders SET state = ?, reason = ?, version = ?, updated_at = ? WHERE id = ?")
            .bindAll({ state, order.reason(), order.version(), now, order.id() })
            .run();
        c.prepare("DELETE FROM order_lines WHERE order_id = ?").bind(1, order.id()).run();
    }
    std::int64_t index = 0;
    for (const auto& line : order.lines()) {
        c.prepare("INSERT INTO order_lines (order_id, line, product_id, sku, name, unit, quantity_milli, price_minor, "
                  "currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll({ order.id(), ++index, line.productId, line.sku, line.name, line.quantity.unit().code(),
                line.quantity.milli(), line.unitPrice.minor(), line.unitPrice.currency().code() })
            .run();
    }
}

struct CatalogEntry {
    std::string sku;
    std::string name;
    domain::Unit unit;
    domain::Money price;
    bool active = true;
};

std::optional<CatalogEntry> catalogEntry(db::Connection& c, std::int64_t productId)
{
    auto& q = c.prepare(
        "SELECT sku, name, unit, price_minor, currency, active FROM catalog WHERE product_id = ? AND deleted = 0");
    q.bind(1, productId);
    std::optional<CatalogEntry> found;
    if (q.step()) {
        found = CatalogEntry { q.text(0), q.text(1), domain::Unit::parse(q.text(2)).value(),
            domain::Money::of(q.integer(3), domain::Currency::parse(q.text(4)).value()), q.integer(5) != 0 };
    }
    q.reset();
    return found;
}

/// The lines of `request` (or of `order`, to re-price it) as the catalog prices them now.
Result<std::vector<domain::OrderLine>> priceLines(db::Connection& c, const std::vector<LineRequest>& requested)
{
    std::vector<domain::OrderLine> lines;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        const auto field = "lines[" + std::to_string(i) + "]";
        const auto entry = catalogEntry(c, requested[i].productId);
        if (!entry) {
            return domain::unprocessable("product_not_found",
                "There is no product " + std::to_string(requested[i].productId) + " in the catalog.",
                field + ".product_id");
        }
        if (!entry->active) {
            return domain::unprocessable(
                "product_inactive", entry->sku + " is not sold any more.", field + ".product_id");
        }
        auto quantity = domain::Quantity::parse(requested[i].quantity, entry->unit);
        if (!quantity) {
            return domain::withField(quantity.error(), field + ".quantity");
        }
        lines.push_back(domain::OrderLine {
            requested[i].productId, entry->sku, entry->name, std::move(quantity).value(), entry->price });
    }
    return lines;
}

Result<domain::Order> missingOrder(std::int64_t id)
{
    return domain::notFound("order_not_found", "There is no order " + std::to_string(id) + ".");
}

void applyProductEvent(db::Connection& c, const events::EventRecord& event, const std::string& table)
{
    const auto& p = event.payload;
    if (event.type == "ProductCreated") {
        c.prepare("INSERT INTO " + table
             + " (product_id, sku, name, unit, price_minor, currency, active, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 0) "
               "ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, name = excluded.name, unit = "
               "excluded.unit, price_minor = excluded.price_minor, currency = excluded.currency, active = "
               "excluded.active, deleted = 0")
            .bindAll({ p.at("id").get<std::int64_t>(), p.at("sku").get<std::string>(), p.at("name").get<std::string>(),
                p.at("unit").get<std::string>(), std::int64_t { 0 }, p.at("price").at("currency").get<std::string>(),
                std::int64_t { p.value("active", true) ? 1 : 0 } })
            .run();
    }
    const auto id
        = event.type == "ProductCreated" ? p.at("id").get<std::int64_t>() : p.at("product_id").get<std::int64_t>();
    const auto& values = event.type == "ProductCreated" ? p : p.value("values", nlohmann::json::object());
    if (event.type == "ProductDeleted") {
        c.prepare("UPDATE " + table + " SET deleted = 1 WHERE product_id = ?").bind(1, id).run();
        return;
    }
    for (const auto* column : { "sku", "name", "unit" }) {
        if (values.contains(column)) {
            c.prepare("UPDATE " + table + " SET " + column + " = ? WHERE product_id = ?")
                .bindAll({ values[column].get<std::string>(), id })
                .run();
        }
    }
    if (values.contains("active")) {
        c.prepare("UPDATE " + table + " SET active = ? WHERE product_id = ?")
            .bindAll({ std::int64_t { values["active"].get<bool>() ? 1 : 0 }, id })
            .run();
    }
    if (values.contains("price")) {
        const auto currency = domain::Currency::parse(values["price"].at("currency").get<std::string>()).value();
        const auto price = domain::Money::parse(values["price"].at("amount").get<std::string>(), currency).value();
        c.prepare("UPDATE " + table + " SET price_minor = ?, currency = ? WHERE product_id = ?")
            .bindAll({ price.minor(), currency.code(), id })
            .run();
    }
}

using SagaPayload = std::function<nlohmann::json(const domain::Order& before, const domain::Order& after)>;

/// Moves order `id` on in the saga and records `eventType` with the payload made from the
/// order before and after; a transition the order no longer allows (it was cancelled
/// meanwhile) changes nothing and is logged.
void sagaStep(db::Connection& c, std::int64_t id, const events::EventRecord& cause,
    const std::function<Result<void>(domain::Order&)>& transition, const std::string& eventType,
    const SagaPayload& payloadOf)
{
    auto order = loadOrder(c, id);
    if (!order) {
        log::warn("saga event for an unknown order", { { "order_id", id }, { "event", cause.type } });
        return;
    }
    const auto before = *order;
    if (auto moved = transition(*order); !moved) {
        log::info("saga event does not apply to the order any more",
            { { "order_id", id }, { "event", cause.type }, { "state", domain::orderStateName(order->state()) } });
        return;
    }
    saveOrder(c, *order);
    auto payload = payloadOf(before, *order);
    payload["order_id"] = id;
    events::EventStore::append(c, orderStream(id), eventType, payload, events::causedBy(cause));
}

} // namespace

OrdersService::OrdersService(db::Database& database)
    : m_db(database)
{ }

Result<domain::Customer> OrdersService::createCustomer(
    const std::string& name, const std::string& email, const events::EventContext& context)
{
    auto customer = domain::Customer::create(name, email);
    if (!customer) {
        return customer.error();
    }
    return m_db.write([&](db::Connection& c) {
        auto created = customer.value();
        created.id
            = c.prepare("INSERT INTO customers (name, email, version, created_at) VALUES (?, ?, 1, ?) RETURNING id")
                  .bindAll({ created.name, created.email, nowMs() })
                  .insertedKey();
        events::EventStore::append(
            c, "customer-" + std::to_string(created.id), "CustomerCreated", customerToJson(created), context);
        return Result<domain::Customer>(created);
    });
}

Result<domain::Customer> OrdersService::customer(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadCustomer(c, id); });
    if (!found) {
        return domain::notFound("customer_not_found", "There is no customer " + std::to_string(id) + ".");
    }
    return *found;
}

Page<domain::Customer> OrdersService::customers(std::int64_t afterId, int limit) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT id, name, email, version FROM customers WHERE id > ? ORDER BY id LIMIT ?");
        q.bindAll({ afterId, std::int64_t { limit + 1 } });
        Page<domain::Customer> page;
        while (q.step()) {
            page.items.push_back(domain::Customer { q.integer(0), q.text(1), q.text(2), q.integer(3) });
        }
        q.reset();
        if (static_cast<int>(page.items.size()) > limit) {
            page.items.pop_back();
            page.nextCursor = encodeCursor(page.items.back().id);
        }
        return page;
    });
}

Result<domain::Order> OrdersService::createOrder(
    const OrderRequest& request, const std::optional<IdempotencyKey>& key, const events::EventContext& context)
{
    return m_db.write([&](db::Connection& c) -> Result<domain::Order> {
        if (key) {
            auto seen = recallIdempotent(c, *key);
            if (!seen) {
                return seen.error();
            }
            if (seen.value()) {
                auto first = loadOrder(c, seen.value()->at("order_id").get<std::int64_t>());
                return first ? Result<domain::Order>(*first) : missingOrder(0);
            }
        }
        if (request.customerId > 0 && !loadCustomer(c, request.customerId)) {
            return domain::unprocessable("customer_not_found",
                "There is no customer " + std::to_string(request.customerId) + ".", "customer_id");
        }
        auto lines = priceLines(c, request.lines);
        if (!lines) {
            return lines.error();
        }
        auto order = domain::Order::draft(
            request.customerId, request.warehouseId, std::move(lines).value(), request.taxRateBasisPoints);
        if (!order) {
            return order.error();
        }
        auto created = std::move(order).value();
        if (auto totals = created.totals(); !totals) {
            return domain::withField(totals.error(), "lines");
        }
        saveOrder(c, created);
        events::EventStore::append(c, orderStream(created.id()), "OrderCreated",
            { { "order_id", created.id() }, { "customer_id", created.customerId() },
                { "warehouse_id", created.warehouseId() }, { "lines", linesPayload(created) } },
            context);
        if (key) {
            rememberIdempotent(c, *key, { { "order_id", created.id() } });
        }
        return created;
    });
}

Result<domain::Order> OrdersService::order(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadOrder(c, id); });
    return found ? Result<domain::Order>(*found) : missingOrder(id);
}

std::map<std::string, std::int64_t> OrdersService::orderCounts(
    std::int64_t sinceMs, const std::optional<std::set<std::int64_t>>& warehouses) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT state, COUNT(*) FROM orders WHERE created_at >= ?1 AND (?2 IS NULL OR "
                            "warehouse_id IN (SELECT value FROM json_each(?2))) GROUP BY state");
        db::Value scope = nullptr;
        if (warehouses) {
            scope = nlohmann::json(std::vector<std::int64_t>(warehouses->begin(), warehouses->end())).dump();
        }
        q.bindAll({ sinceMs, scope });
        std::map<std::string, std::int64_t> counts;
        while (q.step()) {
            counts[q.text(0)] = q.integer(1);
        }
        q.reset();
        return counts;
    });
}

Page<domain::Order> OrdersService::orders(const OrderQuery& query) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT id FROM orders WHERE id > ?1 AND (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR "
                            "customer_id = ?3) AND (?5 IS NULL OR warehouse_id IN (SELECT value FROM json_each(?5))) "
                            "ORDER BY id LIMIT ?4");
        db::Value scope = nullptr;
        if (query.warehouses) {
            scope
                = nlohmann::json(std::vector<std::int64_t>(query.warehouses->begin(), query.warehouses->end())).dump();
        }
        q.bindAll({ query.afterId,
            query.state ? db::Value(std::string(domain::orderStateName(*query.state))) : db::Value(nullptr),
            query.customerId ? db::Value(*query.customerId) : db::Value(nullptr), std::int64_t { query.limit + 1 },
            scope });
        std::vector<std::int64_t> ids;
        while (q.step()) {
            ids.push_back(q.integer(0));
        }
        q.reset();
        Page<domain::Order> page;
        for (const auto id : ids) {
            if (auto order = loadOrder(c, id)) {
                page.items.push_back(std::move(*order));
            }
        }
        if (static_cast<int>(page.items.size()) > query.limit) {
            page.items.pop_back();
            page.nextCursor = encodeCursor(page.items.back().id());
        }
        return page;
    });
}

Result<domain::Order> OrdersService::place(std::int64_t id, const events::EventContext& context)
{
    return m_db.write([&](db::Connection& c) -> Result<domain::Order> {
        auto order = loadOrder(c, id);
        if (!order) {
            return missingOrder(id);
        }
        std::vector<LineRequest> requested;
        for (const auto& line : order->lines()) {
            requested.push_back({ line.productId, line.quantity.toDecimalString() });
        }
        auto priced = priceLines(c, requested);
        if (order->state() == domain::OrderState::Draft && !priced) {
            return priced.error();
        }
        if (auto placed = order->place(priced ? std::move(priced).value() : order->lines()); !placed) {
            return placed.error();
        }
        saveOrder(c, *order);
        const auto totals = order->totals().value();
        events::EventStore::append(c, orderStream(id), "OrderPlaced",
            { { "order_id", id }, { "customer_id", order->customerId() }, { "warehouse_id", order->warehouseId() },
                { "lines", linesPayload(*order) }, { "gross", domain::moneyToJson(totals.gross) } },
            context);
        return *order;
    });
}

Result<domain::Order> OrdersService::cancel(
    std::int64_t id, const std::string& reason, const events::EventContext& context)
{
    return m_db.write([&](db::Connection& c) -> Result<domain::Order> {
        auto order = loadOrder(c, id);
        if (!order) {
            return missingOrder(id);
        }
        const auto before = order->state();
        if (auto cancelled = order->cancel(reason); !cancelled) {
            return cancelled.error();
        }
        saveOrder(c, *order);
        events::EventStore::append(c, orderStream(id), "OrderCancelled",
            { { "order_id", id }, { "warehouse_id", order->warehouseId() }, { "reason", order->reason() },
                { "previous_state", domain::orderStateName(before) } },
            context);
        return *order;
    });
}

Result<domain::Order> OrdersService::ship(std::int64_t id, const events::EventContext& context)
{
    return m_db.write([&](db::Connection& c) -> Result<domain::Order> {
        auto order = loadOrder(c, id);
        if (!order) {
            return missingOrder(id);
        }
        if (auto shipped = order->ship(); !shipped) {
            return shipped.error();
        }
        saveOrder(c, *order);
        events::EventStore::append(c, orderStream(id), "OrderShipped",
            { { "order_id", id }, { "warehouse_id", order->warehouseId() }, { "lines", linesPayload(*order) } },
            context);
        return *order;
    });
}

const std::vector<std::string>& OrdersService::stockEventTypes()
{
    static const std::vector<std::string> types
        = { "ProductCreated", "ProductUpdated", "ProductDeleted", "OrderStockReserved", "OrderStockRejected" };
    return types;
}

const std::vector<std::string>& OrdersService::paymentEventTypes()
{
    static const std::vector<std::string> types = { "PaymentCaptured", "PaymentFailed" };
    return types;
}

void OrdersService::onStockEvent(const events::EventRecord& event)
{
    events::Checkpoints::applyOnce(m_db, kStockConsumer, event, [&](db::Connection& c) {
        if (event.type.rfind("Product", 0) == 0) {
            applyProductEvent(c, event, "catalog");
            return;
        }
        const auto id = event.payload.at("order_id").get<std::int64_t>();
        if (event.type == "OrderStockReserved") {
            sagaStep(
                c, id, event, [](domain::Order& o) { return o.markReserved(); }, "OrderReserved",
                [](const domain::Order&, const domain::Order& after) {
                    const auto totals = after.totals();
                    return totals ? nlohmann::json { { "amount", domain::moneyToJson(totals.value().gross) } }
                                  : nlohmann::json::object();
                });
        } else {
            const auto reason = event.payload.value("reason", std::string("Stock could not be reserved."));
            sagaStep(
                c, id, event, [&](domain::Order& o) { return o.reject(reason); }, "OrderRejected",
                [&](const domain::Order&, const domain::Order&) {
                    return nlohmann::json { { "reason", reason } };
                });
        }
    });
}

void OrdersService::onPaymentEvent(const events::EventRecord& event)
{
    events::Checkpoints::applyOnce(m_db, kPaymentsConsumer, event, [&](db::Connection& c) {
        const auto id = event.payload.at("order_id").get<std::int64_t>();
        if (event.type == "PaymentCaptured") {
            sagaStep(
                c, id, event, [](domain::Order& o) { return o.markPaid(); }, "OrderPaid",
                [&](const domain::Order&, const domain::Order&) {
                    return nlohmann::json { { "payment_id", event.payload.value("payment_id", nlohmann::json()) } };
                });
            return;
        }
        const auto reason = "Payment failed: " + event.payload.value("reason", std::string("no reason given"));
        sagaStep(
            c, id, event, [&](domain::Order& o) { return o.cancel(reason); }, "OrderCancelled",
            [&](const domain::Order& before, const domain::Order& after) {
                return nlohmann::json { { "warehouse_id", after.warehouseId() }, { "reason", reason },
                    { "previous_state", domain::orderStateName(before.state()) } };
            });
    });
}

std::vector<events::ReplayReport> OrdersService::replay(db::Database& stock, bool dryRun)
{
    std::vector<events::ReplayReport> reports;
    {
        const auto started = std::chrono::steady_clock::now();
        events::ReplayReport report;
        report.domain = "orders";
        report.projection = "catalog";
        m_db.write([&](db::Connection& c) {
            // Up to what the consumer has applied: later product events are still on their way.
            const auto upTo = events::Checkpoints::get(c, kStockConsumer);
            c.execScript("DROP TABLE IF EXISTS catalog_replay; CREATE TEMP TABLE catalog_replay AS SELECT * FROM "
                         "catalog WHERE 1 = 0; CREATE UNIQUE INDEX catalog_replay_product ON catalog_replay "
                         "(product_id)");
            events::EventFilter filter;
            filter.limit = 5000;
            for (;;) {
                const auto batch = stock.read([&](db::Connection& s) { return events::EventStore::list(s, filter); });
                for (const auto& event : batch) {
                    if (event.position > upTo) {
                        break;
                    }
                    if (event.type == "ProductCreated" || event.type == "ProductUpdated"
                        || event.type == "ProductDeleted") {
                        applyProductEvent(c, event, "catalog_replay");
                        ++report.events;
                    }
                }
                if (batch.size() < static_cast<std::size_t>(filter.limit) || batch.back().position >= upTo) {
                    break;
                }
                filter.afterPosition = batch.back().position;
            }
            auto& q = c.prepare("SELECT product_id, 'live' FROM (SELECT * FROM catalog EXCEPT SELECT * FROM "
                                "catalog_replay) AS live UNION ALL SELECT product_id, 'events' FROM (SELECT * FROM "
                                "catalog_replay EXCEPT SELECT * FROM catalog) AS replayed");
            std::set<std::int64_t> differing;
            while (q.step()) {
                if (differing.insert(q.integer(0)).second && report.samples.size() < events::kReplaySamples) {
                    report.samples.push_back("product " + std::to_string(q.integer(0)) + " differs from its events");
                }
            }
            q.reset();
            report.differences = static_cast<std::int64_t>(differing.size());
            auto& n = c.prepare("SELECT count(*) FROM catalog_replay");
            n.step();
            report.rows = n.integer(0);
            n.reset();
            if (!dryRun && report.differences > 0) {
                c.execScript("DELETE FROM catalog; INSERT INTO catalog SELECT * FROM catalog_replay");
                report.fixed = true;
            }
            c.execScript("DROP TABLE catalog_replay");
        });
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        reports.push_back(std::move(report));
    }
    {
        const auto started = std::chrono::steady_clock::now();
        events::ReplayReport report;
        report.domain = "orders";
        report.projection = "order states";
        static const std::map<std::string, std::string> kStateAfter = { { "OrderCreated", "draft" },
            { "OrderPlaced", "placed" }, { "OrderReserved", "reserved" }, { "OrderRejected", "rejected" },
            { "OrderPaid", "paid" }, { "OrderCancelled", "cancelled" }, { "OrderShipped", "shipped" } };
        m_db.write([&](db::Connection& c) {
            std::map<std::int64_t, std::string> rebuilt;
            auto& q = c.prepare("SELECT type, payload FROM events WHERE stream_id LIKE 'order-%' ORDER BY position");
            while (q.step()) {
                const auto state = kStateAfter.find(q.text(0));
                if (state != kStateAfter.end()) {
                    rebuilt[nlohmann::json::parse(q.text(1)).at("order_id").get<std::int64_t>()] = state->second;
                    ++report.events;
                }
            }
            q.reset();
            std::map<std::int64_t, std::string> live;
            auto& l = c.prepare("SELECT id, state FROM orders");
            while (l.step()) {
                live[l.integer(0)] = l.text(1);
            }
            l.reset();
            for (const auto& [id, state] : live) {
                const auto want = rebuilt.find(id);
                if (want == rebuilt.end() || want->second == state) {
                    continue;
                }
                ++report.differences;
                if (report.samples.size() < events::kReplaySamples) {
                    report.samples.push_back(
                        "order " + std::to_string(id) + " is " + state + ", its events say " + want->second);
                }
                if (!dryRun) {
                    c.prepare("UPDATE orders SET state = ? WHERE id = ?").bindAll({ want->second, id }).run();
                }
            }
            report.rows = static_cast<std::int64_t>(live.size());
        });
        report.fixed = !dryRun && report.differences > 0;
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        reports.push_back(std::move(report));
    }
    return reports;
}

nlohmann::json customerToJson(const domain::Customer& customer)
{
    return { { "id", customer.id }, { "name", customer.name }, { "email", customer.email },
        { "version", customer.version } };
}

nlohmann::json orderToJson(const domain::Order& order)
{
    auto lines = nlohmann::json::array();
    for (const auto& line : order.lines()) {
        const auto net = line.net();
        lines.push_back({ { "product_id", line.productId }, { "sku", line.sku }, { "name", line.name },
            { "quantity", domain::quantityToJson(line.quantity) }, { "unit", line.quantity.unit().code() },
            { "unit_price", domain::moneyToJson(line.unitPrice) },
            { "net", net ? domain::moneyToJson(net.value()) : nlohmann::json() } });
    }
    nlohmann::json totals = nullptr;
    if (const auto sum = order.totals()) {
        auto taxes = nlohmann::json::array();
        for (const auto& tax : sum.value().taxes) {
            taxes.push_back({ { "rate", tax.rateBasisPoints }, { "base", domain::moneyToJson(tax.base) },
                { "tax", domain::moneyToJson(tax.tax) } });
        }
        totals = { { "net", domain::moneyToJson(sum.value().net) }, { "taxes", std::move(taxes) },
            { "gross", domain::moneyToJson(sum.value().gross) } };
    }
    return { { "id", order.id() }, { "customer_id", order.customerId() }, { "warehouse_id", order.warehouseId() },
        { "state", domain::orderStateName(order.state()) }, { "reason", order.reason() },
        { "tax_rate", order.taxRateBasisPoints() }, { "lines", std::move(lines) }, { "totals", std::move(totals) },
        { "version", order.version() } };
}

} // namespace tosserp::orders
