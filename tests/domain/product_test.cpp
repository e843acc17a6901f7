#include "domain/product.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

ProductDraft teaDraft()
{
    ProductDraft draft;
    draft.sku = "TEA-001";
    draft.name = "Green tea";
    draft.description = "Loose leaf.";
    draft.categoryId = 3;
    draft.unit = "pcs";
    draft.priceAmount = "4.50";
    draft.currency = "EUR";
    draft.barcodes = { "4006381333931", "SHELF-7" };
    return draft;
}

Product stored(const ProductDraft& draft)
{
    auto product = Product::create(draft).value();
    product.setId(42);
    return product;
}

TEST(ProductTest, CreateRefusesEachBadField)
{
    struct Case {
        void (*mutate)(ProductDraft&);
        const char* code;
        const char* field;
    };
    const std::vector<Case> cases {
        { [](ProductDraft& d) { d.sku = "bad sku"; }, "invalid_sku", "sku" },
        { [](ProductDraft& d) { d.sku = ""; }, "invalid_sku", "sku" },
        { [](ProductDraft& d) { d.name = "  "; }, "required", "name" },
        { [](ProductDraft& d) { d.name = std::string(201, 'n'); }, "too_long", "name" },
        { [](ProductDraft& d) { d.description = std::string(2001, 'd'); }, "too_long", "description" },
        { [](ProductDraft& d) { d.description = "a\x01"; }, "invalid_text", "description" },
        { [](ProductDraft& d) { d.categoryId = 0; }, "invalid_category_id", "category_id" },
        { [](ProductDraft& d) { d.unit = "lb"; }, "unknown_unit", "unit" },
        { [](ProductDraft& d) { d.currency = "eur"; }, "unknown_currency", "price.currency" },
        { [](ProductDraft& d) { d.priceAmount = "4,50"; }, "invalid_amount", "price.amount" },
        { [](ProductDraft& d) { d.priceAmount = "4.505"; }, "invalid_amount_precision", "price.amount" },
        { [](ProductDraft& d) { d.priceAmount = "-0.01"; }, "negative_price", "price.amount" },
        { [](ProductDraft& d) { d.barcodes = std::vector<std::string>(21, "X"); }, "too_many_barcodes", "barcodes" },
        { [](ProductDraft& d) {
             d.barcodes = { "SHELF-7", "4006381333932" };
         },
            "invalid_barcode_check_digit", "barcodes[1]" },
        { [](ProductDraft& d) { d.barcodes = { "has space" }; }, "invalid_barcode", "barcodes[0]" },
        { [](ProductDraft& d) {
             d.barcodes = { "A", "B", " A" };
         },
            "duplicate_barcode", "barcodes[2]" },
    };
    for (const auto& c : cases) {
        auto draft = teaDraft();
        c.mutate(draft);
        EXPECT_TRUE(failsWith(Product::create(draft), ErrorKind::Invalid, c.code, c.field)) << c.code;
    }
}

TEST(ProductTest, CreateReportsTheFirstErrorInFieldOrder)
{
    auto draft = teaDraft();
    draft.name = "";
    draft.unit = "lb";
    draft.sku = "-x";
    EXPECT_TRUE(failsWith(Product::create(draft), ErrorKind::Invalid, "invalid_sku", "sku"));
    draft.sku = "OK";
    EXPECT_TRUE(failsWith(Product::create(draft), ErrorKind::Invalid, "required", "name"));
    draft.name = "Tea";
    EXPECT_TRUE(failsWith(Product::create(draft), ErrorKind::Invalid, "unknown_unit", "unit"));
}

TEST(ProductTest, CreateNormalizesAndFillsDefaults)
{
    auto draft = teaDraft();
    draft.sku = " TEA-001 ";
    draft.name = " Green tea ";
    draft.priceAmount = "4.5";
    const auto product = Product::create(draft);
    ASSERT_TRUE(succeeds(product));
    EXPECT_EQ(product->id(), 0);
    EXPECT_EQ(product->version(), 1);
    EXPECT_TRUE(product->active());
    EXPECT_EQ(product->sku().value(), "TEA-001");
    EXPECT_EQ(product->name(), "Green tea");
    EXPECT_EQ(product->description(), "Loose leaf.");
    EXPECT_EQ(product->categoryId(), 3);
    EXPECT_EQ(product->unit().code(), "pcs");
    EXPECT_EQ(product->price().minor(), 450);
    EXPECT_EQ(product->price().currency().code(), "EUR");
    ASSERT_EQ(product->barcodes().size(), 2u);
    EXPECT_EQ(product->barcodes()[0].symbology(), Symbology::Ean13);
    EXPECT_EQ(product->barcodes()[1].symbology(), Symbology::Internal);
}

TEST(ProductTest, CreateAcceptsLimits)
{
    auto draft = teaDraft();
    draft.name = std::string(200, 'n');
    draft.description = std::string(2000, 'd');
    draft.priceAmount = "0";
    draft.currency = "JPY";
    draft.categoryId = std::nullopt;
    draft.barcodes.clear();
    for (int i = 0; i < 20; ++i)
        draft.barcodes.push_back("CODE-" + std::to_string(i));
    const auto product = Product::create(draft);
    ASSERT_TRUE(succeeds(product));
    EXPECT_EQ(product->barcodes().size(), 20u);
    EXPECT_EQ(product->categoryId(), std::nullopt);
    EXPECT_EQ(product->price().toDecimalString(), "0");
}

TEST(ProductTest, ApplyIsAtomicOnError)
{
    auto product = stored(teaDraft());
    ProductPatch patch;
    patch.name = "Black tea";
    patch.priceAmount = "5.00";
    patch.barcodes = std::vector<std::string> { "96385075" };
    EXPECT_TRUE(failsWith(product.apply(patch), ErrorKind::Invalid, "invalid_barcode_check_digit", "barcodes[0]"));
    EXPECT_EQ(product.name(), "Green tea");
    EXPECT_EQ(product.price().minor(), 450);
    EXPECT_EQ(product.barcodes().size(), 2u);
    EXPECT_EQ(product.version(), 1);
    EXPECT_EQ(product.id(), 42);
}

TEST(ProductTest, ApplyValidatesMergedPrice)
{
    auto product = stored(teaDraft());
    ProductPatch toYen;
    toYen.currency = "JPY"; // 4.50 has decimals JPY cannot hold
    EXPECT_TRUE(failsWith(product.apply(toYen), ErrorKind::Invalid, "invalid_amount_precision", "price.amount"));
    ProductPatch negative;
    negative.priceAmount = "-1";
    EXPECT_TRUE(failsWith(product.apply(negative), ErrorKind::Invalid, "negative_price", "price.amount"));
    EXPECT_EQ(product.price().currency().code(), "EUR");
    EXPECT_EQ(product.version(), 1);
}

TEST(ProductTest, ApplyWithoutRealChangeKeepsVersion)
{
    auto product = stored(teaDraft());
    ProductPatch patch;
    patch.name = "  Green tea ";
    patch.priceAmount = "4.5";
    patch.sku = "TEA-001";
    patch.active = true;
    patch.categoryId = std::optional<std::int64_t>(3);
    const auto changed = product.apply(patch);
    ASSERT_TRUE(succeeds(changed));
    EXPECT_TRUE(changed->empty());
    EXPECT_EQ(product.version(), 1);
    EXPECT_TRUE(product.apply(ProductPatch {})->empty());
    EXPECT_EQ(product.version(), 1);
}

TEST(ProductTest, ApplyReportsChangedFieldsInOrderAndBumpsVersionOnce)
{
    auto product = stored(teaDraft());
    product.setVersion(7);
    ProductPatch patch;
    patch.active = false;
    patch.barcodes = std::vector<std::string> { "SHELF-7" };
    patch.priceAmount = "5";
    patch.categoryId = std::optional<std::int64_t> {};
    patch.name = "Black tea";
    patch.description = "Loose leaf."; // unchanged
    const auto changed = product.apply(patch);
    ASSERT_TRUE(succeeds(changed));
    EXPECT_EQ(changed.value(), (std::vector<std::string> { "name", "category_id", "price", "barcodes", "active" }));
    EXPECT_EQ(product.version(), 8);
    EXPECT_EQ(product.id(), 42);
    EXPECT_EQ(product.name(), "Black tea");
    EXPECT_EQ(product.categoryId(), std::nullopt);
    EXPECT_EQ(product.price().minor(), 500);
    ASSERT_EQ(product.barcodes().size(), 1u);
    EXPECT_EQ(product.barcodes()[0].value(), "SHELF-7");
    EXPECT_FALSE(product.active());
}

TEST(ProductTest, ApplyChangesSkuUnitAndCurrency)
{
    auto product = stored(teaDraft());
    ProductPatch patch;
    patch.sku = "TEA-002";
    patch.unit = "kg";
    patch.currency = "KWD";
    patch.priceAmount = "1.234";
    const auto changed = product.apply(patch);
    ASSERT_TRUE(succeeds(changed));
    EXPECT_EQ(changed.value(), (std::vector<std::string> { "sku", "unit", "price" }));
    EXPECT_EQ(product.sku().value(), "TEA-002");
    EXPECT_EQ(product.unit().code(), "kg");
    EXPECT_EQ(product.price().toDecimalString(), "1.234");
    EXPECT_EQ(product.version(), 2);
}

TEST(ProductTest, RestoreKeepsStoredFieldsAndDraftRoundTrips)
{
    const auto eur = Currency::parse("EUR").value();
    const auto product = Product::restore(9, Sku::parse("S-9").value(), "Stored", "Desc", 4, Unit::parse("kg").value(),
        Money::of(1999, eur), { Barcode::parse("96385074").value() }, false, 12);
    EXPECT_EQ(product.id(), 9);
    EXPECT_EQ(product.version(), 12);
    EXPECT_FALSE(product.active());
    const auto draft = product.toDraft();
    EXPECT_EQ(draft.sku, "S-9");
    EXPECT_EQ(draft.name, "Stored");
    EXPECT_EQ(draft.categoryId, 4);
    EXPECT_EQ(draft.unit, "kg");
    EXPECT_EQ(draft.priceAmount, "19.99");
    EXPECT_EQ(draft.currency, "EUR");
    EXPECT_EQ(draft.barcodes, (std::vector<std::string> { "96385074" }));
}

} // namespace
} // namespace tosserp::domain
