#include "client/src/ui/product_model.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

#include <algorithm>

namespace tosserp::client {

namespace {

constexpr int kShown = 200;

} // namespace

ProductModel::ProductModel(QObject* parent)
    : QAbstractListModel(parent)
{
    connect(AppState::instance(), &AppState::dataChanged, this, &ProductModel::reload);
    reload();
}

int ProductModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ProductModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SkuRole:
        return QString::fromStdString(row.value("sku", ""));
    case NameRole:
        return QString::fromStdString(row.value("name", ""));
    case PriceRole:
        return QString::fromStdString(row["price"].value("amount", "") + " " + row["price"].value("currency", ""));
    case BarcodeRole:
        return row["barcodes"].empty() ? QString() : QString::fromStdString(row["barcodes"][0].value("code", ""));
    case UnitRole:
        return QString::fromStdString(row.value("unit", ""));
    case PendingRole:
        return row.value("pending", false);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProductModel::roleNames() const
{
    return { { SkuRole, "sku" }, { NameRole, "name" }, { PriceRole, "price" }, { BarcodeRole, "barcode" },
        { UnitRole, "unit" }, { PendingRole, "pending" } };
}

void ProductModel::setQuery(const QString& query)
{
    if (query == m_query) {
        return;
    }
    m_query = query;
    emit queryChanged();
    reload();
}

int ProductModel::limit() const
{
    return kShown;
}

void ProductModel::setSort(const QString& sort)
{
    if (sort == m_sort) {
        return;
    }
    m_sort = sort;
    emit queryChanged();
    reload();
}

void ProductModel::setCategoryId(qint64 id)
{
    if (id == m_categoryId) {
        return;
    }
    m_categoryId = id;
    emit queryChanged();
    reload();
}

void ProductModel::reload()
{
    const auto generation = ++*m_latest;
    AppState::instance()->read(
        this,
        [text = m_query.trimmed().toStdString(), sort = m_sort.toStdString(), categoryId = m_categoryId, generation,
            latest = m_latest](Replica& replica) -> std::optional<std::vector<nlohmann::json>> {
            if (generation != latest->load()) {
                return std::nullopt; // a newer key press asked again meanwhile
            }
            const auto category = categoryId > 0 ? std::optional<std::int64_t>(categoryId) : std::nullopt;
            if (text.empty()) {
                return replica.products(sort, category, kShown);
            }
            auto rows = replica.search(text, kShown, category);
            if (!sort.empty()) {
                std::stable_sort(rows.begin(), rows.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
                    return QString::fromStdString(a.value(sort, std::string()))
                               .compare(QString::fromStdString(b.value(sort, std::string())), Qt::CaseInsensitive)
                        < 0;
                });
            }
            return rows;
        },
        [this, generation](std::optional<std::vector<nlohmann::json>> rows) {
            if (!rows || generation != m_latest->load()) {
                return;
            }
            beginResetModel();
            m_rows = std::move(*rows);
            endResetModel();
            emit countChanged();
            emit loaded();
        });
}

} // namespace tosserp::client
