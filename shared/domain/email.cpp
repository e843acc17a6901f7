#include "domain/email.h"

#include "domain/text.h"

namespace tosserp::domain {
namespace {

Error bad(std::string message)
{
    return invalid("invalid_email", std::move(message), "email");
}

bool validLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

Result<Email> Email::parse(std::string_view text)
{
    const auto value = trimView(text);
    if (value.empty())
        return bad("An e-mail address is required.");
    if (value.size() > 254)
        return bad("An e-mail address has at most 254 characters.");
    const auto at = value.find('@');
    if (at == std::string_view::npos || value.find('@', at + 1) != std::string_view::npos)
        return bad("An e-mail address contains exactly one @.");
    const auto local = value.substr(0, at);
    const auto domain = value.substr(at + 1);
    if (local.empty() || local.size() > 64)
        return bad("The part before @ has 1 to 64 characters.");
    for (char c : local) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F)
            return bad("The part before @ may not contain spaces or control characters.");
    }
    if (domain.find('.') == std::string_view::npos)
        return bad("The domain needs at least one dot, as in example.com.");
    std::size_t start = 0;
    while (start <= domain.size()) {
        const auto dot = domain.find('.', start);
        const auto end = dot == std::string_view::npos ? domain.size() : dot;
        if (!validLabel(domain.substr(start, end - start)))
            return bad("The domain is not a valid host name.");
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    std::string normalized(local);
    normalized += '@';
    normalized += asciiLower(domain);
    return Email(std::move(normalized));
}

} // namespace tosserp::domain
