#include "server/http/request.h"

#include "domain/text.h"

#include <cctype>

namespace tosserp::http {

std::optional<std::string> Request::header(std::string_view name) const
{
    std::string key(name);
    for (auto& ch : key) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    const auto it = headers.find(key);
    if (it == headers.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::string> Request::queryParam(std::string_view name) const
{
    const auto it = query.find(std::string(name));
    if (it == query.end()) {
        return std::nullopt;
    }
    return it->second;
}

const std::string& Request::param(const std::string& name) const
{
    static const std::string empty;
    const auto it = params.find(name);
    return it == params.end() ? empty : it->second;
}

Response Response::json(int status, const nlohmann::json& body)
{
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response& Response::withHeader(std::string name, std::string value)
{
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

std::string percentDecode(std::string_view text)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::multimap<std::string, std::string> parseQuery(std::string_view rawQuery)
{
    std::multimap<std::string, std::string> result;
    while (!rawQuery.empty()) {
        const auto amp = rawQuery.find('&');
        const auto part = rawQuery.substr(0, amp);
        if (!part.empty()) {
            const auto eq = part.find('=');
            if (eq == std::string_view::npos) {
                result.emplace(percentDecode(part), std::string());
            } else {
                result.emplace(percentDecode(part.substr(0, eq)), percentDecode(part.substr(eq + 1)));
            }
        }
        if (amp == std::string_view::npos) {
            break;
        }
        rawQuery.remove_prefix(amp + 1);
    }
    return result;
}

std::vector<std::string> headerTokens(std::string_view value)
{
    std::vector<std::string> tokens;
    while (!value.empty()) {
        const auto comma = value.find(',');
        const auto token = domain::trimView(value.substr(0, comma));
        if (!token.empty()) {
            tokens.push_back(domain::asciiLower(token));
        }
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    }
    return tokens;
}

} // namespace tosserp::http
