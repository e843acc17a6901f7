#include "client/src/ui/dashboard.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"
#include "domain/money.h"

#include <QDateTime>

#include <algorithm>
#include <map>

namespace tosserp::client {

namespace {

// Quantity in thousandths × price in minor units needs more than 64 bits.
__extension__ typedef __int128 Wide;

} // namespace

/// What the page shows, computed on the reader thread.
struct DashboardFigures {
    bool ok = false;
    QString asOf; ///< when the figures were computed, for figures kept from before
    QString stockValue;
    int belowReorder = 0;
    int products = 0;
    QStringList warehouseNames;
    QVariantList warehouseValues;
    QStringList topProducts;
    QVariantList topUnits;
    double maxValue = 0;
    double maxUnits = 0;
};

namespace {

const char* const kKept = "dashboard_figures";

QStringList strings(const nlohmann::json& list)
{
    QStringList out;
    for (const auto& item : list) {
        out << QString::fromStdString(item.get<std::string>());
    }
    return out;
}

QVariantList numbers(const nlohmann::json& list)
{
    QVariantList out;
    for (const auto& item : list) {
        out << item.get<double>();
    }
    return out;
}

/// The figures the last computation kept in the replica, so a cold start shows them at once.
DashboardFigures kept(Replica& replica)
{
    DashboardFigures out;
    const auto json = nlohmann::json::parse(replica.meta(kKept), nullptr, false);
    if (!json.is_object()) {
        return out;
    }
    out.stockValue = QString::fromStdString(json.value("stock_value", ""));
    out.belowReorder = json.value("below_reorder", 0);
    out.products = json.value("products", 0);
    out.warehouseNames = strings(json.value("warehouse_names", nlohmann::json::array()));
    out.warehouseValues = numbers(json.value("warehouse_values", nlohmann::json::array()));
    out.topProducts = strings(json.value("top_products", nlohmann::json::array()));
    out.topUnits = numbers(json.value("top_units", nlohmann::json::array()));
    out.maxValue = json.value("max_value", 0.0);
    out.maxUnits = json.value("max_units", 0.0);
    out.asOf = QString::fromStdString(json.value("computed_at", ""));
    out.ok = true;
    return out;
}

void keep(Replica& replica, const DashboardFigures& figures)
{
    nlohmann::json json = { { "stock_value", figures.stockValue.toStdString() },
        { "below_reorder", figures.belowReorder }, { "products", figures.products },
        { "warehouse_names", nlohmann::json::array() }, { "warehouse_values", nlohmann::json::array() },
        { "top_products", nlohmann::json::array() }, { "top_units", nlohmann::json::array() },
        { "max_value", figures.maxValue }, { "max_units", figures.maxUnits } };
    for (const auto& name : figures.warehouseNames) {
        json["warehouse_names"].push_back(name.toStdString());
    }
    for (const auto& value : figures.warehouseValues) {
        json["warehouse_values"].push_back(value.toDouble());
    }
    for (const auto& name : figures.topProducts) {
        json["top_products"].push_back(name.toStdString());
    }
    for (const auto& value : figures.topUnits) {
        json["top_units"].push_back(value.toDouble());
    }
    // Written only when the figures changed: a sum is a read, not a write, most of the time.
    auto before = nlohmann::json::parse(replica.meta(kKept), nullptr, false);
    if (before.is_object()) {
        before.erase("computed_at");
        if (before == json) {
            return;
        }
    }
    json["computed_at"] = QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm").toStdString();
    replica.setMeta(kKept, json.dump());
}

DashboardFigures compute(Replica& replica)
{
    DashboardFigures out;
    const auto figures = replica.stockFigures();
    // Value per warehouse and currency, exact: units in thousandths × price in minor units.
    std::map<std::int64_t, std::map<std::string, Wide>> valueByWarehouse;
    for (const auto& group : figures.value) {
        const auto currency = domain::Currency::parse(group.currency);
        const auto price = currency ? domain::Money::parse(group.amount, currency.value())
                                    : domain::Result<domain::Money>(domain::invalid("", ""));
        if (price) {
            valueByWarehouse[group.warehouseId][group.currency]
                += static_cast<Wide>(group.milli) * price.value().minor();
        }
    }
    std::map<std::string, Wide> totals;
    for (const auto& [warehouse, byCurrency] : valueByWarehouse) {
        (void)warehouse;
        for (const auto& [currency, value] : byCurrency) {
            totals[currency] += value;
        }
    }
    QStringList parts;
    for (const auto& [currency, value] : totals) {
        parts << QString::fromStdString(
            domain::Money::of(static_cast<std::int64_t>(value / 1000), domain::Currency::parse(currency).value())
                .toDecimalString()
            + " " + currency);
    }
    out.stockValue = parts.isEmpty() ? QStringLiteral("0") : parts.join(" + ");

    for (const auto& row : replica.rows("warehouses")) {
        Wide value = 0;
        for (const auto& [currency, amount] : valueByWarehouse[row["id"].get<std::int64_t>()]) {
            (void)currency;
            value += amount;
        }
        const double shown = static_cast<double>(value) / 100000.0; // for drawing only
        out.warehouseNames << QString::fromStdString(row.value("code", ""));
        out.warehouseValues << shown;
        out.maxValue = std::max(out.maxValue, shown);
    }
    // A horizontal bar chart draws its first category at the bottom: the largest goes last.
    for (auto it = figures.top.rbegin(); it != figures.top.rend(); ++it) {
        const double units = static_cast<double>(it->second) / 1000.0;
        out.topProducts << QString::fromStdString(it->first).left(24);
        out.topUnits << units;
        out.maxUnits = std::max(out.maxUnits, units);
    }
    out.belowReorder = static_cast<int>(figures.belowReorder);
    out.products = static_cast<int>(replica.count("products"));
    out.ok = true;
    try {
        keep(replica, out);
    } catch (const std::exception&) {
        // Only the next cold start misses them.
    }
    return out;
}

} // namespace

Dashboard::Dashboard(QObject* parent)
    : QObject(parent)
{
    connect(AppState::instance(), &AppState::dataChanged, this, &Dashboard::refresh);
    // Today's counts are the server's: asked for once now and after each sync, not on every
    // movement queued here.
    connect(AppState::instance(), &AppState::syncEnded, this, &Dashboard::refreshToday);
    refreshToday();
    // The figures of the last computation first (a large replica takes a moment to sum).
    AppState::instance()->read(this, kept, [this](DashboardFigures figures) {
        if (figures.ok && !m_ready) {
            show(figures);
        }
    });
    refresh();
}

void Dashboard::show(const DashboardFigures& figures)
{
    m_stockValue = figures.stockValue;
    m_belowReorder = figures.belowReorder;
    m_products = figures.products;
    m_warehouseNames = figures.warehouseNames;
    m_warehouseValues = figures.warehouseValues;
    m_topProducts = figures.topProducts;
    m_topUnits = figures.topUnits;
    m_maxValue = figures.maxValue;
    m_maxUnits = figures.maxUnits;
    m_asOf = figures.asOf;
    emit changed();
}

void Dashboard::refreshToday()
{
    auto* state = AppState::instance();
    if (!state->signedIn()) {
        return;
    }
    const auto since = QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC().toString(Qt::ISODate);
    const auto ask = [&](const char* permission, const QString& path, QString Dashboard::*figure) {
        if (!state->can(permission)) {
            return;
        }
        state->callServer(this, "GET", path + "?since=" + since, nullptr,
            [this, figure](bool ok, const nlohmann::json& answer, const QString&) {
                const auto total = ok && answer.is_object() ? answer.value("total", nlohmann::json()) : nullptr;
                this->*figure
                    = total.is_number_integer() ? QString::number(total.get<std::int64_t>()) : QStringLiteral("—");
                emit changed();
            });
    };
    ask("stock.read", "/api/v1/stock/movements/summary", &Dashboard::m_movementsToday);
    ask("orders.read", "/api/v1/orders/summary", &Dashboard::m_ordersToday);
}

void Dashboard::refresh()
{
    // One sum at a time; changes meanwhile ask for one more when it ends.
    if (m_computing) {
        m_again = true;
        return;
    }
    m_computing = true;
    AppState::instance()->read(
        this, compute,
        [this](DashboardFigures figures) {
            m_computing = false;
            if (m_again) {
                m_again = false;
                refresh();
            }
            if (!figures.ok) {
                m_stockValue = QStringLiteral("—"); // an unreadable replica shows no figures, never a crash
                m_ready = true;
                m_asOf.clear();
                emit changed();
                return;
            }
            m_ready = true;
            show(figures);
        },
        AppState::Lane::Background);
}

} // namespace tosserp::client
