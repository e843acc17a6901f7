#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tosserp::sync {

/// RFC 4648 §5 base64url of `bytes`, without padding (so the text is safe in a URL query).
std::string base64UrlEncode(std::string_view bytes);

/// The bytes of canonical unpadded base64url `text`; nullopt for a character outside the
/// alphabet (including '=' padding), an impossible length (4n+1), or unused trailing bits
/// that are not zero — so every byte string has exactly one accepted text.
std::optional<std::string> base64UrlDecode(std::string_view text);

} // namespace tosserp::sync
