#pragma once

#include "domain/barcode.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/result.h"
#include "domain/sku.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::domain {

/// Raw input for a new product, as it arrives from a form or a JSON body.
struct ProductDraft {
    std::string sku;
    std::string name;
    std::string description;
    std::optional<std::int64_t> categoryId;
    std::string unit = "pcs";
    std::string priceAmount = "0"; ///< decimal string, e.g. "12.34"
    std::string currency = "EUR";
    std::vector<std::string> barcodes;
};

/// A partial update: only engaged members change. categoryId holds an inner nullopt to
/// clear the category.
struct ProductPatch {
    std::optional<std::string> sku;
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> unit;
    std::optional<std::string> priceAmount;
    std::optional<std::string> currency;
    std::optional<std::optional<std::int64_t>> categoryId;
    std::optional<std::vector<std::string>> barcodes;
    std::optional<bool> active;
};

/// A sellable, stockable item. Every instance obtained from create() or apply() satisfies
/// the rules below; restore() trusts storage. Uniqueness of SKU and barcodes across
/// products is the caller's (storage) concern.
class Product {
public:
    static constexpr std::size_t kMaxNameLength = 200;
    static constexpr std::size_t kMaxDescriptionLength = 2000;
    static constexpr std::size_t kMaxBarcodes = 20;

    /// Validates every field and reports the first error, in this order, with its field:
    /// "sku" (Sku::parse), "name" (validateName, 1..200), "description" (≤2000, multi-line),
    /// "category_id" (positive, "invalid_category_id"), "unit" (Unit::parse),
    /// "price.currency" (Currency::parse), "price.amount" (Money::parse; below zero is
    /// "negative_price"), "barcodes" (more than 20: "too_many_barcodes"), "barcodes[i]"
    /// (Barcode::parse, or "duplicate_barcode" for a repeat within the product).
    /// The new product has id 0, version 1 and is active.
    static Result<Product> create(const ProductDraft& draft);

    /// Rebuilds a product loaded from storage; no validation.
    static Product restore(std::int64_t id, Sku sku, std::string name, std::string description,
        std::optional<std::int64_t> categoryId, Unit unit, Money price, std::vector<Barcode> barcodes, bool active,
        std::int64_t version);

    /// Applies `patch` atomically: the merged fields are validated exactly like create()
    /// and on error nothing changes. Returns the names of the fields whose value actually
    /// changed, in the order "sku", "name", "description", "category_id", "unit", "price",
    /// "barcodes", "active"; bumps version by one iff that list is not empty.
    Result<std::vector<std::string>> apply(const ProductPatch& patch);

    /// The product's fields in draft form (price as a decimal string).
    ProductDraft toDraft() const;

    std::int64_t id() const { return m_id; }
    const Sku& sku() const { return m_sku; }
    const std::string& name() const { return m_name; }
    const std::string& description() const { return m_description; }
    const std::optional<std::int64_t>& categoryId() const { return m_categoryId; }
    const Unit& unit() const { return m_unit; }
    const Money& price() const { return m_price; }
    const std::vector<Barcode>& barcodes() const { return m_barcodes; }
    bool active() const { return m_active; }
    std::int64_t version() const { return m_version; }

    void setId(std::int64_t id) { m_id = id; }
    void setVersion(std::int64_t version) { m_version = version; }

private:
    Product(Sku sku, Money price)
        : m_sku(std::move(sku))
        , m_price(std::move(price))
    { }

    std::int64_t m_id = 0;
    Sku m_sku;
    std::string m_name;
    std::string m_description;
    std::optional<std::int64_t> m_categoryId;
    Unit m_unit;
    Money m_price;
    std::vector<Barcode> m_barcodes;
    bool m_active = true;
    std::int64_t m_version = 1;
};

} // namespace tosserp::domain
