#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace tosserp::client {

class Replica;

/// Runs sign-in and sync on its own thread with its own replica connection, so the window
/// stays responsive; reports back through queued signals only.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QString replicaPath);
    ~SyncWorker() override;

public slots:
    void signIn(const QString& serverUrl, const QString& user, const QString& password);
    void sync();
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
    void called(quint64 ticket, bool ok, const QByteArray& body, const QString& message);
    /// Progress of an import or export: rows done of total.
    void transferProgress(int done, int total);
    /// The end of an import or export: a summary for people and, for an import, each
    /// refused row as "line N: reason".
    void transferDone(bool ok, const QString& summary, const QStringList& rejected);

private:
    /// The worker's own connection to the replica (made on first use, on the worker thread).
    Replica& replica();

    QString m_replicaPath;
    std::unique_ptr<Replica> m_replica;
};

} // namespace tosserp::client
