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

public:
    enum Role { SkuRole = Qt::UserRole + 1, NameRole, PriceRole, BarcodeRole, UnitRole, PendingRole };

    explicit ProductModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString& query);
    int count() const { return static_cast<int>(m_rows.size()); }

signals:
    void queryChanged();
    void countChanged();
    void loaded();

private:
    void reload();

    QString m_query;
    /// The newest reload asked for; older ones are dropped (shared with the reader thread).
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    std::vector<nlohmann::json> m_rows;
};

} // namespace tosserp::client
