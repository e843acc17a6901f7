#include "server/stock/stock_api.h"

#include "domain/security.h"
#include "server/http/api.h"

#include "domain/serialization.h"
#include "server/core/ids.h"

namespace tosserp::stock {

using namespace tosserp::http;

namespace {

Response productResponse(int status, const domain::Product& product)
{
    return Response::json(status, domain::productToJson(product)).withHeader("ETag", etag(product.version()));
}

void readPrice(
    JsonReader& body, std::optional<std::string>& amount, std::optional<std::string>& currency, bool required)
{
    const auto* price = body.optionalObject("price");
    if (!price) {
        if (required && !body.has("price")) {
            body.addError("price", "required", "This field is required.");
        }
        return;
    }
    JsonReader reader(*price, { "amount", "currency" }, "price");
    amount = required ? std::optional(reader.requiredDecimal("amount")) : reader.optionalDecimal("amount");
    currency = required ? std::optional(reader.requiredString("currency")) : reader.optionalString("currency");
    for (auto& error : reader.takeErrors()) {
        body.addError(error.field, error.code, error.message);
    }
}

} // namespace

domain::ProductPatch productPatchFromJson(const nlohmann::json& fields, const std::string& prefix)
{
    JsonReader body(
        fields, { "sku", "name", "description", "category_id", "unit", "price", "barcodes", "active" }, prefix);
    domain::ProductPatch patch;
    patch.sku = body.optionalString("sku");
    patch.name = body.optionalString("name");
    patch.description = body.optionalString("description");
    patch.categoryId = body.optionalNullableInt("category_id");
    patch.unit = body.optionalString("unit");
    readPrice(body, patch.priceAmount, patch.currency, false);
    patch.barcodes = body.optionalStringArray("barcodes");
    patch.active = body.optionalBool("active");
    body.finish();
    return patch;
}

namespace {

Response createProduct(CatalogService& catalog, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "sku", "name", "description", "category_id", "unit", "price", "barcodes" });
    domain::ProductDraft draft;
    draft.sku = body.requiredString("sku");
    draft.name = body.requiredString("name");
    draft.description = body.optionalString("description").value_or("");
    draft.categoryId = body.optionalNullableInt("category_id").value_or(std::nullopt);
    draft.unit = body.optionalString("unit").value_or("pcs");
    std::optional<std::string> amount, currency;
    readPrice(body, amount, currency, true);
    draft.priceAmount = amount.value_or("");
    draft.currency = currency.value_or("");
    draft.barcodes = body.optionalStringArray("barcodes").value_or(std::vector<std::string> {});
    body.finish();
    const auto product = unwrap(catalog.createProduct(draft, eventContext(request)));
    return productResponse(201, product).withHeader("Location", "/api/v1/products/" + std::to_string(product.id()));
}

Response updateProduct(CatalogService& catalog, Request& request)
{
    const auto id = pathId(request);
    const auto expected = ifMatchVersion(request);
    const auto patch = productPatchFromJson(parseJsonBody(request));
    return productResponse(200, unwrap(catalog.updateProduct(id, patch, expected, eventContext(request))));
}

Response listProducts(CatalogService& catalog, Request& request)
{
    ProductQuery query;
    query.categoryId = queryId(request, "category_id");
    query.active = queryBool(request, "active");
    query.search = request.queryParam("q").value_or("");
    if (query.search.size() > 200) {
        throw ApiError(400, "invalid_query", "The search text is longer than 200 characters.",
            { { "q", "too_long", "At most 200 characters." } });
    }
    query.limit = pageLimit(request, 50, 500);
    query.afterId = cursorKey(request);
    const auto page = catalog.products(query);
    auto items = nlohmann::json::array();
    for (const auto& product : page.items) {
        items.push_back(domain::productToJson(product));
    }
    return Response::json(200, pageJson(std::move(items), page.nextCursor));
}

Response productEvents(CatalogService& catalog, Request& request)
{
    const auto id = pathId(request);
    const int limit = pageLimit(request, 100, 1000);
    const auto records = unwrap(catalog.productEvents(id, cursorKey(request), limit + 1));
    auto items = nlohmann::json::array();
    std::optional<std::string> next;
    for (std::size_t i = 0; i < records.size() && i < static_cast<std::size_t>(limit); ++i) {
        items.push_back(events::EventStore::toJson(records[i]));
    }
    if (records.size() > static_cast<std::size_t>(limit)) {
        next = encodeCursor(records[static_cast<std::size_t>(limit) - 1].position);
    }
    return Response::json(200, pageJson(std::move(items), next));
}

Response productMovements(CatalogService& catalog, InventoryService& inventory, Request& request)
{
    const auto id = pathId(request);
    // A deleted product keeps its history: check existence the way the audit trail does.
    unwrap(catalog.productEvents(id, 0, 1));
    MovementQuery query;
    query.productId = id;
    query.warehouses = request.principal->warehouses;
    query.limit = pageLimit(request, 100, 1000);
    query.afterId = cursorKey(request);
    const auto page = inventory.movements(query);
    auto items = nlohmann::json::array();
    for (const auto& movement : page.items) {
        items.push_back(movementJson(movement));
    }
    return Response::json(200, pageJson(std::move(items), page.nextCursor));
}

Response createCategory(CatalogService& catalog, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "name", "parent_id" });
    const auto name = body.requiredString("name");
    const auto parent = body.optionalNullableInt("parent_id").value_or(std::nullopt);
    body.finish();
    const auto category = unwrap(catalog.createCategory(name, parent, eventContext(request)));
    return Response::json(201, domain::categoryToJson(category))
        .withHeader("ETag", etag(category.version))
        .withHeader("Location", "/api/v1/categories/" + std::to_string(category.id));
}

Response updateCategory(CatalogService& catalog, Request& request)
{
    const auto id = pathId(request);
    const auto expected = ifMatchVersion(request);
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "name", "parent_id" });
    const auto name = body.optionalString("name");
    const auto parent = body.optionalNullableInt("parent_id");
    body.finish();
    const auto category = unwrap(catalog.updateCategory(id, name, parent, expected, eventContext(request)));
    return Response::json(200, domain::categoryToJson(category)).withHeader("ETag", etag(category.version));
}

} // namespace

void registerCatalogRoutes(Router& router, CatalogService& catalog, InventoryService& inventory)
{
    router.add("GET", "/api/v1/products", std::string(domain::permission::kCatalogRead),
        [&](Request& r) { return listProducts(catalog, r); });
    router.add("POST", "/api/v1/products", std::string(domain::permission::kCatalogWrite),
        [&](Request& r) { return createProduct(catalog, r); });
    router.add("GET", "/api/v1/products/{id}", std::string(domain::permission::kCatalogRead),
        [&](Request& r) { return productResponse(200, unwrap(catalog.product(pathId(r)))); });
    router.add("PATCH", "/api/v1/products/{id}", std::string(domain::permission::kCatalogWrite),
        [&](Request& r) { return updateProduct(catalog, r); });
    router.add("DELETE", "/api/v1/products/{id}", std::string(domain::permission::kCatalogWrite), [&](Request& r) {
        unwrap(catalog.deleteProduct(pathId(r), ifMatchVersion(r), eventContext(r)));
        return Response::noContent();
    });
    router.add("GET", "/api/v1/products/{id}/events", std::string(domain::permission::kAuditRead),
        [&](Request& r) { return productEvents(catalog, r); });
    router.add("GET", "/api/v1/products/{id}/movements", std::string(domain::permission::kStockRead),
        [&](Request& r) { return productMovements(catalog, inventory, r); });

    router.add("GET", "/api/v1/categories", std::string(domain::permission::kCatalogRead), [&](Request&) {
        auto items = nlohmann::json::array();
        for (const auto& category : catalog.categories()) {
            items.push_back(domain::categoryToJson(category));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("POST", "/api/v1/categories", std::string(domain::permission::kCatalogWrite),
        [&](Request& r) { return createCategory(catalog, r); });
    router.add("GET", "/api/v1/categories/{id}", std::string(domain::permission::kCatalogRead), [&](Request& r) {
        const auto category = unwrap(catalog.category(pathId(r)));
        return Response::json(200, domain::categoryToJson(category)).withHeader("ETag", etag(category.version));
    });
    router.add("PATCH", "/api/v1/categories/{id}", std::string(domain::permission::kCatalogWrite),
        [&](Request& r) { return updateCategory(catalog, r); });
    router.add("DELETE", "/api/v1/categories/{id}", std::string(domain::permission::kCatalogWrite), [&](Request& r) {
        unwrap(catalog.deleteCategory(pathId(r), ifMatchVersion(r), eventContext(r)));
        return Response::noContent();
    });
}

} // namespace tosserp::stock
