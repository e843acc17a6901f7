#include "server/stock/demo_seed.h"

#include "domain/barcode.h"

#include <array>
#include <cstdio>
#include <stdexcept>

namespace tosserp::stock {

namespace {

template <class T> T must(domain::Result<T> result, const char* what)
{
    if (!result.ok()) {
        throw std::runtime_error(std::string("demo seed failed at ") + what + ": " + result.error().message);
    }
    return std::move(result).value();
}

struct CategorySpec {
    const char* name;
    const char* prefix;
    const char* unit;
    std::array<const char*, 8> items;
    std::array<const char*, 5> variants;
};

const std::array<CategorySpec, 5> kCategories { {
    { "Beverages", "BEV", "pcs",
        { "Sparkling water", "Still water", "Orange juice", "Apple juice", "Cola", "Iced tea", "Ginger ale",
            "Lemonade" },
        { "0.33 l can", "0.5 l bottle", "1 l bottle", "1.5 l bottle", "6-pack" } },
    { "Snacks", "SNK", "pcs",
        { "Salted crisps", "Paprika crisps", "Pretzel sticks", "Trail mix", "Chocolate bar", "Oat biscuits",
            "Rice crackers", "Peanuts" },
        { "50 g", "100 g", "150 g", "200 g", "family pack" } },
    { "Household", "HSH", "pcs",
        { "Dish soap", "Laundry liquid", "Glass cleaner", "Sponges", "Paper towels", "Trash bags", "Hand soap",
            "Floor cleaner" },
        { "small", "medium", "large", "refill", "value pack" } },
    { "Stationery", "STN", "pcs",
        { "Ballpoint pen", "Gel pen", "Pencil", "Notebook", "Sticky notes", "Highlighter", "Stapler", "Envelope" },
        { "blue", "black", "red", "set of 5", "set of 10" } },
    { "Bulk foods", "BLK", "kg",
        { "Basmati rice", "Red lentils", "Rolled oats", "Chickpeas", "Brown sugar", "Wheat flour", "Coffee beans",
            "Sunflower seeds" },
        { "organic", "premium", "standard", "fair trade", "economy" } },
} };

} // namespace

DemoSummary seedDemoCompany(CatalogService& catalog, WarehouseService& warehouses, InventoryService& inventory)
{
    DemoSummary summary;
    ProductQuery any;
    any.limit = 1;
    if (!catalog.products(any).items.empty() || !warehouses.warehouses().empty()) {
        return summary;
    }
    events::EventContext context;
    context.actor = "demo-seed";
    context.correlationId = "demo-seed";

    const auto main = must(warehouses.createWarehouse("MAIN", "Main warehouse", context), "warehouse MAIN");
    const auto east = must(warehouses.createWarehouse("EAST", "East depot", context), "warehouse EAST");
    summary.warehouses = 2;
    std::vector<std::int64_t> mainShelves;
    std::vector<std::int64_t> eastShelves;
    for (const auto* code : { "A-01", "A-02", "B-01", "B-02" }) {
        mainShelves.push_back(
            must(warehouses.createLocation(main.id, code, std::string("Aisle ") + code, "internal", context), code).id);
        ++summary.locations;
    }
    for (const auto* code : { "R-01", "R-02" }) {
        eastShelves.push_back(
            must(warehouses.createLocation(east.id, code, std::string("Rack ") + code, "internal", context), code).id);
        ++summary.locations;
    }

    const auto root = must(catalog.createCategory("All goods", std::nullopt, context), "root category");
    ++summary.categories;
    std::vector<MovementInput> receipts;
    std::vector<MovementInput> followUps;
    int serial = 0;
    for (std::size_t c = 0; c < kCategories.size(); ++c) {
        const auto& spec = kCategories[c];
        const auto category = must(catalog.createCategory(spec.name, root.id, context), spec.name);
        ++summary.categories;
        for (std::size_t i = 0; i < spec.items.size(); ++i) {
            for (std::size_t v = 0; v < spec.variants.size(); ++v) {
                ++serial;
                char sku[32];
                std::snprintf(sku, sizeof sku, "%s-%04d", spec.prefix, serial);
                char digits[16];
                // 12 digits in a company prefix range of our own, plus the computed check digit.
                std::snprintf(digits, sizeof digits, "20%010d", 4200000 + serial);
                const int cents = 49 + static_cast<int>((serial * 137) % 2400);
                char price[16];
                std::snprintf(price, sizeof price, "%d.%02d", cents / 100, cents % 100);
                domain::ProductDraft draft;
                draft.sku = sku;
                draft.name = std::string(spec.items[i]) + ", " + spec.variants[v];
                draft.description = std::string(spec.name) + " from the demo company's range.";
                draft.categoryId = category.id;
                draft.unit = spec.unit;
                draft.priceAmount = price;
                draft.currency = "EUR";
                draft.barcodes = { domain::Barcode::withCheckDigit(digits) };
                const auto product = must(catalog.createProduct(draft, context), sku);
                ++summary.products;

                const auto shelf = mainShelves[static_cast<std::size_t>(serial) % mainShelves.size()];
                const std::string qty = std::string(spec.unit) == "kg" ? "25.5" : std::to_string(20 + serial % 60);
                MovementInput receipt;
                receipt.kind = "receipt";
                receipt.productId = product.id();
                receipt.quantity = qty;
                receipt.toLocationId = shelf;
                receipt.reference = "PO-" + std::to_string(1000 + serial / 10);
                receipts.push_back(receipt);

                if (serial % 3 == 0) {
                    MovementInput transfer;
                    transfer.kind = "transfer";
                    transfer.productId = product.id();
                    transfer.quantity = "5";
                    transfer.fromLocationId = shelf;
                    transfer.toLocationId = eastShelves[static_cast<std::size_t>(serial) % eastShelves.size()];
                    followUps.push_back(transfer);
                }
                if (serial % 4 == 0) {
                    MovementInput shipment;
                    shipment.kind = "shipment";
                    shipment.productId = product.id();
                    shipment.quantity = "3";
                    shipment.fromLocationId = shelf;
                    shipment.reference = "SO-" + std::to_string(5000 + serial);
                    followUps.push_back(shipment);
                }
                if (serial % 10 == 0) {
                    must(inventory.setReorderPoint(
                             product.id(), main.id, std::to_string(40 + serial % 50), "100", context),
                        "reorder point");
                }
            }
        }
    }
    summary.movements += static_cast<int>(
        must(inventory.recordMovements(receipts, std::nullopt, context), "receipts").outcomes.size());
    summary.movements += static_cast<int>(
        must(inventory.recordMovements(followUps, std::nullopt, context), "transfers and shipments").outcomes.size());
    return summary;
}

} // namespace tosserp::stock
