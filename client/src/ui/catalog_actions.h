#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace tosserp::client {

/// What the Catalog page does beyond browsing: new products and categories (created on the
/// server, then pulled into the replica by a sync), CSV import with progress and a report of
/// the rows refused, and CSV export of the replica. Network and file work run on the worker
/// thread; the state here is for bindings.
class CatalogActions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// {id, label} maps of the replica's categories, by name (read again after each change).
    Q_PROPERTY(QVariantList categories READ categories NOTIFY categoriesChanged)
    Q_PROPERTY(bool working READ working NOTIFY stateChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY stateChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    /// The rows an import refused, as "line N: reason".
    Q_PROPERTY(QStringList rejected READ rejected NOTIFY stateChanged)
    /// Why the server refused the last new product, per form field ("sku", "name", …).
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY stateChanged)

public:
    explicit CatalogActions(QObject* parent = nullptr);

    const QVariantList& categories() const { return m_categories; }
    bool working() const { return m_working; }
    int progressDone() const { return m_done; }
    int progressTotal() const { return m_total; }
    const QString& message() const { return m_message; }
    bool failed() const { return m_failed; }
    const QStringList& rejected() const { return m_rejected; }
    const QVariantMap& fieldErrors() const { return m_fieldErrors; }

    /// Checks the fields like the server does (the domain's rules) and returns a message per
    /// field that is wrong; when all are fine, sends the product to the server and returns {}
    /// (the outcome arrives in `message` and `fieldErrors`). `barcodes` are separated by
    /// spaces or commas; `categoryId` 0 for none.
    Q_INVOKABLE QVariantMap createProduct(const QString& sku, const QString& name, const QString& price,
        const QString& currency, const QString& unit, qint64 categoryId, const QString& barcodes);
    /// Creates a category with this name on the server.
    Q_INVOKABLE void createCategory(const QString& name);
    /// Imports a CSV file (a path or a file: URL) on the server; progress in progressDone/Total.
    Q_INVOKABLE void importCsv(const QString& file);
    /// Exports the replica's products to a CSV file (a path or a file: URL).
    Q_INVOKABLE void exportCsv(const QString& file);

signals:
    void categoriesChanged();
    void stateChanged();
    /// A product or category was created (the replica has it after the sync that follows).
    void created();

private:
    void loadCategories();
    void begin(const QString& message);
    void finish(bool ok, const QString& message);

    QVariantList m_categories;
    bool m_working = false;
    int m_done = 0;
    int m_total = 0;
    QString m_message;
    bool m_failed = false;
    QStringList m_rejected;
    QVariantMap m_fieldErrors;
};

} // namespace tosserp::client
