#pragma once

#include <QObject>
#include <QString>

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

signals:
    void signedIn(bool ok, const QString& user, const QString& message);
    void synced(bool ok, const QString& message);

private:
    QString m_replicaPath;
};

} // namespace tosserp::client
