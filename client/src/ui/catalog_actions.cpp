#include "client/src/ui/catalog_actions.h"

#include "client/src/replica.h"
#include "client/src/ui/app_state.h"
#include "client/src/ui/sync_worker.h"
#include "domain/product.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace tosserp::client {

namespace {

/// A local path from what a file dialog or a person gives: a file: URL or a path.
QString localPath(const QString& file)
{
    const QUrl url(file);
    return url.isLocalFile() ? url.toLocalFile() : file;
}

/// The form field a domain or server error names ("price.amount" → "price", "barcodes[2]" →
/// "barcodes", "category_id" → "category").
QString formField(const std::string& field)
{
    const auto name = QString::fromStdString(field);
    if (name.startsWith("price.amount")) {
        return "price";
    }
    if (name.startsWith("price.currency")) {
        return "currency";
    }
    if (name.startsWith("barcodes")) {
        return "barcodes";
    }
    if (name == "category_id") {
        return "category";
    }
    return name;
}

/// What to tell a person about a field the domain refused.
QString fieldMessage(const QString& field)
{
    if (field == "sku") {
        return CatalogActions::tr("Letters, digits and - _ . / (starting with a letter or digit), at most 64.");
    }
    if (field == "name") {
        return CatalogActions::tr("A name is required: at most 200 characters, on one line.");
    }
    if (field == "price") {
        return CatalogActions::tr("A price such as 12.90, not negative.");
    }
    if (field == "currency") {
        return CatalogActions::tr("A currency code such as EUR.");
    }
    if (field == "unit") {
        return CatalogActions::tr("A unit such as pcs, kg or m.");
    }
    if (field == "barcodes") {
        return CatalogActions::tr("EAN-13, EAN-8 or UPC-A with its check digit, or a code without spaces.");
    }
    return CatalogActions::tr("Not accepted.");
}

} // namespace

CatalogActions::CatalogActions(QObject* parent)
    : QObject(parent)
{
    auto* state = AppState::instance();
    connect(state, &AppState::dataChanged, this, &CatalogActions::loadCategories);
    loadCategories();
    connect(state->worker(), &SyncWorker::transferProgress, this, [this](int done, int total) {
        m_done = done;
        m_total = total;
        emit stateChanged();
    });
    connect(state->worker(), &SyncWorker::transferDone, this,
        [this](bool ok, const QString& summary, const QStringList& rejected) {
            m_rejected = rejected;
            finish(ok, summary);
        });
}

void CatalogActions::loadCategories()
{
    // Read once per change on the reader thread, not at every binding that asks.
    AppState::instance()->read(
        this,
        [](Replica& replica) {
            auto rows = replica.rows("categories");
            std::sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
                return a.value("name", std::string()) < b.value("name", std::string());
            });
            QVariantList out;
            for (const auto& row : rows) {
                out.push_back(QVariantMap { { "id", QVariant::fromValue(row.value("id", std::int64_t { 0 })) },
                    { "label", QString::fromStdString(row.value("name", std::string())) } });
            }
            return out;
        },
        [this](QVariantList categories) {
            if (categories != m_categories) {
                m_categories = std::move(categories);
                emit categoriesChanged();
            }
        });
}

void CatalogActions::begin(const QString& message)
{
    m_working = true;
    m_done = 0;
    m_total = 0;
    m_failed = false;
    m_message = message;
    m_rejected.clear();
    m_fieldErrors.clear();
    emit stateChanged();
}

void CatalogActions::finish(bool ok, const QString& message)
{
    m_working = false;
    m_failed = !ok;
    m_message = message;
    emit stateChanged();
}

QVariantMap CatalogActions::createProduct(const QString& sku, const QString& name, const QString& price,
    const QString& currency, const QString& unit, qint64 categoryId, const QString& barcodes)
{
    if (m_working) {
        return {}; // one thing at a time: an import's report stays until it ends
    }
    domain::ProductDraft draft;
    draft.sku = sku.trimmed().toStdString();
    draft.name = name.trimmed().toStdString();
    draft.priceAmount = price.trimmed().toStdString();
    draft.currency = currency.trimmed().isEmpty() ? "EUR" : currency.trimmed().toUpper().toStdString();
    draft.unit = unit.trimmed().isEmpty() ? "pcs" : unit.trimmed().toStdString();
    if (categoryId > 0) {
        draft.categoryId = categoryId;
    }
    for (const auto& code : barcodes.split(QRegularExpression("[\\s,]+"), Qt::SkipEmptyParts)) {
        draft.barcodes.push_back(code.toStdString());
    }
    // The domain reports the first wrong field; checking each field alone shows them all.
    QVariantMap errors;
    const auto product = domain::Product::create(draft);
    if (!product) {
        const auto first = formField(product.error().field);
        errors[first] = fieldMessage(first);
        const auto amount = domain::Money::parse(draft.priceAmount, domain::Currency::parse("EUR").value());
        const std::pair<const char*, bool> checks[] = {
            { "sku", !domain::Sku::parse(draft.sku) },
            { "name", draft.name.empty() || draft.name.size() > domain::Product::kMaxNameLength },
            { "price", !amount || amount.value().isNegative() },
        };
        for (const auto& [field, wrong] : checks) {
            if (wrong) {
                errors[field] = fieldMessage(field);
            }
        }
        return errors;
    }
    nlohmann::json body = { { "sku", draft.sku }, { "name", draft.name }, { "unit", draft.unit },
        { "price", { { "amount", draft.priceAmount }, { "currency", draft.currency } } },
        { "barcodes", draft.barcodes } };
    if (draft.categoryId) {
        body["category_id"] = *draft.categoryId;
    }
    begin(tr("Sending…"));
    AppState::instance()->callServer(this, "POST", "/api/v1/products", body,
        [this, sku = sku.trimmed()](bool ok, const nlohmann::json& answer, const QString& why) {
            if (!ok && answer.is_object() && answer.contains("errors") && answer["errors"].is_array()) {
                for (const auto& error : answer["errors"]) {
                    if (error.is_object()) {
                        m_fieldErrors[formField(error.value("field", std::string()))]
                            = QString::fromStdString(error.value("message", std::string()));
                    }
                }
            }
            finish(ok, ok ? tr("Product %1 created.").arg(sku) : why);
            if (ok) {
                emit created();
                AppState::instance()->syncNow();
            }
        });
    return {};
}

void CatalogActions::createCategory(const QString& name)
{
    if (m_working) {
        return;
    }
    if (name.trimmed().isEmpty()) {
        finish(false, tr("A category needs a name."));
        return;
    }
    begin(tr("Sending…"));
    AppState::instance()->callServer(this, "POST", "/api/v1/categories", { { "name", name.trimmed().toStdString() } },
        [this, name = name.trimmed()](bool ok, const nlohmann::json&, const QString& why) {
            finish(ok, ok ? tr("Category %1 created.").arg(name) : why);
            if (ok) {
                emit created();
                AppState::instance()->syncNow();
            }
        });
}

void CatalogActions::importCsv(const QString& file)
{
    if (m_working) {
        return;
    }
    begin(tr("Importing…"));
    QMetaObject::invokeMethod(
        AppState::instance()->worker(), "importProducts", Qt::QueuedConnection, Q_ARG(QString, localPath(file)));
}

void CatalogActions::exportCsv(const QString& file)
{
    if (m_working) {
        return;
    }
    begin(tr("Exporting…"));
    QMetaObject::invokeMethod(
        AppState::instance()->worker(), "exportProducts", Qt::QueuedConnection, Q_ARG(QString, localPath(file)));
}

} // namespace tosserp::client
