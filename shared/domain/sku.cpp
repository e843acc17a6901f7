#include "domain/sku.h"

#include "domain/text.h"

namespace tosserp::domain {
namespace {
bool isAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
} // namespace

Result<Sku> Sku::parse(std::string_view text)
{
    const auto value = trimView(text);
    if (value.empty())
        return invalid("invalid_sku", "A SKU is required.", "sku");
    if (value.size() > kMaxLength)
        return invalid("invalid_sku", "A SKU has at most 64 characters.", "sku");
    if (!isAlnum(value.front()))
        return invalid("invalid_sku", "A SKU starts with a letter or a digit.", "sku");
    for (char c : value) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.' && c != '/')
            return invalid("invalid_sku", "A SKU may contain only letters, digits and - _ . /", "sku");
    }
    return Sku(std::string(value));
}

} // namespace tosserp::domain
