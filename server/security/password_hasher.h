#pragma once

#include <chrono>
#include <cstdint>
#include <semaphore>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tosserp::security {

/// Argon2id parameters; stored inside every encoded hash, so raising them later only affects
/// new hashes (and `needsRehash` tells which stored ones to upgrade at the next sign-in).
struct Argon2Params {
    std::uint32_t memoryKiB = 19 * 1024; // OWASP's minimum for Argon2id: 19 MiB
    std::uint32_t iterations = 2;
    std::uint32_t parallelism = 1;
};

/// Thrown when every hashing slot stayed busy for the whole wait: the caller answers 503.
class HasherBusy : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Hashes and verifies passwords with Argon2id (libargon2). At most `slots` hashes run at
/// once, so a storm of sign-ins queues (up to `wait`) instead of taking every core and all
/// memory. Thread-safe.
class PasswordHasher {
public:
    explicit PasswordHasher(
        Argon2Params params = {}, int slots = 2, std::chrono::milliseconds wait = std::chrono::milliseconds(3000));

    /// The PHC-encoded hash ($argon2id$v=19$m=…,t=…,p=…$salt$hash) with a fresh random salt.
    std::string hash(std::string_view password);
    /// True when `password` matches `encoded`; false for a mismatch or a malformed hash.
    bool verify(std::string_view encoded, std::string_view password);
    /// True when `encoded` used weaker parameters than the current ones.
    bool needsRehash(std::string_view encoded) const;
    const Argon2Params& params() const { return m_params; }

private:
    class Slot;
    Argon2Params m_params;
    std::counting_semaphore<64> m_slots;
    std::chrono::milliseconds m_wait;
};

} // namespace tosserp::security
