#pragma once

#include "domain/category.h"
#include "domain/product.h"
#include "domain/result.h"
#include "server/core/page.h"
#include "server/db/database.h"
#include "server/events/event_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::stock {

/// Filters of the product list. `search` matches a SKU or barcode exactly, a SKU prefix, or
/// a part of the name (case-insensitive). `categoryId` includes its subcategories.
struct ProductQuery {
    std::optional<std::int64_t> categoryId;
    std::optional<bool> active;
    std::string search;
    std::int64_t afterId = 0;
    int limit = 50;
};

/// The catalog of the Stock domain: categories and products. Every change runs in one write
/// transaction with its domain event; refusals come back as domain errors and change
/// nothing. Thread-safe.
class CatalogService {
public:
    explicit CatalogService(db::Database& database);

    domain::Result<domain::Category> createCategory(
        std::string_view name, std::optional<std::int64_t> parentId, const events::EventContext& context);
    /// `expectedVersion` (from If-Match) must equal the stored version when given.
    domain::Result<domain::Category> updateCategory(std::int64_t id, const std::optional<std::string>& name,
        const std::optional<std::optional<std::int64_t>>& parentId, std::optional<std::int64_t> expectedVersion,
        const events::EventContext& context);
    /// Refuses ("category_in_use") while subcategories or live products reference it.
    domain::Result<void> deleteCategory(
        std::int64_t id, std::optional<std::int64_t> expectedVersion, const events::EventContext& context);
    domain::Result<domain::Category> category(std::int64_t id) const;
    std::vector<domain::Category> categories() const;

    /// Refuses a SKU or barcode another live product holds ("duplicate_sku",
    /// "duplicate_barcode", Conflict) and an unknown category.
    domain::Result<domain::Product> createProduct(
        const domain::ProductDraft& draft, const events::EventContext& context);
    domain::Result<domain::Product> product(std::int64_t id) const;
    domain::Result<domain::Product> updateProduct(std::int64_t id, const domain::ProductPatch& patch,
        std::optional<std::int64_t> expectedVersion, const events::EventContext& context);
    /// Soft delete: the product disappears from reads and frees its SKU and barcodes; its
    /// events and movements stay. Refused ("product_in_stock", Conflict) while it has stock
    /// in a warehouse or active reservations.
    domain::Result<void> deleteProduct(
        std::int64_t id, std::optional<std::int64_t> expectedVersion, const events::EventContext& context);
    Page<domain::Product> products(const ProductQuery& query) const;
    /// The events of the product's stream (its audit trail), oldest first.
    domain::Result<std::vector<events::EventRecord>> productEvents(
        std::int64_t id, std::int64_t afterPosition, int limit) const;

private:
    db::Database& m_db;
};

/// Loads a live product inside an open transaction; nullopt when absent or deleted.
std::optional<domain::Product> loadProduct(db::Connection& connection, std::int64_t id);
/// Up to `limit` live products with ids above `afterId`, in id order, in one statement.
std::vector<domain::Product> loadProductsAfter(db::Connection& connection, std::int64_t afterId, int limit);

} // namespace tosserp::stock
