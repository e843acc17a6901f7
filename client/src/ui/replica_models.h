#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <vector>

namespace tosserp::client {

/// Stock per product and location as the replica shows it: the server's figure plus work
/// not yet synced, the first 1,000 by product, read on the reader thread. Roles: sku, name,
/// location, onHand, pending (text in the product's unit).
class LevelModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The most levels the list holds.
    Q_PROPERTY(int limit READ limit CONSTANT)
    /// Only the levels of the product with this SKU or barcode; empty for all.
    Q_PROPERTY(QString productCode READ productCode WRITE setProductCode NOTIFY countChanged)
public:
    enum Role { SkuRole = Qt::UserRole + 1, NameRole, LocationRole, OnHandRole, PendingRole };
    int limit() const;
    QString productCode() const { return m_productCode; }
    void setProductCode(const QString& code);
    explicit LevelModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
signals:
    void countChanged();

private:
    void reload();
    std::vector<nlohmann::json> m_rows;
    QString m_productCode;
};

/// The conflicts inbox: a field this replica and the server both changed, with the value it
/// had, mine and theirs; resolve() keeps one. Roles: conflictId, product, field, base, mine,
/// theirs (as text).
class ConflictModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, ProductRole, FieldRole, BaseRole, MineRole, TheirsRole };
    explicit ConflictModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    /// Keeps mine (queued as a new edit) or theirs; false for an unknown or closed conflict.
    Q_INVOKABLE bool resolve(qint64 id, bool keepMine);
signals:
    void countChanged();

private:
    void reload();
    std::vector<nlohmann::json> m_rows;
};

} // namespace tosserp::client
