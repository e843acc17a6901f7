#pragma once

// The inventory part of the domain in one include.
#include "domain/ledger.h"
#include "domain/location.h"
#include "domain/movement.h"
#include "domain/reorder.h"
#include "domain/reservation.h"
#include "domain/warehouse.h"
