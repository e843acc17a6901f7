#include "server/security/jwt.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>

namespace tosserp::security {

namespace {

constexpr const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string sha256Prefix(const unsigned char* data, std::size_t size)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data, size, digest, &length, EVP_sha256(), nullptr);
    return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(digest), 12));
}

std::string publicKeyId(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0) {
        return "key";
    }
    auto id = sha256Prefix(der, static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return id;
}

struct MdContext {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~MdContext() { EVP_MD_CTX_free(ctx); }
};

} // namespace

std::string_view tokenErrorText(TokenError error)
{
    switch (error) {
    case TokenError::Malformed:
        return "the token is malformed";
    case TokenError::BadAlgorithm:
        return "the token uses an algorithm this server does not accept";
    case TokenError::BadSignature:
        return "the token signature is invalid";
    case TokenError::WrongIssuer:
        return "the token was issued by someone else";
    case TokenError::WrongAudience:
        return "the token is meant for another audience";
    case TokenError::Expired:
        return "the token has expired";
    case TokenError::NotYetValid:
        return "the token is not valid yet";
    }
    return "the token is invalid";
}

SigningKey::SigningKey(EVP_PKEY* key)
    : m_key(key)
    , m_keyId(publicKeyId(key))
{ }

SigningKey::~SigningKey()
{
    EVP_PKEY_free(m_key);
}

SigningKey::SigningKey(SigningKey&& other) noexcept
    : m_key(other.m_key)
    , m_keyId(std::move(other.m_keyId))
{
    other.m_key = nullptr;
}

SigningKey& SigningKey::operator=(SigningKey&& other) noexcept
{
    std::swap(m_key, other.m_key);
    std::swap(m_keyId, other.m_keyId);
    return *this;
}

SigningKey SigningKey::generate()
{
    EVP_PKEY* key = EVP_RSA_gen(2048);
    if (!key) {
        throw std::runtime_error("cannot generate the token signing key");
    }
    return SigningKey(key);
}

SigningKey SigningKey::loadOrCreate(const std::string& path)
{
    if (std::filesystem::exists(path)) {
        FILE* file = std::fopen(path.c_str(), "r");
        if (!file) {
            throw std::runtime_error("cannot read the token signing key " + path);
        }
        EVP_PKEY* key = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
        std::fclose(file);
        if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
            EVP_PKEY_free(key);
            throw std::runtime_error("the token signing key " + path + " is not an RSA private key in PEM form");
        }
        return SigningKey(key);
    }
    auto created = generate();
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    const auto old = umask(077);
    FILE* file = std::fopen(path.c_str(), "w");
    umask(old);
    if (!file) {
        throw std::runtime_error("cannot write the token signing key " + path);
    }
    const bool written = PEM_write_PrivateKey(file, created.key(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(file);
    if (!written) {
        throw std::runtime_error("cannot write the token signing key " + path);
    }
    chmod(path.c_str(), 0600);
    return created;
}

JwtCodec::JwtCodec(const SigningKey& key, std::string issuer, std::string audience)
    : m_key(key)
    , m_issuer(std::move(issuer))
    , m_audience(std::move(audience))
{ }

std::string JwtCodec::issue(nlohmann::json claims, std::int64_t nowSeconds, std::int64_t lifetimeSeconds) const
{
    const nlohmann::json header = { { "alg", "RS256" }, { "typ", "JWT" }, { "kid", m_key.keyId() } };
    claims["iss"] = m_issuer;
    claims["aud"] = m_audience;
    claims["iat"] = nowSeconds;
    claims["nbf"] = nowSeconds;
    claims["exp"] = nowSeconds + lifetimeSeconds;
    const std::string signingInput = base64UrlEncode(header.dump()) + "." + base64UrlEncode(claims.dump());
    MdContext md;
    std::size_t length = 0;
    if (EVP_DigestSignInit(md.ctx, nullptr, EVP_sha256(), nullptr, m_key.key()) != 1
        || EVP_DigestSign(md.ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(signingInput.data()),
               signingInput.size())
            != 1) {
        throw std::runtime_error("cannot sign a token");
    }
    std::string signature(length, '\0');
    if (EVP_DigestSign(md.ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
            reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size())
        != 1) {
        throw std::runtime_error("cannot sign a token");
    }
    signature.resize(length);
    return signingInput + "." + base64UrlEncode(signature);
}

namespace {

/// The parts of a token that passed the checks before its signature.
struct TokenParts {
    std::string_view signingInput;
    std::string claimsText;
    std::string signature;
};

std::optional<TokenError> splitToken(std::string_view token, TokenParts* parts)
{
    const auto firstDot = token.find('.');
    const auto secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (token.size() > 8192 || secondDot == std::string_view::npos
        || token.find('.', secondDot + 1) != std::string_view::npos) {
        return TokenError::Malformed;
    }
    const auto headerText = base64UrlDecode(token.substr(0, firstDot));
    auto claimsText = base64UrlDecode(token.substr(firstDot + 1, secondDot - firstDot - 1));
    auto signature = base64UrlDecode(token.substr(secondDot + 1));
    if (!headerText || !claimsText || !signature) {
        return TokenError::Malformed;
    }
    const auto header = nlohmann::json::parse(*headerText, nullptr, false);
    if (!header.is_object()) {
        return TokenError::Malformed;
    }
    // One algorithm, fixed by the server: "none", HS256 (signed with the public key as a secret)
    // and every other choice a token might make for itself are refused before any crypto.
    if (header.value("alg", "") != "RS256" || header.value("typ", "") != "JWT" || header.contains("jwk")
        || header.contains("jku") || header.contains("x5u") || header.contains("crit")) {
        return TokenError::BadAlgorithm;
    }
    if (parts != nullptr) {
        *parts = { token.substr(0, secondDot), std::move(*claimsText), std::move(*signature) };
    }
    return std::nullopt;
}

} // namespace

std::optional<TokenError> precheckToken(std::string_view token)
{
    return splitToken(token, nullptr);
}

JwtCodec::Verified JwtCodec::verify(std::string_view token, std::int64_t nowSeconds, std::int64_t leewaySeconds) const
{
    Verified result;
    TokenParts parts;
    if (const auto error = splitToken(token, &parts)) {
        result.error = error;
        return result;
    }
    const auto& signature = parts.signature;
    MdContext md;
    const auto signingInput = parts.signingInput;
    if (EVP_DigestVerifyInit(md.ctx, nullptr, EVP_sha256(), nullptr, m_key.key()) != 1
        || EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
               reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size())
            != 1) {
        result.error = TokenError::BadSignature;
        return result;
    }
    auto claims = nlohmann::json::parse(parts.claimsText, nullptr, false);
    if (!claims.is_object() || !claims.contains("exp") || !claims["exp"].is_number_integer() || !claims.contains("nbf")
        || !claims["nbf"].is_number_integer() || !claims.contains("iat") || !claims["iat"].is_number_integer()
        || !claims.contains("sub") || !claims["sub"].is_string()) {
        result.error = TokenError::Malformed;
        return result;
    }
    if (claims.value("iss", "") != m_issuer) {
        result.error = TokenError::WrongIssuer;
        return result;
    }
    if (!claims.contains("aud") || !claims["aud"].is_string() || claims["aud"].get<std::string>() != m_audience) {
        result.error = TokenError::WrongAudience;
        return result;
    }
    if (claims["exp"].get<std::int64_t>() + leewaySeconds <= nowSeconds) {
        result.error = TokenError::Expired;
        return result;
    }
    if (claims["nbf"].get<std::int64_t>() - leewaySeconds > nowSeconds) {
        result.error = TokenError::NotYetValid;
        return result;
    }
    result.claims = std::move(claims);
    return result;
}

} // namespace tosserp::security
