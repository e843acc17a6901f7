#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <vector>

namespace tosserp::client {

/// The catalog as a list for QML: the first products of the replica, or those matching
/// `query` (name, SKU or barcode, through the replica's full-text index). Reloads when the
/// query changes or the replica does, on the reader thread: typing never waits for the
/// database, and a search overtaken by the next key press is skipped. `loaded` follows
/// each list shown. Roles: sku, name, price, barcode, unit, pending.
class ProductModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The most rows a list holds; a person narrows with the search.
    Q_PROPERTY(int limit READ limit CONSTANT)
    /// "sku", "name" or "" (the order products were created; for a search, the most telling
    /// matches first).
    Q_PROPERTY(QString sort READ sort WRITE setSort NOTIFY queryChanged)
    /// Only this category's products; 0 for all.
    Q_PROPERTY(qint64 categoryId READ categoryId WRITE setCategoryId NOTIFY queryChanged)

public:
    enum Role { SkuRole = Qt::UserRole + 1, NameRole, PriceRole, BarcodeRole, UnitRole, PendingRole };

    explicit ProductModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString& query);
    QString sort() const { return m_sort; }
    void setSort(const QString& sort);
    qint64 categoryId() const { return m_categoryId; }
    void setCategoryId(qint64 id);
    int count() const { return static_cast<int>(m_rows.size()); }
    int limit() const;

signals:
    void queryChanged();
    void countChanged();
    void loaded();

private:
    void reload();

    QString m_query;
    QString m_sort;
    qint64 m_categoryId = 0;
    /// The newest reload asked for; older ones are dropped (shared with the reader thread).
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    std::vector<nlohmann::json> m_rows;
};

} // namespace tosserp::client
