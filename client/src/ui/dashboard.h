#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tosserp::client {

struct DashboardFigures;

/// The figures a manager looks at first, computed from the replica (server figures plus
/// work not yet synced): stock value, products below their reorder point, stock value per
/// warehouse and the products with most units on hand. Money is summed in minor units; the
/// chart series are doubles for drawing only. Recomputed on the reader thread whenever the
/// replica changes; `changed` tells when new figures are in.
class Dashboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString stockValue READ stockValue NOTIFY changed)
    Q_PROPERTY(int belowReorder READ belowReorder NOTIFY changed)
    Q_PROPERTY(int productCount READ productCount NOTIFY changed)
    Q_PROPERTY(QStringList warehouseNames READ warehouseNames NOTIFY changed)
    Q_PROPERTY(QVariantList warehouseValues READ warehouseValues NOTIFY changed)
    Q_PROPERTY(QStringList topProducts READ topProducts NOTIFY changed)
    Q_PROPERTY(QVariantList topUnits READ topUnits NOTIFY changed)
    Q_PROPERTY(double maxWarehouseValue READ maxWarehouseValue NOTIFY changed)
    Q_PROPERTY(double maxUnits READ maxUnits NOTIFY changed)
    /// The figures were computed at least once (they are read on the reader thread).
    Q_PROPERTY(bool ready READ ready NOTIFY changed)
    /// When the figures shown were computed, while they are those kept from before (a cold
    /// start shows them at once); empty once fresh figures are in.
    Q_PROPERTY(QString asOf READ asOf NOTIFY changed)
    /// Today's stock movements and orders (since local midnight) as the server counts them:
    /// "—" until it answered (they need the server; the rest reads the replica).
    Q_PROPERTY(QString movementsToday READ movementsToday NOTIFY changed)
    Q_PROPERTY(QString ordersToday READ ordersToday NOTIFY changed)

public:
    explicit Dashboard(QObject* parent = nullptr);

    QString stockValue() const { return m_stockValue; }
    int belowReorder() const { return m_belowReorder; }
    int productCount() const { return m_products; }
    QStringList warehouseNames() const { return m_warehouseNames; }
    QVariantList warehouseValues() const { return m_warehouseValues; }
    QStringList topProducts() const { return m_topProducts; }
    QVariantList topUnits() const { return m_topUnits; }
    double maxWarehouseValue() const { return m_maxValue; }
    double maxUnits() const { return m_maxUnits; }
    bool ready() const { return m_ready; }
    QString asOf() const { return m_asOf; }
    QString movementsToday() const { return m_movementsToday; }
    QString ordersToday() const { return m_ordersToday; }
    /// Asks for new figures (also done on every replica change).
    Q_INVOKABLE void refresh();

signals:
    void changed();

private:
    void show(const DashboardFigures& figures);
    /// Asks the server for today's counts (when signed in and allowed).
    void refreshToday();
    QString m_stockValue;
    int m_belowReorder = 0;
    int m_products = 0;
    QStringList m_warehouseNames;
    QVariantList m_warehouseValues;
    QStringList m_topProducts;
    QVariantList m_topUnits;
    double m_maxValue = 0;
    double m_maxUnits = 0;
    bool m_ready = false;
    bool m_computing = false;
    bool m_again = false;
    QString m_asOf;
    QString m_movementsToday = QStringLiteral("—");
    QString m_ordersToday = QStringLiteral("—");
};

} // namespace tosserp::client
