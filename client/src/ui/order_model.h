#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <vector>

namespace tosserp::client {

/// The server's orders, newest first, each with its customer's name and its payment. Orders
/// live in the Orders service, not in the replica, so this model needs the server: it loads
/// on the worker thread (refresh) and every action (create and place, place, cancel, refund)
/// goes to the server, reports in `message`, and reloads.
class OrderModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    Q_PROPERTY(QVariantList customers READ customers NOTIFY stateChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CustomerRole,
        StateRole,
        ReasonRole,
        GrossRole,
        SummaryRole,
        PaymentIdRole,
        PaymentStateRole,
        RefundableRole
    };
    explicit OrderModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    bool loading() const { return m_loading; }
    const QString& message() const { return m_message; }
    bool failed() const { return m_failed; }
    /// {id, label} maps of the customers.
    const QVariantList& customers() const { return m_customers; }

    Q_INVOKABLE void refresh();
    /// Drafts and places an order of `quantity` of the product whose SKU or barcode is
    /// `productCode` (looked up in the replica) for the customer, shipped from the warehouse.
    Q_INVOKABLE void createAndPlace(
        qint64 customerId, qint64 warehouseId, const QString& productCode, const QString& quantity);
    Q_INVOKABLE void place(qint64 id);
    Q_INVOKABLE void cancel(qint64 id, const QString& reason);
    Q_INVOKABLE void refund(qint64 paymentId, const QString& amount);

signals:
    void countChanged();
    void stateChanged();

private:
    /// POSTs one action, says `done` or the server's reason, and reloads.
    void send(const QString& path, const nlohmann::json& body, const QString& done, const QByteArray& key = {});
    /// The lists' items, each whole.
    void take(const nlohmann::json& customers, const nlohmann::json& orders, const nlohmann::json& payments);

    std::vector<nlohmann::json> m_rows;
    QVariantList m_customers;
    bool m_loading = false;
    bool m_failed = false;
    QString m_message;
};

} // namespace tosserp::client
