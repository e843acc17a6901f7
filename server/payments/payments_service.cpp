#include "server/payments/payments_service.h"

#include "domain/serialization.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/events/dispatcher.h"

#include <chrono>
#include <map>
#include <stdexcept>
#include <tuple>

namespace tosserp::payments {

using domain::Result;

namespace {

std::string paymentStream(std::int64_t id)
{
    return "payment-" + std::to_string(id);
}

constexpr const char* kColumns = "SELECT id, order_id, state, amount_minor, currency, captured_minor, refunded_minor, "
                                 "provider_reference, failure, version, created_at FROM payments ";

domain::Payment readPayment(db::Statement& q)
{
    const auto currency = domain::Currency::parse(q.text(4)).value();
    return domain::Payment::restore(q.integer(0), q.integer(1),
        domain::parsePaymentState(q.text(2)).value_or(domain::PaymentState::Pending),
        domain::Money::of(q.integer(3), currency), domain::Money::of(q.integer(5), currency),
        domain::Money::of(q.integer(6), currency), q.text(7), q.text(8), q.integer(9));
}

std::optional<std::pair<domain::Payment, std::int64_t>> loadWhere(
    db::Connection& c, const std::string& where, std::int64_t key)
{
    auto& q = c.prepare(std::string(kColumns) + where);
    q.bind(1, key);
    std::optional<std::pair<domain::Payment, std::int64_t>> found;
    if (q.step()) {
        found = std::pair { readPayment(q), q.integer(10) };
    }
    q.reset();
    return found;
}

std::optional<domain::Payment> loadPayment(db::Connection& c, std::int64_t id)
{
    auto found = loadWhere(c, "WHERE id = ?", id);
    return found ? std::optional(found->first) : std::nullopt;
}

void savePayment(db::Connection& c, domain::Payment& payment)
{
    const auto now = nowMs();
    if (payment.id() == 0) {
        payment.setId(
            c.prepare(
                 "INSERT INTO payments (order_id, state, amount_minor, currency, created_at, updated_at) VALUES (?, "
                 "?, ?, ?, ?, ?) RETURNING id")
                .bindAll({ payment.orderId(), std::string(domain::paymentStateName(payment.state())),
                    payment.amount().minor(), payment.amount().currency().code(), now, now })
                .insertedKey());
        return;
    }
    payment.setVersion(payment.version() + 1);
    c.prepare("UPDATE payments SET state = ?, captured_minor = ?, refunded_minor = ?, provider_reference = ?, "
              "failure = ?, version = ?, updated_at = ? WHERE id = ?")
        .bindAll({ std::string(domain::paymentStateName(payment.state())), payment.captured().minor(),
            payment.refunded().minor(), payment.providerReference(), payment.failure(), payment.version(), now,
            payment.id() })
        .run();
}

void appendLedger(db::Connection& c, std::int64_t paymentId, const domain::LedgerEntry& entry)
{
    c.prepare("INSERT INTO ledger_entries (payment_id, kind, debit, credit, amount_minor, currency, created_at) VALUES "
              "(?, ?, ?, ?, ?, ?, ?)")
        .bindAll({ paymentId, entry.kind, entry.debit, entry.credit, entry.amount.minor(),
            entry.amount.currency().code(), nowMs() })
        .run();
}

/// Thrown out of a consumer so the dispatcher retries the event later (the provider is down).
class ProviderDown : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace

PaymentsService::PaymentsService(
    db::Database& database, PaymentProvider& provider, std::chrono::milliseconds stuckAfter)
    : m_db(database)
    , m_provider(provider)
    , m_stuckAfter(stuckAfter)
{ }

Result<domain::Payment> PaymentsService::payment(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadPayment(c, id); });
    if (!found) {
        return domain::notFound("payment_not_found", "There is no payment " + std::to_string(id) + ".");
    }
    return *found;
}

Page<domain::Payment> PaymentsService::payments(
    std::optional<std::int64_t> orderId, std::int64_t afterId, int limit) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q
            = c.prepare(std::string(kColumns) + "WHERE id > ?1 AND (?2 IS NULL OR order_id = ?2) ORDER BY id LIMIT ?3");
        q.bindAll({ afterId, orderId ? db::Value(*orderId) : db::Value(nullptr), std::int64_t { limit + 1 } });
        Page<domain::Payment> page;
        while (q.step()) {
            page.items.push_back(readPayment(q));
        }
        q.reset();
        if (static_cast<int>(page.items.size()) > limit) {
            page.items.pop_back();
            page.nextCursor = encodeCursor(page.items.back().id());
        }
        return page;
    });
}

std::vector<domain::LedgerEntry> PaymentsService::ledger(std::int64_t paymentId) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare(
            "SELECT kind, debit, credit, amount_minor, currency FROM ledger_entries WHERE payment_id = ? ORDER BY id");
        q.bind(1, paymentId);
        std::vector<domain::LedgerEntry> entries;
        while (q.step()) {
            entries.push_back(domain::LedgerEntry { q.text(0), q.text(1), q.text(2),
                domain::Money::of(q.integer(3), domain::Currency::parse(q.text(4)).value()) });
        }
        q.reset();
        return entries;
    });
}

Result<domain::Payment> PaymentsService::refund(std::int64_t id, const std::string& amountText,
    const std::optional<IdempotencyKey>& key, const events::EventContext& context)
{
    std::lock_guard lock(m_refunds);
    auto current
        = m_db.read([&](db::Connection& c) -> Result<std::pair<domain::Payment, std::optional<nlohmann::json>>> {
              std::optional<nlohmann::json> seen;
              if (key) {
                  auto recalled = recallIdempotent(c, *key);
                  if (!recalled) {
                      return recalled.error();
                  }
                  seen = recalled.value();
              }
              auto found = loadPayment(c, id);
              if (!found) {
                  return domain::notFound("payment_not_found", "There is no payment " + std::to_string(id) + ".");
              }
              return std::pair { *found, seen };
          });
    if (!current) {
        return current.error();
    }
    if (const auto& seen = current.value().second) {
        if (seen->value("payment_id", std::int64_t { 0 }) != id) {
            return domain::unprocessable(
                "idempotency_key_reused", "This Idempotency-Key was used with a different request.");
        }
        return current.value().first; // the same request again: the first answer stands
    }
    auto payment = current.value().first;
    auto amount = domain::Money::parse(amountText, payment.amount().currency());
    if (!amount) {
        return domain::withField(amount.error(), "amount");
    }
    auto checked = payment;
    if (auto allowed = checked.refund(amount.value()); !allowed) {
        return allowed.error();
    }
    const auto providerKey = "refund-" + std::to_string(id) + "-" + (key ? key->key : newUuid());
    const auto answer = m_provider.refund(providerKey, payment.providerReference(), amount.value());
    if (answer.kind == ProviderResult::Kind::Unavailable) {
        return domain::Error { domain::ErrorKind::Conflict, "provider_unavailable", answer.message, "" };
    }
    if (answer.kind == ProviderResult::Kind::Declined) {
        return domain::unprocessable("refund_declined", "The payment provider refused the refund: " + answer.message);
    }
    return m_db.write([&](db::Connection& c) -> Result<domain::Payment> {
        auto fresh = loadPayment(c, id);
        auto entry = fresh->refund(amount.value());
        if (!entry) {
            return entry.error();
        }
        savePayment(c, *fresh);
        appendLedger(c, id, entry.value());
        events::EventStore::append(c, paymentStream(id), "PaymentRefunded",
            { { "payment_id", id }, { "order_id", fresh->orderId() }, { "amount", domain::moneyToJson(amount.value()) },
                { "refunded", domain::moneyToJson(fresh->refunded()) }, { "provider_reference", answer.reference } },
            context);
        if (key) {
            rememberIdempotent(c, *key, { { "payment_id", id } });
        }
        return *fresh;
    });
}

const std::vector<std::string>& PaymentsService::orderEventTypes()
{
    static const std::vector<std::string> types = { "OrderReserved", "OrderCancelled" };
    return types;
}

void PaymentsService::onOrderEvent(const events::EventRecord& event)
{
    const auto done
        = m_db.read([&](db::Connection& c) { return events::Checkpoints::get(c, kOrdersConsumer) >= event.position; });
    if (done) {
        return;
    }
    if (event.type == "OrderReserved") {
        pay(event);
    } else {
        refundCancelled(event);
    }
}

void PaymentsService::pay(const events::EventRecord& event)
{
    const auto orderId = event.payload.at("order_id").get<std::int64_t>();
    const auto& amountJson = event.payload.at("amount");
    const auto currency = domain::Currency::parse(amountJson.at("currency").get<std::string>()).value();
    const auto amount = domain::Money::parse(amountJson.at("amount").get<std::string>(), currency).value();
    if (amount.isZero() || amount.isNegative()) {
        // Nothing to collect: the order is paid as it stands, without a provider call.
        events::Checkpoints::applyOnce(m_db, kOrdersConsumer, event, [&](db::Connection& c) {
            events::EventStore::append(c, "order-" + std::to_string(orderId), "PaymentCaptured",
                { { "payment_id", nullptr }, { "order_id", orderId }, { "amount", domain::moneyToJson(amount) } },
                events::causedBy(event));
        });
        return;
    }
    // The payment row first (its id makes the provider's idempotency keys), then each provider
    // step recorded as it succeeds, so a crash repeats only what the provider has not done.
    auto [payment, createdAt] = m_db.write([&](db::Connection& c) {
        if (auto found = loadWhere(c, "WHERE order_id = ?", orderId)) {
            return *found;
        }
        auto created = domain::Payment::create(orderId, amount).value();
        savePayment(c, created);
        return std::pair { created, nowMs() };
    });
    const auto stuck = [&] { return nowMs() - createdAt > m_stuckAfter.count(); };
    std::string failure;
    if (payment.state() == domain::PaymentState::Pending) {
        const auto answer = m_provider.authorise(
            "pay-" + std::to_string(payment.id()) + "-authorise", amount, "order-" + std::to_string(orderId));
        if (answer.kind == ProviderResult::Kind::Unavailable && !stuck()) {
            throw ProviderDown(answer.message);
        }
        if (answer.ok()) {
            if (auto authorised = payment.authorise(answer.reference); !authorised) {
                throw ProviderDown("the provider's authorisation is not usable: " + authorised.error().message);
            }
            m_db.write([&](db::Connection& c) { savePayment(c, payment); });
        } else {
            failure = answer.kind == ProviderResult::Kind::Declined
                ? answer.message
                : "The payment provider did not answer for " + std::to_string(m_stuckAfter.count() / 1000) + " s.";
        }
    }
    std::optional<domain::LedgerEntry> captured;
    if (failure.empty() && payment.state() == domain::PaymentState::Authorised) {
        const auto answer
            = m_provider.capture("pay-" + std::to_string(payment.id()) + "-capture", payment.providerReference());
        if (answer.kind == ProviderResult::Kind::Unavailable) {
            // The capture may have happened without an answer reaching us: never give up on an
            // authorised payment, ask again with the same key until the provider answers.
            throw ProviderDown(answer.message);
        }
        if (answer.ok()) {
            captured = payment.capture().value();
        } else {
            failure = answer.message;
        }
    }
    events::Checkpoints::applyOnce(m_db, kOrdersConsumer, event, [&](db::Connection& c) {
        const auto context = events::causedBy(event);
        if (!failure.empty()) {
            if (!payment.fail(failure)) {
                failure = "The payment provider refused the payment.";
                (void)payment.fail(failure);
            }
            savePayment(c, payment);
            events::EventStore::append(c, paymentStream(payment.id()), "PaymentFailed",
                { { "payment_id", payment.id() }, { "order_id", orderId }, { "reason", failure } }, context);
            return;
        }
        if (captured) {
            savePayment(c, payment);
            appendLedger(c, payment.id(), *captured);
        }
        if (payment.state() == domain::PaymentState::Captured || captured) {
            events::EventStore::append(c, paymentStream(payment.id()), "PaymentCaptured",
                { { "payment_id", payment.id() }, { "order_id", orderId },
                    { "amount", domain::moneyToJson(payment.captured()) } },
                context);
        }
    });
}

void PaymentsService::refundCancelled(const events::EventRecord& event)
{
    // One refund at a time, against the payment as stored, so a refund asked for through the
    // API meanwhile is never overwritten or overdrawn.
    std::lock_guard lock(m_refunds);
    const auto orderId = event.payload.at("order_id").get<std::int64_t>();
    auto found = m_db.read([&](db::Connection& c) { return loadWhere(c, "WHERE order_id = ?", orderId); });
    std::optional<domain::Money> refunded;
    std::string providerReference;
    std::string refusal;
    if (found && found->first.refundable().minor() > 0) {
        const auto& payment = found->first;
        const auto amount = payment.refundable();
        const auto answer = m_provider.refund(
            "pay-" + std::to_string(payment.id()) + "-cancelled-" + std::to_string(payment.refunded().minor()),
            payment.providerReference(), amount);
        if (answer.kind == ProviderResult::Kind::Unavailable) {
            // Money the business holds for a cancelled order: keep asking until it is back.
            throw ProviderDown("refund of cancelled order " + std::to_string(orderId) + ": " + answer.message);
        }
        if (answer.ok()) {
            refunded = amount;
            providerReference = answer.reference;
        } else {
            refusal = answer.message;
        }
    }
    events::Checkpoints::applyOnce(m_db, kOrdersConsumer, event, [&](db::Connection& c) {
        if (!found) {
            return;
        }
        auto payment = loadPayment(c, found->first.id()).value();
        const auto context = events::causedBy(event);
        if (refunded) {
            auto entry = payment.refund(*refunded);
            if (!entry) {
                throw std::runtime_error(
                    "refund of cancelled order " + std::to_string(orderId) + ": " + entry.error().message);
            }
            savePayment(c, payment);
            appendLedger(c, payment.id(), entry.value());
            events::EventStore::append(c, paymentStream(payment.id()), "PaymentRefunded",
                { { "payment_id", payment.id() }, { "order_id", orderId }, { "amount", domain::moneyToJson(*refunded) },
                    { "refunded", domain::moneyToJson(payment.refunded()) },
                    { "provider_reference", providerReference }, { "reason", "order cancelled" } },
                context);
        } else if (!refusal.empty()) {
            // The provider said no for good: recorded for a person to settle, not retried for ever.
            log::error("refund of a cancelled order refused by the provider",
                { { "order_id", orderId }, { "payment_id", payment.id() }, { "reason", refusal } });
            events::EventStore::append(c, paymentStream(payment.id()), "PaymentRefundFailed",
                { { "payment_id", payment.id() }, { "order_id", orderId },
                    { "amount", domain::moneyToJson(payment.refundable()) }, { "reason", refusal } },
                context);
        } else if (payment.state() == domain::PaymentState::Pending
            || payment.state() == domain::PaymentState::Authorised) {
            (void)payment.fail("The order was cancelled.");
            savePayment(c, payment);
        }
    });
}

events::ReplayReport replayPayments(db::Database& payments, bool dryRun)
{
    const auto started = std::chrono::steady_clock::now();
    events::ReplayReport report;
    report.domain = "payments";
    report.projection = "payment amounts";
    payments.write([&](db::Connection& c) {
        std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> rebuilt; // captured, refunded
        auto& q = c.prepare("SELECT type, payload FROM events WHERE type IN ('PaymentCaptured', 'PaymentRefunded') "
                            "ORDER BY position");
        while (q.step()) {
            const auto payload = nlohmann::json::parse(q.text(1));
            if (!payload.at("payment_id").is_number_integer()) {
                continue; // a free order: nothing was collected
            }
            const auto& money = payload.at("amount");
            const auto amount = domain::Money::parse(money.at("amount").get<std::string>(),
                domain::Currency::parse(money.at("currency").get<std::string>()).value())
                                    .value();
            auto& sums = rebuilt[payload.at("payment_id").get<std::int64_t>()];
            (q.text(0) == "PaymentCaptured" ? sums.first : sums.second) += amount.minor();
            ++report.events;
        }
        q.reset();
        auto& l = c.prepare("SELECT p.id, p.captured_minor, p.refunded_minor, COALESCE(SUM(CASE WHEN e.debit = "
                            "'provider' THEN e.amount_minor ELSE -e.amount_minor END), 0) FROM payments p LEFT JOIN "
                            "ledger_entries e ON e.payment_id = p.id GROUP BY p.id");
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>> live;
        while (l.step()) {
            live.emplace_back(l.integer(0), l.integer(1), l.integer(2), l.integer(3));
        }
        l.reset();
        for (const auto& [id, captured, refunded, ledger] : live) {
            const auto want = rebuilt.count(id) ? rebuilt[id] : std::pair<std::int64_t, std::int64_t> { 0, 0 };
            if (want.first == captured && want.second == refunded && ledger == captured - refunded) {
                continue;
            }
            ++report.differences;
            if (report.samples.size() < events::kReplaySamples) {
                report.samples.push_back("payment " + std::to_string(id) + ": captured " + std::to_string(captured)
                    + ", refunded " + std::to_string(refunded) + ", ledger " + std::to_string(ledger)
                    + " (minor units) live; captured " + std::to_string(want.first) + ", refunded "
                    + std::to_string(want.second) + " from the events");
            }
            if (!dryRun) {
                c.prepare("UPDATE payments SET captured_minor = ?, refunded_minor = ? WHERE id = ?")
                    .bindAll({ want.first, want.second, id })
                    .run();
            }
        }
        report.rows = static_cast<std::int64_t>(live.size());
    });
    report.fixed = !dryRun && report.differences > 0;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

nlohmann::json paymentToJson(const domain::Payment& payment)
{
    return { { "id", payment.id() }, { "order_id", payment.orderId() },
        { "state", domain::paymentStateName(payment.state()) }, { "amount", domain::moneyToJson(payment.amount()) },
        { "captured", domain::moneyToJson(payment.captured()) },
        { "refunded", domain::moneyToJson(payment.refunded()) },
        { "refundable", domain::moneyToJson(payment.refundable()) },
        { "provider_reference", payment.providerReference() }, { "failure", payment.failure() },
        { "version", payment.version() } };
}

} // namespace tosserp::payments
