#include "client/src/ui/dashboard.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"
#include "domain/money.h"

#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace tosserp::client {

namespace {

// Quantity in thousandths × price in minor units needs more than 64 bits.
__extension__ typedef __int128 Wide;

} // namespace

Dashboard::Dashboard(QObject* parent)
    : QObject(parent)
{
    connect(AppState::instance(), &AppState::dataChanged, this, &Dashboard::refresh);
    refresh();
}

void Dashboard::refresh()
{
    try {
        auto& replica = *AppState::instance()->replica();
        struct ProductFacts {
            std::string name;
            std::int64_t priceMinor = 0;
            std::string currency;
            std::int64_t milli = 0;
        };
        std::map<std::int64_t, ProductFacts> products;
        std::map<std::int64_t, std::map<std::string, Wide>> valueByWarehouse; // minor units × 1000
        std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> onHandByWarehouse;
        for (const auto& level : replica.levels()) {
            auto it = products.find(level.productId);
            if (it == products.end()) {
                ProductFacts facts;
                if (const auto row = replica.product(level.productId)) {
                    facts.name = row->value("name", "");
                    facts.currency = (*row)["price"].value("currency", "EUR");
                    const auto currency = domain::Currency::parse(facts.currency);
                    const auto price = currency
                        ? domain::Money::parse((*row)["price"].value("amount", "0"), currency.value())
                        : domain::Result<domain::Money>(domain::invalid("", ""));
                    facts.priceMinor = price ? price.value().minor() : 0;
                }
                it = products.emplace(level.productId, facts).first;
            }
            const auto milli = level.serverMilli + level.pendingMilli;
            it->second.milli += milli;
            valueByWarehouse[level.warehouseId][it->second.currency]
                += static_cast<Wide>(milli) * it->second.priceMinor;
            onHandByWarehouse[{ level.productId, level.warehouseId }] += milli;
        }
        // Stock value: one figure per currency, exact in minor units.
        std::map<std::string, Wide> totals;
        for (const auto& [warehouse, byCurrency] : valueByWarehouse) {
            (void)warehouse;
            for (const auto& [currency, value] : byCurrency) {
                totals[currency] += value;
            }
        }
        QStringList parts;
        for (const auto& [currency, value] : totals) {
            const auto parsed = domain::Currency::parse(currency);
            if (parsed) {
                parts << QString::fromStdString(
                    domain::Money::of(static_cast<std::int64_t>(value / 1000), parsed.value()).toDecimalString() + " "
                    + currency);
            }
        }
        m_stockValue = parts.isEmpty() ? QStringLiteral("0") : parts.join(" + ");

        m_warehouseNames.clear();
        m_warehouseValues.clear();
        m_maxValue = 0;
        for (const auto& row : replica.rows("warehouses")) {
            Wide value = 0;
            for (const auto& [currency, amount] : valueByWarehouse[row["id"].get<std::int64_t>()]) {
                (void)currency;
                value += amount;
            }
            const double shown = static_cast<double>(value) / 100000.0; // for drawing only
            m_warehouseNames << QString::fromStdString(row.value("code", ""));
            m_warehouseValues << shown;
            m_maxValue = std::max(m_maxValue, shown);
        }

        std::vector<std::pair<std::int64_t, std::string>> ranked;
        for (const auto& [id, facts] : products) {
            ranked.emplace_back(facts.milli, facts.name);
        }
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        m_topProducts.clear();
        m_topUnits.clear();
        m_maxUnits = 0;
        for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) {
            m_topProducts << QString::fromStdString(ranked[i].second).left(24);
            m_topUnits << static_cast<double>(ranked[i].first) / 1000.0;
            m_maxUnits = std::max(m_maxUnits, static_cast<double>(ranked[i].first) / 1000.0);
        }

        // A horizontal bar chart draws its first category at the bottom: the largest goes last.
        std::reverse(m_topProducts.begin(), m_topProducts.end());
        std::reverse(m_topUnits.begin(), m_topUnits.end());

        m_belowReorder = 0;
        QSqlQuery points(replica.database());
        points.exec("SELECT product_id, warehouse_id, min_milli FROM reorder_points");
        while (points.next()) {
            const auto key = std::pair { points.value(0).toLongLong(), points.value(1).toLongLong() };
            const auto it = onHandByWarehouse.find(key);
            if ((it == onHandByWarehouse.end() ? 0 : it->second) < points.value(2).toLongLong()) {
                ++m_belowReorder;
            }
        }
        m_products = static_cast<int>(replica.count("products"));
    } catch (const std::exception&) {
        m_stockValue = QStringLiteral("—"); // an unreadable replica shows no figures, never a crash
    }
    emit changed();
}

} // namespace tosserp::client
