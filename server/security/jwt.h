#pragma once

#include "sync/base64url.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace tosserp::security {

/// Why a token was refused; the server answers 401 for each, with the reason in the
/// WWW-Authenticate description (never with anything about the key).
enum class TokenError { Malformed, BadAlgorithm, BadSignature, WrongIssuer, WrongAudience, Expired, NotYetValid };
std::string_view tokenErrorText(TokenError error);

/// The server's RS256 signing key. Loaded from a PEM file; created (RSA 2048, mode 0600)
/// when the file does not exist yet.
class SigningKey {
public:
    static SigningKey loadOrCreate(const std::string& path);
    /// A key generated in memory (tests).
    static SigningKey generate();
    ~SigningKey();
    SigningKey(SigningKey&&) noexcept;
    SigningKey& operator=(SigningKey&&) noexcept;
    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;

    EVP_PKEY* key() const { return m_key; }
    /// A short fingerprint of the public key, sent as the token's `kid` (informational:
    /// verification never takes a key from the token).
    const std::string& keyId() const { return m_keyId; }

private:
    explicit SigningKey(EVP_PKEY* key);
    EVP_PKEY* m_key = nullptr;
    std::string m_keyId;
};

/// The checks a token must pass before its signature is worth checking: three base64url parts
/// and a header naming RS256 and nothing else. None needs the key, so a gateway refuses
/// garbage without asking the Users service. (JwtCodec::verify makes them first too.)
std::optional<TokenError> precheckToken(std::string_view token);

/// Issues and verifies JSON Web Tokens with one fixed algorithm, RS256. Verification reads
/// the header only to refuse anything but {"alg":"RS256","typ":"JWT"}; the key is always the
/// server's own. Claims: iss, aud, sub, exp, nbf, iat (integers, seconds), plus the caller's.
class JwtCodec {
public:
    JwtCodec(const SigningKey& key, std::string issuer, std::string audience);

    /// Signs `claims` after adding iss, aud, iat, nbf = now and exp = now + lifetime.
    std::string issue(nlohmann::json claims, std::int64_t nowSeconds, std::int64_t lifetimeSeconds) const;

    struct Verified {
        nlohmann::json claims;
        std::optional<TokenError> error;
    };
    /// Checks form, algorithm, signature, issuer, audience and time (with `leewaySeconds`).
    Verified verify(std::string_view token, std::int64_t nowSeconds, std::int64_t leewaySeconds = 30) const;

private:
    const SigningKey& m_key;
    std::string m_issuer;
    std::string m_audience;
};

// Tokens use the same canonical base64url as sync cursors.
using sync::base64UrlDecode;
using sync::base64UrlEncode;

} // namespace tosserp::security
