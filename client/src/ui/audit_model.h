#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <vector>

namespace tosserp::client {

/// The audit trail of one product, order or user, read from the server's event logs in time
/// order: what happened, when, by whom, with the event's facts in one readable line. An
/// order's trail joins the Orders and the Stock logs (its reservations and shipments).
class AuditModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
public:
    enum Role { TimeRole = Qt::UserRole + 1, TypeRole, DomainRole, ActorRole, DetailRole };
    explicit AuditModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    bool loading() const { return m_loading; }
    const QString& message() const { return m_message; }

    /// `kind` is "product" (key: SKU or barcode, found in the replica), "order" or "user"
    /// (key: the number).
    Q_INVOKABLE void show(const QString& kind, const QString& key);

signals:
    void countChanged();
    void stateChanged();

private:
    /// Reads the first of `streams` whole, then the rest; stale when `generation` is no
    /// longer the newest question.
    void fetch(quint64 generation, QStringList streams);
    void take(std::vector<nlohmann::json> events, const QString& error);

    std::vector<nlohmann::json> m_rows;
    std::vector<nlohmann::json> m_incoming; ///< events of the streams read so far
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_message;
};

} // namespace tosserp::client
