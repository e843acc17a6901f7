#pragma once

#include "server/http/router.h"
#include "server/payments/payments_service.h"

namespace tosserp::payments {

/// /api/v1/payments (list, one with its ledger) and /api/v1/payments/{id}/refund.
void registerPaymentRoutes(http::Router& router, PaymentsService& payments);

} // namespace tosserp::payments
