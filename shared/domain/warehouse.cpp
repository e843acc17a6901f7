#include "domain/warehouse.h"

#include "domain/text.h"

namespace tosserp::domain {

Result<std::string> Warehouse::normalizeCode(std::string_view code)
{
    const std::string upper = asciiUpper(trimView(code));
    if (upper.empty() || upper.size() > kMaxCodeLength)
        return invalid("invalid_warehouse_code", "A warehouse code has 1 to 16 characters.", "code");
    for (char c : upper) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return invalid("invalid_warehouse_code", "A warehouse code may contain only A-Z, 0-9 and -.", "code");
    }
    return upper;
}

Result<Warehouse> Warehouse::create(std::string_view code, std::string_view name)
{
    auto validCode = normalizeCode(code);
    if (!validCode)
        return validCode.error();
    auto validName = validateName(name, "name", kMaxNameLength);
    if (!validName)
        return validName.error();
    Warehouse warehouse;
    warehouse.code = std::move(validCode).value();
    warehouse.name = std::move(validName).value();
    return warehouse;
}

} // namespace tosserp::domain
