#pragma once

#include "server/core/background.h"
#include "server/db/database.h"
#include "server/events/event_store.h"
#include "server/orders/orders_service.h"
#include "server/stock/inventory_service.h"

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace tosserp::notify {

struct NotifierOptions {
    std::string smtpHost; ///< empty: notifications are kept in the outbox but not sent
    std::uint16_t smtpPort = 25;
    std::string from = "tosserp@localhost";
    /// Who hears about stock below its reorder point and failed payments.
    std::vector<std::string> staff;
    /// A directory of templates (order_confirmed.txt, payment_failed.txt, reorder.txt): the
    /// first line is the subject, the rest the body; {placeholders} are filled in. Missing
    /// files use the built-in text.
    std::string templateDir;
    int maxAttempts = 8;
};

/// The Notification Service: consumes Stock, Orders and Payments events and writes the
/// e-mails they call for (order confirmed to the customer; payment failed and stock below
/// its reorder point to the staff) into its own outbox in the same transaction as its
/// checkpoint, so each is written once. A sender thread delivers the outbox over SMTP,
/// retrying a failed send with a growing pause (never holding up the events behind it), and
/// gives up after `maxAttempts`; tosserp_notifications_total{outcome} counts sent, retried
/// and failed sends. Thread-safe.
///
/// It reads stock levels through `inventory` and orders through `orders`. In a split
/// deployment each service runs the notifier for what it keeps: the Stock service (no
/// `orders`) for the reorder alerts, the Orders service (no `inventory`) for order
/// confirmations and failed payments; subscribe each to the events it can serve.
class Notifier {
public:
    Notifier(db::Database& database, stock::InventoryService* inventory, orders::OrdersService* orders,
        NotifierOptions options);
    ~Notifier();
    Notifier(const Notifier&) = delete;
    Notifier& operator=(const Notifier&) = delete;

    static const std::vector<std::string>& stockEventTypes();
    static const std::vector<std::string>& orderEventTypes();
    static const std::vector<std::string>& paymentEventTypes();
    void onEvent(const char* consumer, const events::EventRecord& event);

    void start();
    void stop();
    /// Wakes the sender (a notification was written).
    void wake();

private:
    bool sendOne();
    std::string render(const std::string& name, const std::map<std::string, std::string>& values) const;

    db::Database& m_db;
    stock::InventoryService* m_inventory;
    orders::OrdersService* m_orders;
    NotifierOptions m_options;
    BackgroundLoops m_sender; ///< last: its thread ends before the rest goes
};

/// The Notification Service's database migrations.
const std::vector<db::Migration>& notifyMigrations();

} // namespace tosserp::notify
