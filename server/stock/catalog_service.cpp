#include "server/stock/catalog_service.h"

#include "domain/events.h"
#include "server/core/ids.h"
#include "server/stock/db_timer.h"
#include "server/stock/stock_events.h"

namespace tosserp::stock {

using domain::Error;
using domain::Result;

namespace {

constexpr const char* kSelectProduct
    = "SELECT p.id, p.sku, p.name, p.description, p.category_id, p.unit, p.price_minor, p.currency, p.active, "
      "p.version, (SELECT json_group_array(json_array(code, symbology)) FROM (SELECT code, symbology FROM "
      "product_barcodes b WHERE b.product_id = p.id ORDER BY position) AS codes) FROM products p ";

domain::Product readProduct(const db::Statement& q)
{
    std::vector<domain::Barcode> barcodes;
    const auto list = nlohmann::json::parse(q.text(10));
    for (const auto& pair : list) {
        barcodes.push_back(domain::Barcode::parse(pair[0].get<std::string>()).value());
    }
    const auto currency = domain::Currency::parse(q.text(7)).value();
    return domain::Product::restore(q.integer(0), domain::Sku::parse(q.text(1)).value(), q.text(2), q.text(3),
        q.optionalInteger(4), domain::Unit::parse(q.text(5)).value(), domain::Money::of(q.integer(6), currency),
        std::move(barcodes), q.integer(8) != 0, q.integer(9));
}

domain::CategoryTree loadTree(db::Connection& c)
{
    domain::CategoryTree tree;
    auto& q = c.prepare("SELECT id, parent_id FROM categories");
    while (q.step()) {
        tree.add(q.integer(0), q.optionalInteger(1));
    }
    q.reset();
    return tree;
}

std::optional<domain::Category> loadCategory(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare("SELECT id, name, parent_id, version FROM categories WHERE id = ?");
    q.bind(1, id);
    std::optional<domain::Category> result;
    if (q.step()) {
        result = domain::Category { q.integer(0), q.text(1), q.optionalInteger(2), q.integer(3) };
    }
    q.reset();
    return result;
}

bool categoryExists(db::Connection& c, std::int64_t id)
{
    return loadCategory(c, id).has_value();
}

Error staleVersion(std::int64_t current)
{
    return domain::preconditionFailed("version_mismatch",
        "The resource changed since it was read (now at version " + std::to_string(current)
            + "); read it again and retry.");
}

/// Refuses a SKU or barcode held by another live product.
std::optional<Error> uniquenessError(db::Connection& c, const domain::Product& product)
{
    auto& sku = c.prepare("SELECT id FROM products WHERE sku = ? AND deleted_at IS NULL AND id <> ?");
    sku.bindAll({ product.sku().value(), product.id() });
    const bool skuTaken = sku.step();
    sku.reset();
    if (skuTaken) {
        return domain::conflict(
            "duplicate_sku", "Another product already has the SKU " + product.sku().value() + ".", "sku");
    }
    const auto& barcodes = product.barcodes();
    for (std::size_t i = 0; i < barcodes.size(); ++i) {
        auto& q = c.prepare("SELECT product_id FROM product_barcodes WHERE code = ? AND product_id <> ?");
        q.bindAll({ barcodes[i].value(), product.id() });
        const bool taken = q.step();
        q.reset();
        if (taken) {
            return domain::conflict("duplicate_barcode",
                "Another product already has the barcode " + barcodes[i].value() + ".",
                "barcodes[" + std::to_string(i) + "]");
        }
    }
    return std::nullopt;
}

void writeBarcodes(db::Connection& c, const domain::Product& product)
{
    c.prepare("DELETE FROM product_barcodes WHERE product_id = ?").bind(1, product.id()).run();
    std::int64_t position = 0;
    for (const auto& barcode : product.barcodes()) {
        c.prepare("INSERT INTO product_barcodes (code, product_id, symbology, position) VALUES (?, ?, ?, ?)")
            .bindAll(
                { barcode.value(), product.id(), std::string(domain::symbologyName(barcode.symbology())), position++ })
            .run();
    }
}

db::Value optionalValue(const std::optional<std::int64_t>& v)
{
    if (!v) {
        return nullptr;
    }
    return *v;
}

} // namespace

CatalogService::CatalogService(db::Database& database)
    : m_db(database)
{ }

Result<domain::Category> CatalogService::createCategory(
    std::string_view name, std::optional<std::int64_t> parentId, const events::EventContext& context)
{
    auto created = domain::Category::create(name, parentId);
    if (!created) {
        return created.error();
    }
    DbTimer timer("category.create");
    return m_db.write([&](db::Connection& c) -> Result<domain::Category> {
        auto category = created.value();
        if (category.parentId && !categoryExists(c, *category.parentId)) {
            return domain::unprocessable("category_not_found", "The parent category does not exist.", "parent_id");
        }
        const auto now = nowMs();
        category.id = c.prepare("INSERT INTO categories (name, parent_id, version, created_at, updated_at) VALUES (?, "
                                "?, 1, ?, ?) RETURNING id")
                          .bindAll({ category.name, optionalValue(category.parentId), now, now })
                          .insertedKey();
        const domain::StockEvent event = domain::CategoryCreated { category };
        appendEvent(c, event, context);
        return category;
    });
}

Result<domain::Category> CatalogService::updateCategory(std::int64_t id, const std::optional<std::string>& name,
    const std::optional<std::optional<std::int64_t>>& parentId, std::optional<std::int64_t> expectedVersion,
    const events::EventContext& context)
{
    DbTimer timer("category.update");
    return m_db.write([&](db::Connection& c) -> Result<domain::Category> {
        auto current = loadCategory(c, id);
        if (!current) {
            return domain::notFound("category_not_found", "There is no category " + std::to_string(id) + ".");
        }
        if (expectedVersion && *expectedVersion != current->version) {
            return staleVersion(current->version);
        }
        auto updated = *current;
        std::vector<std::string> changed;
        if (name) {
            auto checked = domain::Category::create(*name, std::nullopt);
            if (!checked) {
                return checked.error();
            }
            if (checked.value().name != current->name) {
                updated.name = checked.value().name;
                changed.push_back("name");
            }
        }
        if (parentId) {
            if (*parentId && *parentId.value() <= 0) {
                return domain::invalid("invalid_parent_id", "A parent id is a positive number.", "parent_id");
            }
            const auto tree = loadTree(c);
            if (auto allowed = tree.canSetParent(id, *parentId); !allowed) {
                auto error = domain::withField(allowed.error(), "parent_id");
                if (error.kind == domain::ErrorKind::NotFound) {
                    // The category in the address exists; the one the body names does not.
                    error.kind = domain::ErrorKind::Unprocessable;
                }
                return error;
            }
            if (*parentId != current->parentId) {
                updated.parentId = *parentId;
                changed.push_back("parent_id");
            }
        }
        if (changed.empty()) {
            return updated;
        }
        updated.version = current->version + 1;
        c.prepare("UPDATE categories SET name = ?, parent_id = ?, version = ?, updated_at = ? WHERE id = ?")
            .bindAll({ updated.name, optionalValue(updated.parentId), updated.version, nowMs(), id })
            .run();
        const domain::StockEvent event = domain::CategoryUpdated { updated, changed };
        appendEvent(c, event, context);
        return updated;
    });
}

Result<void> CatalogService::deleteCategory(
    std::int64_t id, std::optional<std::int64_t> expectedVersion, const events::EventContext& context)
{
    DbTimer timer("category.delete");
    return m_db.write([&](db::Connection& c) -> Result<void> {
        auto current = loadCategory(c, id);
        if (!current) {
            return domain::notFound("category_not_found", "There is no category " + std::to_string(id) + ".");
        }
        if (expectedVersion && *expectedVersion != current->version) {
            return staleVersion(current->version);
        }
        auto& used = c.prepare("SELECT (SELECT COUNT(*) FROM categories WHERE parent_id = ?1) + (SELECT COUNT(*) "
                               "FROM products WHERE category_id = ?1 AND deleted_at IS NULL)");
        used.bind(1, id);
        used.step();
        const auto references = used.integer(0);
        used.reset();
        if (references > 0) {
            return domain::conflict(
                "category_in_use", "The category still has subcategories or products; move them first.");
        }
        // Deleted products keep their category id for history; detach them so the row can go.
        c.prepare("UPDATE products SET category_id = NULL WHERE category_id = ?").bind(1, id).run();
        c.prepare("DELETE FROM categories WHERE id = ?").bind(1, id).run();
        const domain::StockEvent event = domain::CategoryDeleted { id, current->name };
        appendEvent(c, event, context);
        return {};
    });
}

Result<domain::Category> CatalogService::category(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadCategory(c, id); });
    if (!found) {
        return domain::notFound("category_not_found", "There is no category " + std::to_string(id) + ".");
    }
    return *found;
}

std::vector<domain::Category> CatalogService::categories() const
{
    return m_db.read([&](db::Connection& c) {
        std::vector<domain::Category> out;
        auto& q = c.prepare("SELECT id, name, parent_id, version FROM categories ORDER BY id");
        while (q.step()) {
            out.push_back(domain::Category { q.integer(0), q.text(1), q.optionalInteger(2), q.integer(3) });
        }
        q.reset();
        return out;
    });
}

std::optional<domain::Product> loadProduct(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare(std::string(kSelectProduct) + "WHERE p.id = ? AND p.deleted_at IS NULL");
    q.bind(1, id);
    std::optional<domain::Product> result;
    if (q.step()) {
        result = readProduct(q);
    }
    q.reset();
    return result;
}

std::vector<domain::Product> loadProductsAfter(db::Connection& c, std::int64_t afterId, int limit)
{
    auto& q = c.prepare(std::string(kSelectProduct) + "WHERE p.id > ? AND p.deleted_at IS NULL ORDER BY p.id LIMIT ?");
    q.bindAll({ afterId, std::int64_t { limit } });
    std::vector<domain::Product> out;
    while (q.step()) {
        out.push_back(readProduct(q));
    }
    q.reset();
    return out;
}

Result<domain::Product> CatalogService::createProduct(
    const domain::ProductDraft& draft, const events::EventContext& context)
{
    auto created = domain::Product::create(draft);
    if (!created) {
        return created.error();
    }
    DbTimer timer("product.create");
    return m_db.write([&](db::Connection& c) -> Result<domain::Product> {
        auto product = created.value();
        if (product.categoryId() && !categoryExists(c, *product.categoryId())) {
            return domain::unprocessable("category_not_found", "The category does not exist.", "category_id");
        }
        if (auto error = uniquenessError(c, product)) {
            return *error;
        }
        const auto now = nowMs();
        product.setId(
            c.prepare("INSERT INTO products (sku, name, description, category_id, unit, price_minor, currency, active, "
                      "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?) RETURNING id")
                .bindAll(
                    { product.sku().value(), product.name(), product.description(), optionalValue(product.categoryId()),
                        product.unit().code(), product.price().minor(), product.price().currency().code(), now, now })
                .insertedKey());
        writeBarcodes(c, product);
        const domain::StockEvent event = domain::ProductCreated { product };
        appendEvent(c, event, context);
        return product;
    });
}

Result<domain::Product> CatalogService::product(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadProduct(c, id); });
    if (!found) {
        return domain::notFound("product_not_found", "There is no product " + std::to_string(id) + ".");
    }
    return std::move(*found);
}

Result<domain::Product> CatalogService::updateProduct(std::int64_t id, const domain::ProductPatch& patch,
    std::optional<std::int64_t> expectedVersion, const events::EventContext& context)
{
    DbTimer timer("product.update");
    return m_db.write([&](db::Connection& c) -> Result<domain::Product> {
        auto product = loadProduct(c, id);
        if (!product) {
            return domain::notFound("product_not_found", "There is no product " + std::to_string(id) + ".");
        }
        if (expectedVersion && *expectedVersion != product->version()) {
            return staleVersion(product->version());
        }
        auto changed = product->apply(patch);
        if (!changed) {
            return changed.error();
        }
        if (changed.value().empty()) {
            return std::move(*product);
        }
        if (patch.categoryId && *patch.categoryId && !categoryExists(c, **patch.categoryId)) {
            return domain::unprocessable("category_not_found", "The category does not exist.", "category_id");
        }
        if (auto error = uniquenessError(c, *product)) {
            return *error;
        }
        c.prepare("UPDATE products SET sku = ?, name = ?, description = ?, category_id = ?, unit = ?, price_minor = ?, "
                  "currency = ?, active = ?, version = ?, updated_at = ? WHERE id = ?")
            .bindAll(
                { product->sku().value(), product->name(), product->description(), optionalValue(product->categoryId()),
                    product->unit().code(), product->price().minor(), product->price().currency().code(),
                    std::int64_t { product->active() ? 1 : 0 }, product->version(), nowMs(), id })
            .run();
        writeBarcodes(c, *product);
        const domain::StockEvent event = domain::productUpdated(*product, changed.value());
        appendEvent(c, event, context);
        return std::move(*product);
    });
}

Result<void> CatalogService::deleteProduct(
    std::int64_t id, std::optional<std::int64_t> expectedVersion, const events::EventContext& context)
{
    DbTimer timer("product.delete");
    return m_db.write([&](db::Connection& c) -> Result<void> {
        auto product = loadProduct(c, id);
        if (!product) {
            return domain::notFound("product_not_found", "There is no product " + std::to_string(id) + ".");
        }
        if (expectedVersion && *expectedVersion != product->version()) {
            return staleVersion(product->version());
        }
        auto& held = c.prepare("SELECT (SELECT COUNT(*) FROM stock_levels s JOIN locations l ON l.id = s.location_id "
                               "WHERE s.product_id = ?1 "
                               "AND l.kind = 'internal' AND s.quantity_milli <> 0) + (SELECT COUNT(*) FROM "
                               "reservations WHERE product_id = "
                               "?1 AND state = 'active')");
        held.bind(1, id);
        held.step();
        const auto holdings = held.integer(0);
        held.reset();
        if (holdings > 0) {
            return domain::conflict("product_in_stock",
                "The product still has stock on hand or active reservations; ship, move or adjust "
                "it to zero first.");
        }
        c.prepare("UPDATE products SET deleted_at = ?, version = version + 1 WHERE id = ?")
            .bindAll({ nowMs(), id })
            .run();
        c.prepare("DELETE FROM product_barcodes WHERE product_id = ?").bind(1, id).run();
        const domain::StockEvent event = domain::ProductDeleted { id, product->sku().value() };
        appendEvent(c, event, context);
        return {};
    });
}

Page<domain::Product> CatalogService::products(const ProductQuery& query) const
{
    DbTimer timer("product.list");
    return m_db.read([&](db::Connection& c) {
        db::Value categories = nullptr;
        if (query.categoryId) {
            const auto ids = loadTree(c).descendantsOf(*query.categoryId);
            categories = nlohmann::json(ids.empty() ? std::vector<std::int64_t> { *query.categoryId } : ids).dump();
        }
        db::Value search = nullptr;
        db::Value like = nullptr;
        db::Value prefix = nullptr;
        if (!query.search.empty()) {
            std::string escaped;
            for (char ch : query.search) {
                if (ch == '%' || ch == '_' || ch == '\\') {
                    escaped += '\\';
                }
                escaped += ch;
            }
            search = query.search;
            like = "%" + escaped + "%";
            prefix = escaped + "%";
        }
        db::Value active = nullptr;
        if (query.active) {
            active = std::int64_t { *query.active ? 1 : 0 };
        }
        auto& q = c.prepare(std::string(kSelectProduct)
            + "WHERE p.deleted_at IS NULL AND p.id > ?1 AND (?2 IS NULL OR p.active = ?2) AND (?3 IS NULL OR "
              "p.category_id IN (SELECT value FROM json_each(?3))) AND (?4 IS NULL OR p.sku = ?4 OR p.sku LIKE ?5 "
              "ESCAPE '\\' OR p.name LIKE ?6 ESCAPE '\\' OR p.id IN (SELECT product_id FROM product_barcodes WHERE "
              "code = ?4)) ORDER BY p.id LIMIT ?7");
        q.bindAll({ query.afterId, active, categories, search, prefix, like, std::int64_t { query.limit + 1 } });
        Page<domain::Product> page;
        while (q.step()) {
            page.items.push_back(readProduct(q));
        }
        q.reset();
        if (static_cast<int>(page.items.size()) > query.limit) {
            page.items.pop_back();
            page.nextCursor = encodeCursor(page.items.back().id());
        }
        return page;
    });
}

Result<std::vector<events::EventRecord>> CatalogService::productEvents(
    std::int64_t id, std::int64_t afterPosition, int limit) const
{
    return m_db.read([&](db::Connection& c) -> Result<std::vector<events::EventRecord>> {
        auto& exists = c.prepare("SELECT 1 FROM products WHERE id = ?");
        exists.bind(1, id);
        const bool found = exists.step();
        exists.reset();
        if (!found) {
            return domain::notFound("product_not_found", "There is no product " + std::to_string(id) + ".");
        }
        events::EventFilter filter;
        filter.streamId = "product-" + std::to_string(id);
        filter.afterPosition = afterPosition;
        filter.limit = limit;
        return events::EventStore::list(c, filter);
    });
}

} // namespace tosserp::stock
