#include "client/src/ui/user_model.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

#include <map>
#include <set>

namespace tosserp::client {

namespace {

nlohmann::json items(const nlohmann::json& page)
{
    return page.is_object() && page.contains("items") && page["items"].is_array() ? page["items"]
                                                                                  : nlohmann::json::array();
}

QStringList strings(const nlohmann::json& list)
{
    QStringList out;
    for (const auto& item : list) {
        if (item.is_string()) {
            out << QString::fromStdString(item.get<std::string>());
        }
    }
    return out;
}

nlohmann::json warehouseIds(const QVariantList& ids)
{
    auto out = nlohmann::json::array();
    for (const auto& id : ids) {
        out.push_back(id.toLongLong());
    }
    return out;
}

nlohmann::json roleList(const QStringList& roles)
{
    auto out = nlohmann::json::array();
    for (const auto& role : roles) {
        out.push_back(role.toStdString());
    }
    return out;
}

} // namespace

UserModel::UserModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

int UserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> UserModel::roleNames() const
{
    return { { IdRole, "userId" }, { UsernameRole, "username" }, { DisplayNameRole, "displayName" },
        { ActiveRole, "active" }, { RolesRole, "roles" }, { WarehousesRole, "warehouses" },
        { RoleListRole, "roleList" }, { WarehouseIdsRole, "warehouseIds" } };
}

QVariant UserModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& user = m_users[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return QVariant::fromValue(user.value("id", std::int64_t { 0 }));
    case UsernameRole:
        return QString::fromStdString(user.value("username", std::string()));
    case DisplayNameRole:
        return QString::fromStdString(user.value("display_name", std::string()));
    case ActiveRole:
        return user.value("active", true);
    case RolesRole:
        return strings(user.value("roles", nlohmann::json::array())).join(", ");
    case RoleListRole:
        return strings(user.value("roles", nlohmann::json::array()));
    case WarehousesRole: {
        QStringList out;
        for (const auto& id : user.value("warehouses", nlohmann::json::array())) {
            const auto number = id.is_number_integer() ? id.get<std::int64_t>() : 0;
            const auto code = m_warehouseCodes.find(number);
            out << (code != m_warehouseCodes.end() ? code->second : QString::number(number));
        }
        return out.join(", ");
    }
    case WarehouseIdsRole: {
        QVariantList out;
        for (const auto& id : user.value("warehouses", nlohmann::json::array())) {
            out << QVariant::fromValue(id.is_number_integer() ? id.get<std::int64_t>() : 0);
        }
        return out;
    }
    default:
        return {};
    }
}

QVariantMap UserModel::user(qint64 id) const
{
    for (int row = 0; row < count(); ++row) {
        const auto at = index(row);
        if (data(at, IdRole).toLongLong() == id) {
            return { { "userId", data(at, IdRole) }, { "username", data(at, UsernameRole) },
                { "active", data(at, ActiveRole) }, { "roleList", data(at, RoleListRole) },
                { "warehouseIds", data(at, WarehouseIdsRole) } };
        }
    }
    return {};
}

void UserModel::fail(const QString& message)
{
    m_loading = false;
    m_failed = true;
    m_message = message;
    emit stateChanged();
}

void UserModel::refresh()
{
    m_loading = true;
    emit stateChanged();
    // Every page: an organisation may have more accounts than one page holds. A reload asked
    // for meanwhile replaces the one under way.
    AppState::instance()->getAll(this, "/api/v1/users?limit=500",
        [this, generation = ++m_generation](bool ok, nlohmann::json users, const QString& why) {
            if (generation != m_generation) {
                return;
            }
            if (!ok) {
                fail(why);
                return;
            }
            beginResetModel();
            m_users.assign(std::make_move_iterator(users.begin()), std::make_move_iterator(users.end()));
            endResetModel();
            emit countChanged();
            loadRest();
        });
}

void UserModel::loadRest()
{
    auto* state = AppState::instance();
    // The warehouses' codes, read from the replica on the reader thread.
    state->read(
        this,
        [](Replica& replica) {
            std::map<std::int64_t, QString> codes;
            for (const auto& warehouse : replica.rows("warehouses")) {
                codes[warehouse.value("id", std::int64_t { 0 })] = QString::fromStdString(warehouse.value("code", ""));
            }
            return codes;
        },
        [this](std::map<std::int64_t, QString> codes) {
            m_warehouseCodes = std::move(codes);
            if (count() > 0) {
                emit dataChanged(index(0), index(count() - 1), { WarehousesRole });
            }
        });
    state->callServer(
        this, "GET", "/api/v1/roles", nullptr, [this, state](bool ok, const nlohmann::json& roles, const QString& why) {
            if (!ok) {
                fail(why);
                return;
            }
            m_roles.clear();
            m_roleDefinitions.clear();
            for (const auto& role : items(roles)) {
                m_roleDefinitions.push_back(role);
                m_roles.push_back(QVariantMap { { "name", QString::fromStdString(role.value("name", "")) },
                    { "description", QString::fromStdString(role.value("description", "")) },
                    { "scoped", role.value("warehouse_scoped", false) } });
            }
            if (!state->can("api_keys.manage")) {
                m_loading = false;
                emit stateChanged();
                return;
            }
            state->callServer(this, "GET", "/api/v1/api-keys", nullptr,
                [this](bool ok, const nlohmann::json& keys, const QString& why) {
                    if (!ok) {
                        fail(why);
                        return;
                    }
                    m_keys.clear();
                    for (const auto& key : items(keys)) {
                        const auto text = [&](const char* field) {
                            return key.value(field, nlohmann::json()).is_string()
                                ? QString::fromStdString(key[field].get<std::string>())
                                : QString();
                        };
                        m_keys.push_back(QVariantMap {
                            { "id", QVariant::fromValue(key.value("id", std::int64_t { 0 })) },
                            { "name", text("name") }, { "prefix", text("prefix") },
                            { "permissions", strings(key.value("permissions", nlohmann::json::array())).join(", ") },
                            { "created", text("created_at") }, { "lastUsed", text("last_used_at") },
                            { "revoked", text("revoked_at") } });
                    }
                    m_loading = false;
                    emit stateChanged();
                });
        });
}

void UserModel::change(const QByteArray& method, const QString& path, const nlohmann::json& body, const QString& done)
{
    m_loading = true;
    m_failed = false;
    m_message = tr("Sending…");
    emit stateChanged();
    AppState::instance()->callServer(
        this, method, path, body, [this, done](bool ok, const nlohmann::json& answer, const QString& why) {
            m_failed = !ok;
            m_message = ok ? done : why;
            if (ok && answer.is_object() && answer.contains("key") && answer["key"].is_string()) {
                m_newKey = QString::fromStdString(answer["key"].get<std::string>());
            }
            emit stateChanged();
            emit changed(ok);
            refresh();
        });
}

void UserModel::createUser(const QString& username, const QString& displayName, const QString& password,
    const QStringList& roles, const QVariantList& warehouses)
{
    if (username.trimmed().isEmpty()) {
        fail(tr("A username is required."));
        return;
    }
    if (password.size() < 8) {
        fail(tr("A password has at least 8 characters."));
        return;
    }
    m_newKey.clear();
    change("POST", "/api/v1/users",
        { { "username", username.trimmed().toStdString() }, { "display_name", displayName.trimmed().toStdString() },
            { "password", password.toStdString() }, { "roles", roleList(roles) },
            { "warehouses", warehouseIds(warehouses) } },
        tr("User %1 created.").arg(username.trimmed()));
}

void UserModel::setActive(qint64 id, bool active)
{
    change("PATCH", QString("/api/v1/users/%1").arg(id), { { "active", active } },
        active ? tr("The account is enabled.") : tr("The account is disabled; its sessions end."));
}

void UserModel::resetPassword(qint64 id, const QString& password)
{
    if (password.size() < 8) {
        fail(tr("A password has at least 8 characters."));
        return;
    }
    change("POST", QString("/api/v1/users/%1/password").arg(id), { { "password", password.toStdString() } },
        tr("The password is reset."));
}

void UserModel::setAccess(qint64 id, const QStringList& roles, const QVariantList& warehouses)
{
    change("PATCH", QString("/api/v1/users/%1").arg(id),
        { { "roles", roleList(roles) }, { "warehouses", warehouseIds(warehouses) } },
        tr("Roles and warehouses saved."));
}

void UserModel::createApiKey(const QString& name, const QStringList& roles)
{
    if (name.trimmed().isEmpty()) {
        fail(tr("An API key needs a name."));
        return;
    }
    std::set<std::string> permissions;
    for (const auto& role : m_roleDefinitions) {
        if (roles.contains(QString::fromStdString(role.value("name", "")))) {
            for (const auto& permission : role.value("permissions", nlohmann::json::array())) {
                permissions.insert(permission.get<std::string>());
            }
        }
    }
    if (permissions.empty()) {
        fail(tr("Choose at least one role whose permissions the key gets."));
        return;
    }
    change("POST", "/api/v1/api-keys", { { "name", name.trimmed().toStdString() }, { "permissions", permissions } },
        tr("API key %1 created: copy it now, it is shown once.").arg(name.trimmed()));
}

void UserModel::revokeApiKey(qint64 id)
{
    m_newKey.clear();
    change("DELETE", QString("/api/v1/api-keys/%1").arg(id), nullptr, tr("The API key is revoked."));
}

} // namespace tosserp::client
