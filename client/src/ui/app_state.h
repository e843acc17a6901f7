#pragma once

#include <QJSEngine>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <type_traits>

namespace tosserp::client {

class Replica;
class SyncWorker;

/// What the window shows about the session and the replica: who is signed in to which
/// server, whether work is synced, how much waits in the outbox, open conflicts. Signing in
/// and syncing run on a worker thread; the window never waits for the network. Nothing here
/// throws into QML: failures become `message`.
class AppState : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY changed)
    Q_PROPERTY(QString userName READ userName NOTIFY changed)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY changed)
    Q_PROPERTY(int productCount READ productCount NOTIFY changed)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY changed)
    Q_PROPERTY(bool darkTheme READ darkTheme WRITE setDarkTheme NOTIFY changed)
    /// What the signed-in user's last access token grants (for bindings; see can()).
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY changed)
    /// The server's version and sync protocol, as it said at the last sync ("" and 0 before).
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY changed)
    Q_PROPERTY(int serverProtocol READ serverProtocol NOTIFY changed)
    /// The sync protocol this client speaks.
    Q_PROPERTY(int protocolVersion READ protocolVersion CONSTANT)

public:
    /// The replica file and the preset server address the process was started with; call
    /// before QML first asks for the singleton.
    static void configure(const QString& replicaPath, const QString& serverUrl);
    static AppState* create(QQmlEngine*, QJSEngine*);
    /// The one instance (created on first use; the QML engine does not own it).
    static AppState* instance();

    ~AppState() override;

    QString serverUrl() const { return m_serverUrl; }
    QString userName() const { return m_userName; }
    bool signedIn() const { return m_signedIn; }
    bool busy() const { return m_busy; }
    int pendingCount() const { return m_pending; }
    int conflictCount() const { return m_conflicts; }
    int productCount() const { return m_products; }
    QString lastSync() const { return m_lastSync; }
    QString message() const { return m_message; }
    QString version() const;
    QString serverVersion() const { return m_serverVersion; }
    int serverProtocol() const { return m_serverProtocol; }
    int protocolVersion() const;
    /// "" for the system's language, else "en", "de", "fr" or "es"; remembered in the settings.
    QString language() const { return m_language; }
    Q_INVOKABLE void setLanguage(const QString& code);
    bool darkTheme() const { return m_dark; }
    void setDarkTheme(bool dark);

    /// Signs in on the worker thread; `signedIn` and `message` tell the outcome.
    Q_INVOKABLE void signIn(const QString& serverUrl, const QString& user, const QString& password);
    /// Uses the last session's replica without the server (the outbox fills until sync).
    Q_INVOKABLE void workOffline();
    Q_INVOKABLE void syncNow();
    /// Whether the signed-in user's last access token grants `permission` (what a role may
    /// not do is not offered; the server still checks).
    Q_INVOKABLE bool can(const QString& permission) const;
    QStringList permissions() const;
    /// The SKU of the product whose SKU or barcode is exactly `code` (a scanner's input), or "".
    Q_INVOKABLE QString skuForCode(const QString& code) const;
    /// The active locations a movement can name, as {id, label} maps ordered by id.
    Q_INVOKABLE QVariantList stockLocations() const;
    /// The warehouses of the replica, as {id, label} maps ordered by id.
    Q_INVOKABLE QVariantList warehouses() const;
    /// Queues one stock movement (offline-safe) and returns an empty string, or why it was
    /// refused. `kind` is "receive", "move" (location → toLocation), "adjust" (signed
    /// quantity, reason required) or "count" (the counted quantity, checked at the server
    /// against what this replica showed at the time).
    Q_INVOKABLE QString recordMovement(const QString& kind, const QString& productCode, const QString& quantity,
        const QString& location, const QString& toLocation, const QString& reason);
    /// The editable fields of a product (sku, name, price, currency, active, pending), or an
    /// empty map when the replica has no such product.
    Q_INVOKABLE QVariantMap productDetails(const QString& sku) const;
    /// Checks the fields like the server would and, when they are fine, queues the edit
    /// (offline-safe, merged per field at the next sync). Returns {} on success, else a map
    /// from field ("name", "price") to a message shown at that field.
    Q_INVOKABLE QVariantMap saveProduct(const QString& sku, const QString& name, const QString& price, bool active);
    /// Counts and models reload after a change made through the replica directly.
    void notifyReplicaChanged();
    /// The replica the models read (GUI thread).
    Replica* replica() const { return m_replica.get(); }
    /// Where a read runs: what a person waits for (a search, a list) never queues behind a
    /// sum over the whole replica.
    enum class Lane { Interactive, Background };
    /// Runs `work(Replica&)` on the lane's reader thread, against that thread's own connection
    /// to the replica, and hands the result to `done` on this thread unless `owner` is gone by
    /// then: the window never waits for the database. Reads of one lane run one after another
    /// in the order asked; a read that throws hands over a default-made result.
    template <class Work, class Done> void read(QObject* owner, Work work, Done done, Lane lane = Lane::Interactive);
    /// The thread-confined worker that talks to the server (connect with queued connections).
    SyncWorker* worker() const { return m_worker; }
    /// What a server call answers: whether it succeeded, its JSON body (the problem document
    /// when refused; null when nothing came) and, when refused, why in words.
    using Answer = std::function<void(bool ok, const nlohmann::json& body, const QString& message)>;
    /// Makes one authorized call on the worker thread and hands the answer to `answer` on this
    /// thread, unless `owner` is gone by then. `body` null sends none.
    void callServer(QObject* owner, const QByteArray& method, const QString& path, const nlohmann::json& body,
        Answer answer, const QByteArray& idempotencyKey = {});
    /// What getAll answers: every item of every page, or why it could not read them.
    using Items = std::function<void(bool ok, nlohmann::json items, const QString& message)>;
    /// GETs `path` (a list route, with its own query) page after page, following
    /// `next_cursor`, and hands all the items to `done` at once.
    void getAll(QObject* owner, const QString& path, Items done);

signals:
    void changed();
    /// The replica's content changed (a pull or a queued command): models reload.
    void dataChanged();
    /// A sync ended (whether or not it reached the server): figures only the server knows
    /// may have moved.
    void syncEnded();
    void requestSignIn(const QString& serverUrl, const QString& user, const QString& password);
    void requestSync();
    void requestCall(quint64 ticket, const QByteArray& method, const QString& path, const QByteArray& body,
        const QByteArray& idempotencyKey);
    /// The window must load the translation of `code` and translate itself again.
    void languageChangeRequested(const QString& code);

private:
    AppState();
    void refreshCounts();

    /// An active internal location of this replica (where stock can be held).
    bool isStockLocation(std::int64_t id) const;
    QString m_replicaPath;
    QString m_serverUrl;
    QString m_userName;
    bool m_signedIn = false;
    bool m_busy = false;
    int m_pending = 0;
    int m_conflicts = 0;
    int m_products = 0;
    QString m_lastSync;
    QString m_serverVersion;
    int m_serverProtocol = 0;
    QString m_message;
    QString m_language;
    bool m_dark = false;
    std::unique_ptr<Replica> m_replica;
    QThread m_thread;
    SyncWorker* m_worker = nullptr;
    /// The reader thread's own replica (made and used on that thread only).
    struct Reader {
        QThread thread;
        QObject* context = nullptr; ///< lives on `thread`
        std::unique_ptr<Replica> replica; ///< made and used on `thread` only
    };
    Reader& reader(Lane lane) { return m_readers[lane == Lane::Interactive ? 0 : 1]; }
    /// The lane's own replica (call on the lane's thread).
    Replica& readerReplica(Lane lane);
    Reader m_readers[2];
    quint64 m_nextTicket = 0;
    std::map<quint64, std::pair<QPointer<QObject>, Answer>> m_calls;
};

template <class Work, class Done> void AppState::read(QObject* owner, Work work, Done done, Lane lane)
{
    using Result = std::invoke_result_t<Work, Replica&>;
    QPointer<QObject> guard(owner);
    QMetaObject::invokeMethod(
        reader(lane).context,
        [this, guard, work, done, lane] {
            auto result = std::make_shared<Result>();
            try {
                *result = work(readerReplica(lane));
            } catch (const std::exception&) {
                *result = Result {};
            }
            QMetaObject::invokeMethod(
                this,
                [guard, done, result] {
                    if (guard) {
                        done(std::move(*result));
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace tosserp::client
