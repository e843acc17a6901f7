#include "domain/product.h"

#include "domain/text.h"

namespace tosserp::domain {

Result<Product> Product::create(const ProductDraft& draft)
{
    auto sku = Sku::parse(draft.sku);
    if (!sku)
        return withField(sku.error(), "sku");
    auto name = validateName(draft.name, "name", kMaxNameLength);
    if (!name)
        return name.error();
    auto description = validateText(draft.description, "description", kMaxDescriptionLength, true);
    if (!description)
        return description.error();
    if (draft.categoryId && *draft.categoryId <= 0)
        return invalid("invalid_category_id", "The category id must be positive.", "category_id");
    auto unit = Unit::parse(draft.unit);
    if (!unit)
        return withField(unit.error(), "unit");
    auto currency = Currency::parse(draft.currency);
    if (!currency)
        return withField(currency.error(), "price.currency");
    auto price = Money::parse(draft.priceAmount, currency.value());
    if (!price)
        return withField(price.error(), "price.amount");
    if (price->isNegative())
        return invalid("negative_price", "The price cannot be negative.", "price.amount");
    if (draft.barcodes.size() > kMaxBarcodes)
        return invalid("too_many_barcodes", "A product has at most 20 barcodes.", "barcodes");

    std::vector<Barcode> barcodes;
    barcodes.reserve(draft.barcodes.size());
    for (std::size_t i = 0; i < draft.barcodes.size(); ++i) {
        const std::string field = "barcodes[" + std::to_string(i) + "]";
        auto barcode = Barcode::parse(draft.barcodes[i]);
        if (!barcode)
            return withField(barcode.error(), field);
        for (const auto& earlier : barcodes) {
            if (earlier == barcode.value())
                return invalid("duplicate_barcode",
                    "The barcode " + barcode->value() + " appears more than once on this product.", field);
        }
        barcodes.push_back(std::move(barcode).value());
    }

    Product product(std::move(sku).value(), std::move(price).value());
    product.m_name = std::move(name).value();
    product.m_description = std::move(description).value();
    product.m_categoryId = draft.categoryId;
    product.m_unit = std::move(unit).value();
    product.m_barcodes = std::move(barcodes);
    return product;
}

Product Product::restore(std::int64_t id, Sku sku, std::string name, std::string description,
    std::optional<std::int64_t> categoryId, Unit unit, Money price, std::vector<Barcode> barcodes, bool active,
    std::int64_t version)
{
    Product product(std::move(sku), std::move(price));
    product.m_id = id;
    product.m_name = std::move(name);
    product.m_description = std::move(description);
    product.m_categoryId = categoryId;
    product.m_unit = std::move(unit);
    product.m_barcodes = std::move(barcodes);
    product.m_active = active;
    product.m_version = version;
    return product;
}

ProductDraft Product::toDraft() const
{
    ProductDraft draft;
    draft.sku = m_sku.value();
    draft.name = m_name;
    draft.description = m_description;
    draft.categoryId = m_categoryId;
    draft.unit = m_unit.code();
    draft.priceAmount = m_price.toDecimalString();
    draft.currency = m_price.currency().code();
    for (const auto& barcode : m_barcodes)
        draft.barcodes.push_back(barcode.value());
    return draft;
}

Result<std::vector<std::string>> Product::apply(const ProductPatch& patch)
{
    ProductDraft merged = toDraft();
    if (patch.sku)
        merged.sku = *patch.sku;
    if (patch.name)
        merged.name = *patch.name;
    if (patch.description)
        merged.description = *patch.description;
    if (patch.categoryId)
        merged.categoryId = *patch.categoryId;
    if (patch.unit)
        merged.unit = *patch.unit;
    if (patch.priceAmount)
        merged.priceAmount = *patch.priceAmount;
    if (patch.currency)
        merged.currency = *patch.currency;
    if (patch.barcodes)
        merged.barcodes = *patch.barcodes;

    auto candidate = create(merged);
    if (!candidate)
        return candidate.error();
    Product& next = candidate.value();
    next.m_active = patch.active.value_or(m_active);

    std::vector<std::string> changed;
    if (!(next.m_sku == m_sku))
        changed.emplace_back("sku");
    if (next.m_name != m_name)
        changed.emplace_back("name");
    if (next.m_description != m_description)
        changed.emplace_back("description");
    if (next.m_categoryId != m_categoryId)
        changed.emplace_back("category_id");
    if (!(next.m_unit == m_unit))
        changed.emplace_back("unit");
    if (!(next.m_price == m_price))
        changed.emplace_back("price");
    if (next.m_barcodes != m_barcodes)
        changed.emplace_back("barcodes");
    if (next.m_active != m_active)
        changed.emplace_back("active");
    if (changed.empty())
        return changed;

    next.m_id = m_id;
    next.m_version = m_version + 1;
    *this = std::move(next);
    return changed;
}

} // namespace tosserp::domain
