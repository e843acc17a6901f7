#include "client/src/ui/replica_models.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"
#include "domain/quantity.h"

namespace tosserp::client {

namespace {

Replica& replica()
{
    return *AppState::instance()->replica();
}

/// The Stock page lists the first levels; a person narrows with the product's code.
constexpr int kShownLevels = 1000;

QString quantity(std::int64_t milli, const std::string& unit)
{
    const auto u = domain::Unit::parse(unit.empty() ? "pcs" : unit);
    return QString::fromStdString(
        domain::Quantity::fromMilli(milli, u ? u.value() : domain::Unit {}).value().toDecimalString());
}

QString shown(const nlohmann::json& value)
{
    if (value.is_string()) {
        return QString::fromStdString(value.get<std::string>());
    }
    if (value.is_object() && value.contains("amount")) {
        return QString::fromStdString(value.value("amount", "") + " " + value.value("currency", ""));
    }
    return QString::fromStdString(value.dump());
}

} // namespace

LevelModel::LevelModel(QObject* parent)
    : QAbstractListModel(parent)
{
    connect(AppState::instance(), &AppState::dataChanged, this, &LevelModel::reload);
    reload();
}

int LevelModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant LevelModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SkuRole:
        return QString::fromStdString(row["sku"].get<std::string>());
    case NameRole:
        return QString::fromStdString(row["name"].get<std::string>());
    case LocationRole:
        return QString::fromStdString(row["location"].get<std::string>());
    case OnHandRole:
        return QString::fromStdString(row["on_hand"].get<std::string>());
    case PendingRole:
        return QString::fromStdString(row["pending"].get<std::string>());
    default:
        return {};
    }
}

QHash<int, QByteArray> LevelModel::roleNames() const
{
    return { { SkuRole, "sku" }, { NameRole, "name" }, { LocationRole, "location" }, { OnHandRole, "onHand" },
        { PendingRole, "pending" } };
}

int LevelModel::limit() const
{
    return kShownLevels;
}

void LevelModel::setProductCode(const QString& code)
{
    if (code.trimmed() == m_productCode) {
        return;
    }
    m_productCode = code.trimmed();
    reload();
}

void LevelModel::reload()
{
    AppState::instance()->read(
        this,
        [code = m_productCode.toStdString()](Replica& replica) {
            std::vector<nlohmann::json> rows;
            std::optional<std::int64_t> only;
            if (!code.empty()) {
                const auto product = replica.productByCode(code);
                if (!product) {
                    return rows;
                }
                only = product->value("id", std::int64_t { 0 });
            }
            for (const auto& level : replica.levels(only, kShownLevels)) {
                rows.push_back({ { "sku", level.sku }, { "name", level.name }, { "location", level.locationCode },
                    { "on_hand", quantity(level.serverMilli + level.pendingMilli, level.unit).toStdString() },
                    { "pending",
                        level.pendingMilli == 0 ? std::string()
                                                : quantity(level.pendingMilli, level.unit).toStdString() } });
            }
            return rows;
        },
        [this](std::vector<nlohmann::json> rows) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            emit countChanged();
        });
}

ConflictModel::ConflictModel(QObject* parent)
    : QAbstractListModel(parent)
{
    connect(AppState::instance(), &AppState::dataChanged, this, &ConflictModel::reload);
    reload();
}

int ConflictModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ConflictModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return static_cast<qint64>(row["id"].get<std::int64_t>());
    case ProductRole:
        return QString::fromStdString(row["product"].get<std::string>());
    case FieldRole:
        return QString::fromStdString(row["field"].get<std::string>());
    case BaseRole:
        return shown(row["base"]);
    case MineRole:
        return shown(row["mine"]);
    case TheirsRole:
        return shown(row["theirs"]);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return { { IdRole, "conflictId" }, { ProductRole, "product" }, { FieldRole, "field" }, { BaseRole, "base" },
        { MineRole, "mine" }, { TheirsRole, "theirs" } };
}

bool ConflictModel::resolve(qint64 id, bool keepMine)
{
    try {
        const bool done = replica().resolveConflict(id, keepMine);
        if (done) {
            AppState::instance()->notifyReplicaChanged();
        }
        return done;
    } catch (const std::exception&) {
        return false;
    }
}

void ConflictModel::reload()
{
    beginResetModel();
    m_rows.clear();
    try {
        for (const auto& c : replica().conflicts()) {
            const auto product = replica().product(c.productId);
            m_rows.push_back({ { "id", c.id },
                { "product",
                    product ? product->value("sku", "") + " " + product->value("name", "")
                            : std::to_string(c.productId) },
                { "field", c.field }, { "base", c.base }, { "mine", c.mine }, { "theirs", c.theirs } });
        }
    } catch (const std::exception&) {
        m_rows.clear();
    }
    endResetModel();
    emit countChanged();
}

} // namespace tosserp::client
