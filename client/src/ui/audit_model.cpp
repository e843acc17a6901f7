#include "client/src/ui/audit_model.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

#include <QDateTime>

#include <algorithm>

namespace tosserp::client {

namespace {

/// The event's facts as "key: value" pairs, scalars only, in one line.
QString facts(const nlohmann::json& payload)
{
    QStringList parts;
    if (!payload.is_object()) {
        return {};
    }
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        const auto& value = it.value();
        if (value.is_string()) {
            parts << QString::fromStdString(it.key() + ": " + value.get<std::string>());
        } else if (value.is_number() || value.is_boolean()) {
            parts << QString::fromStdString(it.key() + ": " + value.dump());
        } else if (value.is_object() && value.contains("amount") && value.contains("currency")) {
            parts << QString::fromStdString(
                it.key() + ": " + value.value("amount", std::string()) + " " + value.value("currency", std::string()));
        }
    }
    return parts.join(" · ");
}

} // namespace

AuditModel::AuditModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return { { TimeRole, "time" }, { TypeRole, "type" }, { DomainRole, "domain" }, { ActorRole, "actor" },
        { DetailRole, "detail" } };
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto text = [&](const char* key) { return QString::fromStdString(row.value(key, std::string())); };
    switch (role) {
    case TimeRole: {
        const auto when = QDateTime::fromString(text("occurred_at"), Qt::ISODateWithMs);
        return when.isValid() ? when.toLocalTime().toString("yyyy-MM-dd HH:mm:ss") : text("occurred_at");
    }
    case TypeRole:
        return text("type");
    case DomainRole:
        return text("domain");
    case ActorRole:
        return text("actor");
    case DetailRole:
        return facts(row.value("payload", nlohmann::json::object()));
    default:
        return {};
    }
}

void AuditModel::show(const QString& kind, const QString& key)
{
    QStringList streams;
    bool number = false;
    const auto id = key.trimmed().toLongLong(&number);
    if (kind == "product") {
        const auto product = AppState::instance()->replica()->productByCode(key.trimmed().toStdString());
        if (product) {
            streams << QString("stock/product-%1").arg(product->value("id", std::int64_t { 0 }));
        }
    } else if (kind == "order" && number && id > 0) {
        streams << QString("orders/order-%1").arg(id) << QString("stock/order-%1").arg(id);
    } else if (kind == "user" && number && id > 0) {
        streams << QString("users/user-%1").arg(id);
    }
    if (streams.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        m_message = kind == "product" ? tr("No product with the code %1.").arg(key)
                                      : tr("Give the number of the order or user.");
        emit countChanged();
        emit stateChanged();
        return;
    }
    m_loading = true;
    m_message.clear();
    emit stateChanged();
    m_incoming.clear();
    fetch(++m_generation, streams);
}

void AuditModel::fetch(quint64 generation, QStringList streams)
{
    // Each stream whole ("domain/stream"), then all of them merged in time order.
    if (streams.isEmpty()) {
        std::stable_sort(m_incoming.begin(), m_incoming.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
            return a.value("occurred_at", std::string()) < b.value("occurred_at", std::string());
        });
        take(std::move(m_incoming), {});
        m_incoming.clear();
        return;
    }
    const auto parts = streams.takeFirst().split('/');
    AppState::instance()->getAll(this,
        QString("/api/v1/events?limit=1000&domain=%1&stream_id=%2").arg(parts.value(0), parts.value(1)),
        [this, generation, streams, domain = parts.value(0).toStdString()](
            bool ok, nlohmann::json events, const QString& why) {
            if (generation != m_generation) {
                return; // a newer question was asked meanwhile
            }
            if (!ok) {
                take({}, why);
                return;
            }
            for (auto& event : events) {
                event["domain"] = domain;
                m_incoming.push_back(std::move(event));
            }
            fetch(generation, streams);
        });
}

void AuditModel::take(std::vector<nlohmann::json> events, const QString& error)
{
    m_loading = false;
    beginResetModel();
    m_rows = error.isEmpty() ? std::move(events) : std::vector<nlohmann::json> {};
    endResetModel();
    m_message = !error.isEmpty() ? error : (m_rows.empty() ? tr("Nothing recorded yet.") : QString());
    emit countChanged();
    emit stateChanged();
}

} // namespace tosserp::client
