#include "server/notify/notifier.h"

#include "domain/serialization.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/events/dispatcher.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tosserp::notify {

namespace {

constexpr const char* kOutbox = R"sql(
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
);
CREATE INDEX notifications_due ON notifications (state, next_attempt_at, id);
-- Stock alerts already sent, so an alert goes out when stock falls below its reorder point,
-- not on every movement while it stays there.
CREATE TABLE reorder_alerts (
    product_id INTEGER NOT NULL,
    warehouse_id INTEGER NOT NULL,
    PRIMARY KEY (product_id, warehouse_id)
) WITHOUT ROWID;
)sql";

const std::map<std::string, std::string>& builtInTemplates()
{
    static const std::map<std::string, std::string> templates = {
        { "order_confirmed",
            "Your order {order_id} is confirmed\n"
            "Hello {customer},\n\nthank you for your order {order_id}: it is paid ({gross}) and will be shipped "
            "soon.\n" },
        { "payment_failed",
            "Payment failed for order {order_id}\n"
            "The payment of order {order_id} failed: {reason}\nThe order was cancelled and its stock released.\n" },
        { "reorder",
            "{sku} is below its reorder point in warehouse {warehouse_id}\n"
            "{sku} ({name}): {available} available in warehouse {warehouse_id}, reorder point {minimum}.\n" },
    };
    return templates;
}

void enqueue(db::Connection& c, const std::string& kind, const std::string& recipient, const std::string& text)
{
    const auto newline = text.find('\n');
    const auto subject = text.substr(0, newline);
    const auto body = newline == std::string::npos ? std::string() : text.substr(newline + 1);
    const auto now = nowMs();
    c.prepare("INSERT INTO notifications (kind, recipient, subject, body, state, next_attempt_at, created_at) VALUES "
              "(?, ?, ?, ?, 'pending', ?, ?)")
        .bindAll({ kind, recipient, subject, body, now, now })
        .run();
}

std::string milliText(std::int64_t milli, const std::string& unit)
{
    const auto parsed = domain::Unit::parse(unit);
    if (!parsed) {
        return std::to_string(milli / 1000);
    }
    const auto quantity = domain::Quantity::fromMilli(milli, parsed.value());
    return quantity ? quantity.value().toDecimalString() + " " + unit : std::to_string(milli / 1000);
}

} // namespace

const std::vector<db::Migration>& notifyMigrations()
{
    static const std::vector<db::Migration> migrations = {
        { 1, "notification outbox and sent stock alerts", kOutbox },
        { 2, "consumer checkpoints", events::Checkpoints::schema() },
    };
    return migrations;
}

Notifier::Notifier(
    db::Database& database, stock::InventoryService* inventory, orders::OrdersService* orders, NotifierOptions options)
    : m_db(database)
    , m_inventory(inventory)
    , m_orders(orders)
    , m_options(std::move(options))
    , m_sender({ std::chrono::milliseconds(500), std::chrono::milliseconds(500), std::chrono::seconds(30) })
{
    m_sender.add([this] { return sendOne(); },
        [](const std::exception& e, std::chrono::milliseconds pause) {
            log::warn("notification sender failed", { { "error", e.what() }, { "retry_ms", pause.count() } });
        });
}

Notifier::~Notifier()
{
    stop();
}

const std::vector<std::string>& Notifier::stockEventTypes()
{
    static const std::vector<std::string> types
        = { "StockMoved", "ReorderPointSet", "ReservationCreated", "ReservationReleased" };
    return types;
}

const std::vector<std::string>& Notifier::orderEventTypes()
{
    static const std::vector<std::string> types = { "OrderPaid" };
    return types;
}

const std::vector<std::string>& Notifier::paymentEventTypes()
{
    static const std::vector<std::string> types = { "PaymentFailed" };
    return types;
}

std::string Notifier::render(const std::string& name, const std::map<std::string, std::string>& values) const
{
    std::string text = builtInTemplates().at(name);
    if (!m_options.templateDir.empty()) {
        std::ifstream file(m_options.templateDir + "/" + name + ".txt");
        if (file) {
            std::stringstream custom;
            custom << file.rdbuf();
            text = custom.str();
        }
    }
    for (const auto& [key, value] : values) {
        const auto placeholder = "{" + key + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

void Notifier::onEvent(const char* consumer, const events::EventRecord& event)
{
    const auto& p = event.payload;
    events::Checkpoints::applyOnce(m_db, consumer, event, [&](db::Connection& c) {
        if (event.type == "OrderPaid") {
            if (m_orders == nullptr) {
                return;
            }
            const auto order = m_orders->order(p.at("order_id").get<std::int64_t>());
            if (!order) {
                return;
            }
            const auto customer = m_orders->customer(order.value().customerId());
            const auto totals = order.value().totals();
            if (customer && !customer.value().email.empty() && totals) {
                enqueue(c, "order_confirmed", customer.value().email,
                    render("order_confirmed",
                        { { "order_id", std::to_string(order.value().id()) }, { "customer", customer.value().name },
                            { "gross",
                                totals.value().gross.toDecimalString() + " "
                                    + totals.value().gross.currency().code() } }));
            }
            return;
        }
        if (event.type == "PaymentFailed") {
            for (const auto& recipient : m_options.staff) {
                enqueue(c, "payment_failed", recipient,
                    render("payment_failed",
                        { { "order_id", std::to_string(p.at("order_id").get<std::int64_t>()) },
                            { "reason", p.value("reason", std::string()) } }));
            }
            return;
        }
        // A stock event: compare each warehouse's available stock of the product with its
        // reorder point, and alert when it has just fallen below.
        const auto productId = p.contains("product_id") ? p["product_id"].get<std::int64_t>() : std::int64_t { 0 };
        if (productId <= 0 || m_inventory == nullptr) {
            return;
        }
        stock::LevelQuery query;
        query.productId = productId;
        query.limit = 1000;
        for (const auto& level : m_inventory->levels(query).items) {
            if (!level.reorderMinMilli) {
                continue;
            }
            const auto available = level.onHandMilli - level.reservedMilli;
            const bool below = available < *level.reorderMinMilli;
            auto& q = c.prepare("SELECT 1 FROM reorder_alerts WHERE product_id = ? AND warehouse_id = ?");
            q.bindAll({ productId, level.warehouseId });
            const bool alerted = q.step();
            q.reset();
            if (below && !alerted) {
                c.prepare("INSERT INTO reorder_alerts (product_id, warehouse_id) VALUES (?, ?)")
                    .bindAll({ productId, level.warehouseId })
                    .run();
                for (const auto& recipient : m_options.staff) {
                    enqueue(c, "reorder", recipient,
                        render("reorder",
                            { { "sku", level.sku }, { "name", level.name },
                                { "warehouse_id", std::to_string(level.warehouseId) },
                                { "available", milliText(available, level.unit) },
                                { "minimum", milliText(*level.reorderMinMilli, level.unit) } }));
                }
            } else if (!below && alerted) {
                c.prepare("DELETE FROM reorder_alerts WHERE product_id = ? AND warehouse_id = ?")
                    .bindAll({ productId, level.warehouseId })
                    .run();
            }
        }
    });
    wake();
}

void Notifier::start()
{
    m_sender.start();
}

void Notifier::stop()
{
    m_sender.stop();
}

void Notifier::wake()
{
    m_sender.wake();
}

bool Notifier::sendOne()
{
    if (m_options.smtpHost.empty()) {
        return false;
    }
    struct Due {
        std::int64_t id;
        std::string recipient;
        std::string subject;
        std::string body;
        std::int64_t attempts;
    };
    const auto due = m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT id, recipient, subject, body, attempts FROM notifications WHERE state = 'pending' "
                            "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1");
        q.bind(1, nowMs());
        std::optional<Due> found;
        if (q.step()) {
            found = Due { q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4) };
        }
        q.reset();
        return found;
    });
    if (!due) {
        return false;
    }
    std::string error;
    try {
        Poco::Net::MailMessage message;
        message.setSender(m_options.from);
        message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, due->recipient));
        message.setSubject(Poco::Net::MailMessage::encodeWord(due->subject, "UTF-8"));
        message.setContentType("text/plain; charset=UTF-8");
        message.setContent(due->body, Poco::Net::MailMessage::ENCODING_8BIT);
        Poco::Net::SMTPClientSession session(m_options.smtpHost, m_options.smtpPort);
        session.setTimeout(Poco::Timespan(10, 0));
        session.login();
        session.sendMessage(message);
        session.close();
    } catch (const Poco::Exception& e) {
        error = e.displayText();
    }
    const bool giveUp = !error.empty() && due->attempts + 1 >= m_options.maxAttempts;
    m_db.write([&](db::Connection& c) {
        if (error.empty()) {
            c.prepare("UPDATE notifications SET state = 'sent', attempts = attempts + 1, sent_at = ? WHERE id = ?")
                .bindAll({ nowMs(), due->id })
                .run();
            return;
        }
        // 1 s, 2 s, 4 s … at most 5 minutes; the next message due is sent meanwhile.
        const auto pause = std::min<std::int64_t>(1000LL << std::min<std::int64_t>(due->attempts, 20), 300000);
        c.prepare("UPDATE notifications SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                  "WHERE id = ?")
            .bindAll({ std::string(giveUp ? "failed" : "pending"), error, nowMs() + pause, due->id })
            .run();
    });
    const auto outcome = error.empty() ? "sent" : (giveUp ? "failed" : "retried");
    metrics()
        .counter(
            "tosserp_notifications_total", "E-mail notifications by outcome of each send", { { "outcome", outcome } })
        .Increment();
    if (!error.empty()) {
        log::warn("notification not sent",
            { { "id", due->id }, { "recipient", due->recipient }, { "error", error }, { "gave_up", giveUp } });
        // The sender pauses too (from half a second, doubling while sends keep failing), so an
        // SMTP server that is away is not asked once per message due.
        throw std::runtime_error("sending to the SMTP server failed: " + error);
    }
    return true; // one was due: the next may be too
}

} // namespace tosserp::notify
