#include "server/security/password_hasher.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <cstdio>
#include <vector>

namespace tosserp::security {

class PasswordHasher::Slot {
public:
    explicit Slot(PasswordHasher& hasher)
        : m_hasher(hasher)
    {
        if (!m_hasher.m_slots.try_acquire_for(m_hasher.m_wait)) {
            throw HasherBusy("every password hashing slot is busy");
        }
    }
    ~Slot() { m_hasher.m_slots.release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

private:
    PasswordHasher& m_hasher;
};

PasswordHasher::PasswordHasher(Argon2Params params, int slots, std::chrono::milliseconds wait)
    : m_params(params)
    , m_slots(slots < 1 ? 1 : (slots > 64 ? 64 : slots))
    , m_wait(wait)
{ }

std::string PasswordHasher::hash(std::string_view password)
{
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) {
        throw std::runtime_error("no randomness for a password salt");
    }
    constexpr std::size_t kHashLength = 32;
    std::vector<char> encoded(argon2_encodedlen(m_params.iterations, m_params.memoryKiB, m_params.parallelism,
                                  sizeof salt, kHashLength, Argon2_id)
        + 1);
    Slot slot(*this);
    const int rc = argon2id_hash_encoded(m_params.iterations, m_params.memoryKiB, m_params.parallelism, password.data(),
        password.size(), salt, sizeof salt, kHashLength, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        throw std::runtime_error(std::string("password hashing failed: ") + argon2_error_message(rc));
    }
    return std::string(encoded.data());
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password)
{
    const std::string text(encoded);
    if (text.rfind("$argon2id$", 0) != 0) {
        return false;
    }
    Slot slot(*this);
    return argon2id_verify(text.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(std::string_view encoded) const
{
    unsigned version = 0, memory = 0, iterations = 0, parallelism = 0;
    const std::string text(encoded);
    if (std::sscanf(text.c_str(), "$argon2id$v=%u$m=%u,t=%u,p=%u$", &version, &memory, &iterations, &parallelism)
        != 4) {
        return true;
    }
    return memory < m_params.memoryKiB || iterations < m_params.iterations || parallelism < m_params.parallelism;
}

} // namespace tosserp::security
