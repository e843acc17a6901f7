#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace tosserp::client {

/// Runs sign-in and sync on its own thread with its own replica connection, so the window
/// stays responsive; reports back through queued signals only.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QString replicaPath);

public slots:
    void signIn(const QString& serverUrl, const QString& user, const QString& password);
    void sync();
    /// Reads customers, orders and payments from the server (orders live in the Orders
    /// service, not in the replica).
    void loadOrders();
    /// "create" {customer_id, warehouse_id, product_id, quantity} drafts and places an order;
    /// "place" {id}; "cancel" {id, reason}; "refund" {payment_id, amount}.
    void orderAction(const QString& action, const QVariantMap& arguments);
    /// The events of the given streams ("domain/stream" each, e.g. "orders/order-7"), merged
    /// in time order.
    void loadTrail(const QStringList& streams);
    /// One authorized call for a model of the window; `called` answers with the same ticket,
    /// the reply's body (the problem document when refused) and, when refused, why in words.
    void call(quint64 ticket, const QByteArray& method, const QString& path, const QByteArray& body,
        const QByteArray& idempotencyKey);
    /// Creates the products of a CSV file on the server (online), reporting progress, then
    /// syncs so they appear in the replica.
    void importProducts(const QString& path);
    /// Writes the replica's products to a CSV file.
    void exportProducts(const QString& path);

signals:
    void signedIn(bool ok, const QString& user, const QString& message);
    void synced(bool ok, const QString& message);
    /// Changes pulled so far in the sync under way.
    void syncProgress(int changes);
    /// What the server says of itself after a sync: its version and sync protocol version.
    void serverAbout(const QString& version, int protocolVersion);
    void ordersLoaded(
        const QByteArray& customers, const QByteArray& orders, const QByteArray& payments, const QString& error);
    void orderActionDone(bool ok, const QString& message);
    void trailLoaded(const QByteArray& events, const QString& error);
    void called(quint64 ticket, bool ok, const QByteArray& body, const QString& message);
    /// Progress of an import or export: rows done of total.
    void transferProgress(int done, int total);
    /// The end of an import or export: a summary for people and, for an import, each
    /// refused row as "line N: reason".
    void transferDone(bool ok, const QString& summary, const QStringList& rejected);

private:
    QString m_replicaPath;
};

} // namespace tosserp::client
