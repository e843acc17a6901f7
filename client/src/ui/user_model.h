#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <map>
#include <vector>

namespace tosserp::client {

/// The server's user accounts, for administrators: list, create, disable and enable, reset a
/// password, assign roles and warehouses; and the API keys (create, shown once, revoke). Users
/// live in the Users service, not in the replica, so every call goes to the server on the
/// worker thread; refusals show the server's reason in `message`, and the list reloads after
/// each change.
class UserModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    /// The role names a user can be given, as {name, description, scoped} maps.
    Q_PROPERTY(QVariantList availableRoles READ availableRoles NOTIFY stateChanged)
    /// The API keys: {id, name, prefix, permissions, created, lastUsed, revoked} maps.
    Q_PROPERTY(QVariantList apiKeys READ apiKeys NOTIFY stateChanged)
    /// The secret of the key created last; the server shows it this once.
    Q_PROPERTY(QString newKey READ newKey NOTIFY stateChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UsernameRole,
        DisplayNameRole,
        ActiveRole,
        RolesRole,
        WarehousesRole,
        RoleListRole,
        WarehouseIdsRole
    };
    explicit UserModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_users.size()); }
    bool loading() const { return m_loading; }
    const QString& message() const { return m_message; }
    bool failed() const { return m_failed; }
    const QVariantList& availableRoles() const { return m_roles; }
    const QVariantList& apiKeys() const { return m_keys; }
    const QString& newKey() const { return m_newKey; }

    Q_INVOKABLE void refresh();
    /// The account with this id as the list has it: {userId, username, active, roleList,
    /// warehouseIds}; empty when it is not in the list.
    Q_INVOKABLE QVariantMap user(qint64 id) const;
    /// `warehouses` are warehouse ids (an empty list: none; roles that are not warehouse
    /// scoped ignore it).
    Q_INVOKABLE void createUser(const QString& username, const QString& displayName, const QString& password,
        const QStringList& roles, const QVariantList& warehouses);
    Q_INVOKABLE void setActive(qint64 id, bool active);
    Q_INVOKABLE void resetPassword(qint64 id, const QString& password);
    Q_INVOKABLE void setAccess(qint64 id, const QStringList& roles, const QVariantList& warehouses);
    /// A key with the permissions of the given roles (their union).
    Q_INVOKABLE void createApiKey(const QString& name, const QStringList& roles);
    Q_INVOKABLE void revokeApiKey(qint64 id);

signals:
    void countChanged();
    void stateChanged();
    /// A change was answered (before the list reloads).
    void changed(bool ok);

private:
    /// Sends one change and, whatever the answer, reloads; `done` is the message on success.
    void change(const QByteArray& method, const QString& path, const nlohmann::json& body, const QString& done);
    void fail(const QString& message);
    /// Roles, API keys and the warehouses' codes, once the accounts are in.
    void loadRest();

    std::vector<nlohmann::json> m_users;
    quint64 m_generation = 0;
    std::vector<nlohmann::json> m_roleDefinitions;
    QVariantList m_roles;
    QVariantList m_keys;
    std::map<std::int64_t, QString> m_warehouseCodes;
    QString m_newKey;
    bool m_loading = false;
    bool m_failed = false;
    QString m_message;
};

} // namespace tosserp::client
