#pragma once

// The catalog part of the domain in one include: categories and products.
#include "domain/category.h"
#include "domain/product.h"
