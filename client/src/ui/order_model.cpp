#include "client/src/ui/order_model.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

#include <QUuid>

#include <map>

namespace tosserp::client {

namespace {

QString money(const nlohmann::json& value)
{
    if (!value.is_object()) {
        return {};
    }
    return QString::fromStdString(value.value("amount", std::string()) + " " + value.value("currency", std::string()));
}

} // namespace

OrderModel::OrderModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

int OrderModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> OrderModel::roleNames() const
{
    return { { IdRole, "orderId" }, { CustomerRole, "customer" }, { StateRole, "state" }, { ReasonRole, "reason" },
        { GrossRole, "gross" }, { SummaryRole, "summary" }, { PaymentIdRole, "paymentId" },
        { PaymentStateRole, "paymentState" }, { RefundableRole, "refundable" } };
}

QVariant OrderModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto text = [&](const char* key) { return QString::fromStdString(row.value(key, std::string())); };
    switch (role) {
    case IdRole:
        return QVariant::fromValue(row.value("id", std::int64_t { 0 }));
    case CustomerRole:
        return text("customer");
    case StateRole:
        return text("state");
    case ReasonRole:
        return text("reason");
    case GrossRole:
        return row.contains("totals") && row["totals"].is_object() ? money(row["totals"]["gross"]) : QString();
    case SummaryRole: {
        QStringList parts;
        for (const auto& line : row.value("lines", nlohmann::json::array())) {
            parts << QString::fromStdString(
                line.value("quantity", nlohmann::json(0)).dump() + " × " + line.value("sku", std::string()));
        }
        return parts.join(", ");
    }
    case PaymentIdRole:
        return row.contains("payment") ? QVariant::fromValue(row["payment"].value("id", std::int64_t { 0 })) : 0;
    case PaymentStateRole:
        return row.contains("payment") ? QString::fromStdString(row["payment"].value("state", std::string()))
                                       : QString();
    case RefundableRole:
        return row.contains("payment") ? QString::fromStdString(row["payment"]["refundable"].value("amount", "0"))
                                       : QString();
    default:
        return {};
    }
}

void OrderModel::refresh()
{
    m_loading = true;
    emit stateChanged();
    // Customers, orders and payments, every page of each, one after another; the list
    // changes once all are in.
    auto* state = AppState::instance();
    const auto failed = [this](const QString& why) {
        m_loading = false;
        m_failed = true;
        m_message = why;
        emit stateChanged();
    };
    state->getAll(this, "/api/v1/customers?limit=1000",
        [this, state, failed](bool ok, nlohmann::json customers, const QString& why) {
            if (!ok) {
                return failed(why);
            }
            state->getAll(this, "/api/v1/orders?limit=1000",
                [this, state, failed, customers](bool ok, nlohmann::json orders, const QString& why) {
                    if (!ok) {
                        return failed(why);
                    }
                    state->getAll(this, "/api/v1/payments?limit=1000",
                        [this, failed, customers, orders](bool ok, nlohmann::json payments, const QString& why) {
                            if (!ok) {
                                return failed(why);
                            }
                            take(customers, orders, payments);
                        });
                });
        });
}

void OrderModel::send(const QString& path, const nlohmann::json& body, const QString& done, const QByteArray& key)
{
    m_loading = true;
    m_message = tr("Sending…");
    m_failed = false;
    emit stateChanged();
    AppState::instance()->callServer(
        this, "POST", path, body,
        [this, done](bool ok, const nlohmann::json&, const QString& why) {
            m_failed = !ok;
            m_message = ok ? done : why;
            emit stateChanged();
            refresh();
        },
        key);
}

void OrderModel::createAndPlace(
    qint64 customerId, qint64 warehouseId, const QString& productCode, const QString& quantity)
{
    const auto product = AppState::instance()->replica()->productByCode(productCode.trimmed().toStdString());
    if (!product) {
        m_failed = true;
        m_message = tr("No product with the code %1.").arg(productCode);
        emit stateChanged();
        return;
    }
    if (customerId <= 0 || warehouseId <= 0) {
        m_failed = true;
        m_message = tr("Choose a customer and a warehouse.");
        emit stateChanged();
        return;
    }
    m_loading = true;
    m_message = tr("Sending…");
    m_failed = false;
    emit stateChanged();
    const nlohmann::json order { { "customer_id", customerId }, { "warehouse_id", warehouseId },
        { "lines",
            { { { "product_id", product->value("id", std::int64_t { 0 }) },
                { "quantity", quantity.trimmed().toStdString() } } } } };
    // Drafted, then placed.
    AppState::instance()->callServer(
        this, "POST", "/api/v1/orders", order, [this](bool ok, const nlohmann::json& created, const QString& why) {
            if (!ok) {
                m_loading = false;
                m_failed = true;
                m_message = why;
                emit stateChanged();
                return;
            }
            place(created.value("id", std::int64_t { 0 }));
        });
}

void OrderModel::place(qint64 id)
{
    send(QString("/api/v1/orders/%1/place").arg(id), nlohmann::json::object(),
        tr("Order %1 placed: stock and payment follow.").arg(id));
}

void OrderModel::cancel(qint64 id, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        m_failed = true;
        m_message = tr("Say why the order is cancelled.");
        emit stateChanged();
        return;
    }
    send(QString("/api/v1/orders/%1/cancel").arg(id), { { "reason", reason.trimmed().toStdString() } },
        tr("Order %1 cancelled.").arg(id));
}

void OrderModel::refund(qint64 paymentId, const QString& amount)
{
    // One key per refund asked for: a resend after a refreshed token refunds once.
    send(QString("/api/v1/payments/%1/refund").arg(paymentId), { { "amount", amount.trimmed().toStdString() } },
        tr("Refunded %1.").arg(amount.trimmed()), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

void OrderModel::take(const nlohmann::json& customers, const nlohmann::json& orders, const nlohmann::json& payments)
{
    m_loading = false;
    std::map<std::int64_t, std::string> names;
    m_customers.clear();
    for (const auto& customer : customers) {
        const auto id = customer.value("id", std::int64_t { 0 });
        names[id] = customer.value("name", std::string());
        m_customers.push_back(
            QVariantMap { { "id", QVariant::fromValue(id) }, { "label", QString::fromStdString(names[id]) } });
    }
    std::map<std::int64_t, nlohmann::json> paymentOf;
    for (const auto& payment : payments) {
        paymentOf[payment.value("order_id", std::int64_t { 0 })] = payment;
    }
    beginResetModel();
    m_rows.clear();
    const auto& list = orders;
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        auto row = *it;
        row["customer"] = names[row.value("customer_id", std::int64_t { 0 })];
        if (const auto payment = paymentOf.find(row.value("id", std::int64_t { 0 })); payment != paymentOf.end()) {
            row["payment"] = payment->second;
        }
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    emit countChanged();
    emit stateChanged();
}

} // namespace tosserp::client
