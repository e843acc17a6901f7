#include "client/src/ui/app_state.h"

#include "client/src/api_client.h"
#include "client/src/replica.h"
#include "client/src/ui/sync_worker.h"
#include "domain/money.h"
#include "domain/product.h"
#include "domain/quantity.h"
#include "domain/text.h"
#include "sync/protocol.h"

#include <QDateTime>
#include <QJSEngine>
#include <QSettings>
#include <QTimer>

namespace tosserp::client {

namespace {

QString g_replicaPath;
QString g_serverUrl;

/// Whether a location row is one a movement can name: active and internal (stock is held there).
bool holdsStock(const nlohmann::json& location)
{
    return location.value("active", true) && location.value("kind", std::string("internal")) == "internal";
}

} // namespace

void AppState::configure(const QString& replicaPath, const QString& serverUrl)
{
    g_replicaPath = replicaPath;
    g_serverUrl = serverUrl;
}

AppState* AppState::instance()
{
    static AppState* state = new AppState;
    return state;
}

AppState* AppState::create(QQmlEngine*, QJSEngine*)
{
    auto* state = instance();
    QJSEngine::setObjectOwnership(state, QJSEngine::CppOwnership);
    return state;
}

AppState::AppState()
    : m_replicaPath(g_replicaPath)
    , m_replica(std::make_unique<Replica>(g_replicaPath))
{
    m_serverUrl = g_serverUrl.isEmpty() ? QString::fromStdString(m_replica->meta("server_url")) : g_serverUrl;
    m_userName = QString::fromStdString(m_replica->meta("user"));
    QSettings settings;
    m_language = settings.value("Language").toString();
    m_dark = settings.value("DarkTheme", false).toBool();
    m_worker = new SyncWorker(m_replicaPath);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &AppState::requestSignIn, m_worker, &SyncWorker::signIn);
    connect(this, &AppState::requestSync, m_worker, &SyncWorker::sync);
    connect(this, &AppState::requestCall, m_worker, &SyncWorker::call);
    connect(m_worker, &SyncWorker::called, this,
        [this](quint64 ticket, bool ok, const QByteArray& body, const QString& message) {
            const auto call = m_calls.find(ticket);
            if (call == m_calls.end()) {
                return;
            }
            auto [owner, answer] = std::move(call->second);
            m_calls.erase(call);
            if (owner) {
                auto json = nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
                answer(ok, json.is_discarded() ? nlohmann::json() : std::move(json), message);
            }
        });
    connect(m_worker, &SyncWorker::signedIn, this, [this](bool ok, const QString& user, const QString& message) {
        m_busy = false;
        m_signedIn = ok;
        if (ok) {
            m_userName = user;
        }
        m_message = message;
        emit changed();
        if (ok) {
            syncNow();
        }
    });
    connect(m_worker, &SyncWorker::syncProgress, this, [this](int changes) {
        m_message = tr("Syncing… %L1 changes received").arg(changes);
        emit changed();
    });
    connect(m_worker, &SyncWorker::serverAbout, this, [this](const QString& version, int protocol) {
        m_serverVersion = version;
        m_serverProtocol = protocol;
        emit changed();
    });
    connect(m_worker, &SyncWorker::synced, this, [this](bool ok, const QString& message) {
        m_busy = false;
        m_message = message;
        if (ok) {
            m_lastSync = QDateTime::currentDateTime().toString("HH:mm:ss");
        }
        notifyReplicaChanged();
        emit syncEnded();
    });
    m_thread.start();
    for (auto& reader : m_readers) {
        reader.context = new QObject;
        reader.context->moveToThread(&reader.thread);
        connect(&reader.thread, &QThread::finished, reader.context, &QObject::deleteLater);
        reader.thread.start();
    }
    refreshCounts();
    // A remembered session (a refresh token in the replica) opens signed in and syncs at once.
    if (!m_replica->meta("refresh_token").empty() && !m_serverUrl.isEmpty()) {
        m_signedIn = true;
        QTimer::singleShot(0, this, &AppState::syncNow);
    }
}

AppState::~AppState()
{
    // Each reader's replica closes on its own thread.
    for (auto& reader : m_readers) {
        QMetaObject::invokeMethod(
            reader.context, [&reader] { reader.replica.reset(); }, Qt::BlockingQueuedConnection);
        reader.thread.quit();
        reader.thread.wait();
    }
    m_thread.quit();
    m_thread.wait();
}

void AppState::callServer(QObject* owner, const QByteArray& method, const QString& path, const nlohmann::json& body,
    Answer answer, const QByteArray& idempotencyKey)
{
    const auto ticket = ++m_nextTicket;
    m_calls.emplace(ticket, std::make_pair(QPointer<QObject>(owner), std::move(answer)));
    emit requestCall(
        ticket, method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), idempotencyKey);
}

void AppState::getAll(QObject* owner, const QString& path, Items done)
{
    struct Walk {
        AppState* state;
        QPointer<QObject> owner;
        QString path;
        Items done;
        nlohmann::json items = nlohmann::json::array();
        void next(const QString& cursor, const std::shared_ptr<Walk>& self)
        {
            const auto page = cursor.isEmpty() ? path : path + (path.contains('?') ? "&" : "?") + "cursor=" + cursor;
            state->callServer(
                owner, "GET", page, nullptr, [self](bool ok, const nlohmann::json& body, const QString& why) {
                    if (!ok) {
                        self->done(false, {}, why);
                        return;
                    }
                    for (const auto& item : body.value("items", nlohmann::json::array())) {
                        self->items.push_back(item);
                    }
                    const auto more = body.value("next_cursor", nlohmann::json());
                    if (more.is_string() && !more.get<std::string>().empty()) {
                        self->next(QString::fromStdString(more.get<std::string>()), self);
                    } else {
                        self->done(true, std::move(self->items), {});
                    }
                });
        }
    };
    auto walk = std::make_shared<Walk>(Walk { this, owner, path, std::move(done) });
    walk->next({}, walk);
}

Replica& AppState::readerReplica(Lane lane)
{
    auto& replica = reader(lane).replica;
    if (!replica) {
        replica = std::make_unique<Replica>(m_replicaPath);
    }
    return *replica;
}

QString AppState::version() const
{
    return QStringLiteral(TOSSERP_VERSION);
}

int AppState::protocolVersion() const
{
    return sync::kProtocolVersion;
}

void AppState::setLanguage(const QString& code)
{
    if (code == m_language) {
        return;
    }
    m_language = code;
    QSettings().setValue("Language", code);
    emit languageChangeRequested(code);
    emit changed();
}

void AppState::setDarkTheme(bool dark)
{
    if (dark == m_dark) {
        return;
    }
    m_dark = dark;
    QSettings().setValue("DarkTheme", dark);
    emit changed();
}

QVariantMap AppState::productDetails(const QString& sku) const
{
    const auto product = m_replica->productBySku(sku.toStdString());
    if (!product) {
        return {};
    }
    return { { "sku", sku }, { "name", QString::fromStdString(product->value("name", "")) },
        { "price", QString::fromStdString((*product)["price"].value("amount", "")) },
        { "currency", QString::fromStdString((*product)["price"].value("currency", "")) },
        { "active", product->value("active", true) }, { "pending", product->value("pending", false) } };
}

QVariantMap AppState::saveProduct(const QString& sku, const QString& name, const QString& price, bool active)
{
    const auto product = m_replica->productBySku(sku.toStdString());
    if (!product) {
        return { { "name", tr("This product is no longer in the catalog.") } };
    }
    QVariantMap errors;
    const auto checkedName = domain::validateName(name.toStdString(), "name", domain::Product::kMaxNameLength);
    if (!checkedName) {
        errors["name"] = checkedName.error().code == "required" ? tr("A name is required.")
                                                                : tr("At most 200 characters, on one line.");
    }
    const auto currency = domain::Currency::parse((*product)["price"].value("currency", "EUR"));
    const auto amount = domain::Money::parse(price.trimmed().toStdString(), currency.value());
    if (!amount) {
        errors["price"] = tr("A price such as 12.90 (at most %1 decimals).").arg(currency.value().minorDigits());
    } else if (amount.value().isNegative()) {
        errors["price"] = tr("A price cannot be negative.");
    }
    if (!errors.isEmpty()) {
        return errors;
    }
    nlohmann::json base = nlohmann::json::object();
    nlohmann::json changes = nlohmann::json::object();
    if (checkedName.value() != product->value("name", "")) {
        base["name"] = (*product)["name"];
        changes["name"] = checkedName.value();
    }
    const nlohmann::json newPrice
        = { { "amount", amount.value().toDecimalString() }, { "currency", currency.value().code() } };
    if (newPrice != (*product)["price"]) {
        base["price"] = (*product)["price"];
        changes["price"] = newPrice;
    }
    if (active != product->value("active", true)) {
        base["active"] = (*product)["active"];
        changes["active"] = active;
    }
    if (!changes.empty()) {
        m_replica->enqueue(sync::CommandType::UpdateProduct,
            { { "product_id", (*product)["id"] }, { "base", base }, { "changes", changes } });
        notifyReplicaChanged();
    }
    return {};
}

void AppState::notifyReplicaChanged()
{
    refreshCounts();
    emit dataChanged();
}

bool AppState::can(const QString& permission) const
{
    return permissions().contains(permission);
}

QStringList AppState::permissions() const
{
    QStringList out;
    for (const auto& permission : tokenPermissions(m_replica->meta("access_token"))) {
        out << QString::fromStdString(permission);
    }
    return out;
}

void AppState::refreshCounts()
{
    m_pending = static_cast<int>(m_replica->pendingCommands());
    m_conflicts = static_cast<int>(m_replica->openConflicts());
    m_products = static_cast<int>(m_replica->count("products"));
    emit changed();
}

void AppState::signIn(const QString& serverUrl, const QString& user, const QString& password)
{
    if (serverUrl.trimmed().isEmpty() || user.trimmed().isEmpty() || password.isEmpty()) {
        m_message = tr("Give the server address, your username and your password.");
        emit changed();
        return;
    }
    m_serverUrl = serverUrl.trimmed();
    m_busy = true;
    m_message = tr("Signing in…");
    emit changed();
    emit requestSignIn(m_serverUrl, user.trimmed(), password);
}

void AppState::workOffline()
{
    m_signedIn = true;
    m_message = tr("Working offline: your work is kept and sent at the next sync.");
    emit changed();
}

void AppState::syncNow()
{
    if (m_busy) {
        return;
    }
    m_busy = true;
    m_message = tr("Syncing…");
    emit changed();
    emit requestSync();
}

bool AppState::isStockLocation(std::int64_t id) const
{
    const auto place = m_replica->location(id);
    return place && holdsStock(*place);
}

QString AppState::skuForCode(const QString& code) const
{
    const auto product = m_replica->productByCode(code.toStdString());
    return product ? QString::fromStdString(product->value("sku", "")) : QString();
}

namespace {

/// {id, label "CODE — Name"} of the replica's rows of `table` that `keep` accepts, ordered by id.
QVariantList choices(const Replica& replica, const char* table, bool (*keep)(const nlohmann::json&))
{
    QVariantList out;
    try {
        for (const auto& row : replica.rows(table, 10000)) {
            if (!keep(row)) {
                continue;
            }
            out.push_back(QVariantMap { { "id", QVariant::fromValue(row.value("id", std::int64_t { 0 })) },
                { "label",
                    QString::fromStdString(
                        row.value("code", std::string {}) + " — " + row.value("name", std::string {})) } });
        }
    } catch (const std::exception&) {
        // No replica open yet: nothing to choose from.
    }
    return out;
}

} // namespace

QVariantList AppState::stockLocations() const
{
    return choices(*m_replica, "locations", [](const nlohmann::json& row) { return holdsStock(row); });
}

QVariantList AppState::warehouses() const
{
    return choices(*m_replica, "warehouses", [](const nlohmann::json&) { return true; });
}

QString AppState::recordMovement(const QString& kind, const QString& productCode, const QString& quantity,
    const QString& location, const QString& toLocation, const QString& reason)
{
    try {
        const auto product = m_replica->productByCode(productCode.toStdString());
        if (!product) {
            return tr("No product with the code %1.").arg(productCode);
        }
        const auto unit = domain::Unit::parse(product->value("unit", "pcs"));
        const auto parsed = domain::Quantity::parse(quantity.trimmed().toStdString(), unit.value());
        const auto unitCode = QString::fromStdString(unit.value().code());
        if (!parsed) {
            return tr("Give a quantity in %1.").arg(unitCode);
        }
        const auto& amount = parsed.value();
        bool ok = false;
        const auto locationId = location.toLongLong(&ok);
        if (!ok || !isStockLocation(locationId)) {
            return tr("Choose a location.");
        }
        nlohmann::json payload { { "product_id", (*product)["id"] } };
        sync::CommandType type = sync::CommandType::ReceiveStock;
        if (kind == "receive" || kind == "move") {
            if (!amount.isPositive()) {
                return tr("Give a positive quantity in %1.").arg(unitCode);
            }
            payload["quantity"] = amount.toDecimalString();
            payload["location_id"] = locationId;
            if (kind == "move") {
                const auto toId = toLocation.toLongLong(&ok);
                if (!ok || !isStockLocation(toId)) {
                    return tr("Choose the location the goods go to.");
                }
                if (toId == locationId) {
                    return tr("The goods must go to another location.");
                }
                type = sync::CommandType::MoveStock;
                payload.erase("location_id");
                payload["from_location_id"] = locationId;
                payload["to_location_id"] = toId;
            }
        } else if (kind == "adjust") {
            if (amount.isZero()) {
                return tr("Give the change in %1, negative for a loss.").arg(unitCode);
            }
            if (reason.trimmed().isEmpty()) {
                return tr("Say why the stock changes (damaged, found, …).");
            }
            type = sync::CommandType::AdjustStock;
            payload["quantity"] = amount.toDecimalString();
            payload["location_id"] = locationId;
        } else if (kind == "count") {
            if (amount.isNegative()) {
                return tr("A count cannot be negative.");
            }
            const auto shownMilli = m_replica->shownMilli((*product)["id"].get<std::int64_t>(), locationId);
            type = sync::CommandType::CountStock;
            payload["counted"] = amount.toDecimalString();
            payload["location_id"] = locationId;
            payload["snapshot_quantity"]
                = domain::Quantity::fromMilli(shownMilli, unit.value()).value().toDecimalString();
        } else {
            return tr("Unknown kind of movement: %1.").arg(kind);
        }
        if (!reason.trimmed().isEmpty()) {
            payload["reason"] = reason.trimmed().toStdString();
        }
        m_replica->enqueue(type, payload);
        notifyReplicaChanged();
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

} // namespace tosserp::client
