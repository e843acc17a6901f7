#include "server/orders/orders_api.h"

#include "domain/security.h"
#include "server/core/ids.h"
#include "server/http/api.h"
#include "server/http/json_body.h"

namespace tosserp::orders {

using namespace tosserp::http;

namespace {

Response orderResponse(int status, const domain::Order& order)
{
    return Response::json(status, orderToJson(order)).withHeader("ETag", etag(order.version()));
}

OrderRequest readOrder(const nlohmann::json& json)
{
    JsonReader body(json, { "customer_id", "warehouse_id", "lines", "tax_rate" });
    OrderRequest request;
    request.customerId = body.requiredInt("customer_id");
    request.warehouseId = body.requiredInt("warehouse_id");
    request.taxRateBasisPoints = static_cast<int>(body.optionalInt("tax_rate").value_or(0));
    if (json.is_object() && json.contains("tax_rate") && json["tax_rate"].is_number_integer()) {
        const auto rate = json["tax_rate"].get<std::int64_t>();
        if (rate < 0 || rate > domain::Order::kMaxTaxRateBasisPoints) {
            body.addError("tax_rate", "invalid_tax_rate", "The tax rate is 0 to 10000 basis points (0 to 100 %).");
        }
    }
    const auto* lines = body.optionalArray("lines");
    if (!lines && !body.has("lines")) {
        body.addError("lines", "required", "This field is required.");
    }
    if (lines) {
        for (std::size_t i = 0; i < lines->size(); ++i) {
            JsonReader line((*lines)[i], { "product_id", "quantity" }, "lines[" + std::to_string(i) + "]");
            LineRequest entry;
            entry.productId = line.requiredInt("product_id");
            entry.quantity = line.requiredDecimal("quantity");
            for (auto& error : line.takeErrors()) {
                body.addError(error.field, error.code, error.message);
            }
            request.lines.push_back(std::move(entry));
        }
    }
    body.finish();
    return request;
}

std::string readReason(const Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "reason" });
    auto reason = body.requiredString("reason");
    body.finish();
    return reason;
}

} // namespace

void registerOrderRoutes(Router& router, OrdersService& orders)
{
    const std::string read(domain::permission::kOrdersRead);
    const std::string write(domain::permission::kOrdersWrite);
    router.add("GET", "/api/v1/customers", read, [&](Request& r) {
        const auto page = orders.customers(cursorKey(r), pageLimit(r, 100, 1000));
        auto items = nlohmann::json::array();
        for (const auto& customer : page.items) {
            items.push_back(customerToJson(customer));
        }
        return Response::json(200, pageJson(std::move(items), page.nextCursor));
    });
    router.add("POST", "/api/v1/customers", write, [&](Request& r) {
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "name", "email" });
        const auto name = body.requiredString("name");
        const auto email = body.optionalString("email").value_or("");
        body.finish();
        const auto customer = unwrap(orders.createCustomer(name, email, eventContext(r)));
        return Response::json(201, customerToJson(customer))
            .withHeader("Location", "/api/v1/customers/" + std::to_string(customer.id));
    });
    router.add("GET", "/api/v1/customers/{id}", read,
        [&](Request& r) { return Response::json(200, customerToJson(unwrap(orders.customer(pathId(r))))); });
    // Registered before /orders/{id}, which would take "summary" for an id.
    router.add("GET", "/api/v1/orders/summary", read, [&](Request& r) {
        const auto since = queryTime(r, "since");
        return countsResponse(since, "by_state", orders.orderCounts(since, r.principal->warehouses));
    });
    router.add("GET", "/api/v1/orders", read, [&](Request& r) {
        OrderQuery query;
        if (const auto state = r.queryParam("state")) {
            query.state = domain::parseOrderState(*state);
            if (!query.state) {
                throw ApiError(400, "invalid_query",
                    "state is draft, placed, reserved, paid, shipped, cancelled or rejected.",
                    { { "state", "invalid_value", "Unknown order state." } });
            }
        }
        query.customerId = queryId(r, "customer_id");
        query.warehouses = r.principal->warehouses;
        query.afterId = cursorKey(r);
        query.limit = pageLimit(r, 100, 1000);
        const auto page = orders.orders(query);
        auto items = nlohmann::json::array();
        for (const auto& order : page.items) {
            items.push_back(orderToJson(order));
        }
        return Response::json(200, pageJson(std::move(items), page.nextCursor));
    });
    router.add("POST", "/api/v1/orders", write, [&](Request& r) {
        const auto request = readOrder(parseJsonBody(r));
        unwrap(domain::checkWarehouseScope(*r.principal, request.warehouseId, "warehouse_id"));
        const auto order = unwrap(orders.createOrder(request, idempotencyKey(r), eventContext(r)));
        return orderResponse(201, order).withHeader("Location", "/api/v1/orders/" + std::to_string(order.id()));
    });
    router.add("GET", "/api/v1/orders/{id}", read, [&](Request& r) {
        const auto order = unwrap(orders.order(pathId(r)));
        unwrap(domain::checkWarehouseScope(*r.principal, order.warehouseId(), ""));
        return orderResponse(200, order);
    });
    // Acting on an order needs its warehouse, as reading it does.
    const auto inScope = [&orders](const Request& r, std::int64_t id) {
        unwrap(domain::checkWarehouseScope(*r.principal, unwrap(orders.order(id)).warehouseId(), ""));
    };
    router.add("POST", "/api/v1/orders/{id}/place", write, [&, inScope](Request& r) {
        const auto id = pathId(r);
        inScope(r, id);
        return orderResponse(200, unwrap(orders.place(id, eventContext(r))));
    });
    router.add("POST", "/api/v1/orders/{id}/cancel", write, [&, inScope](Request& r) {
        const auto id = pathId(r);
        inScope(r, id);
        return orderResponse(200, unwrap(orders.cancel(id, readReason(r), eventContext(r))));
    });
    router.add(
        "POST", "/api/v1/orders/{id}/ship", std::string(domain::permission::kStockMove), [&, inScope](Request& r) {
            const auto id = pathId(r);
            inScope(r, id);
            return orderResponse(200, unwrap(orders.ship(id, eventContext(r))));
        });
}

} // namespace tosserp::orders
