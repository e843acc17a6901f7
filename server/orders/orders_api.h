#pragma once

#include "server/http/router.h"
#include "server/orders/orders_service.h"

namespace tosserp::orders {

/// /api/v1/customers and /api/v1/orders (+ place, cancel, ship). Handlers parse and
/// serialise; OrdersService decides.
void registerOrderRoutes(http::Router& router, OrdersService& orders);

} // namespace tosserp::orders
