#include "client/src/ui/order_model.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

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
{
    auto* state = AppState::instance();
    connect(state, &AppState::ordersLoaded, this, &OrderModel::take);
    connect(state, &AppState::orderActionDone, this, [this](bool ok, const QString& message) {
        m_failed = !ok;
        m_message = message;
        emit stateChanged();
    });
}

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
    emit AppState::instance()->requestOrders();
}

void OrderModel::act(const QString& action, const QVariantMap& arguments)
{
    m_loading = true;
    m_message = tr("Sending…");
    m_failed = false;
    emit stateChanged();
    emit AppState::instance()->requestOrderAction(action, arguments);
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
    act("create",
        { { "customer_id", customerId }, { "warehouse_id", warehouseId },
            { "product_id", QVariant::fromValue(product->value("id", std::int64_t { 0 })) },
            { "quantity", quantity.trimmed() } });
}

void OrderModel::place(qint64 id)
{
    act("place", { { "id", id } });
}

void OrderModel::cancel(qint64 id, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        m_failed = true;
        m_message = tr("Say why the order is cancelled.");
        emit stateChanged();
        return;
    }
    act("cancel", { { "id", id }, { "reason", reason.trimmed() } });
}

void OrderModel::refund(qint64 paymentId, const QString& amount)
{
    act("refund", { { "payment_id", paymentId }, { "amount", amount.trimmed() } });
}

void OrderModel::take(
    const QByteArray& customers, const QByteArray& orders, const QByteArray& payments, const QString& error)
{
    m_loading = false;
    if (!error.isEmpty()) {
        m_failed = true;
        m_message = error;
        emit stateChanged();
        return;
    }
    const auto parse = [](const QByteArray& body) {
        const auto json = nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
        return json.is_object() && json.contains("items") ? json["items"] : nlohmann::json::array();
    };
    std::map<std::int64_t, std::string> names;
    m_customers.clear();
    for (const auto& customer : parse(customers)) {
        const auto id = customer.value("id", std::int64_t { 0 });
        names[id] = customer.value("name", std::string());
        m_customers.push_back(
            QVariantMap { { "id", QVariant::fromValue(id) }, { "label", QString::fromStdString(names[id]) } });
    }
    std::map<std::int64_t, nlohmann::json> paymentOf;
    for (const auto& payment : parse(payments)) {
        paymentOf[payment.value("order_id", std::int64_t { 0 })] = payment;
    }
    beginResetModel();
    m_rows.clear();
    const auto list = parse(orders);
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
