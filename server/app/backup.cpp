#include "server/app/backup.h"

#include "server/core/ids.h"
#include "server/db/database.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace tosserp {

namespace fs = std::filesystem;

namespace {

constexpr int kManifestFormat = 1;
/// The key that signs access tokens, when it lives in the data directory: restoring it keeps
/// the sessions of signed-in people valid.
constexpr const char* kSigningKey = "keys/token-signing.pem";

/// Copies a file readable by its owner only (the signing key).
void copyPrivate(const fs::path& from, const fs::path& to)
{
    fs::create_directories(to.parent_path());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

bool emptyOrMissing(const fs::path& dir)
{
    return !fs::exists(dir) || (fs::is_directory(dir) && fs::is_empty(dir));
}

std::string sha256File(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
    std::vector<char> buffer(1 << 20);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context.get(), digest, &length);
    static const char* const hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

/// Opens `path` read-only and runs SQLite's integrity check; throws naming the file.
void checkIntegrity(const fs::path& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error(path.filename().string() + " cannot be opened: " + why);
    }
    sqlite3_stmt* statement = nullptr;
    std::string verdict = "no answer";
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK
        && sqlite3_step(statement) == SQLITE_ROW) {
        verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    } else {
        verdict = sqlite3_errmsg(db);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (verdict != "ok") {
        throw std::runtime_error(path.filename().string() + " is damaged: " + verdict);
    }
}

/// The databases are copied one after another, so a consumer's checkpoint (kept in its own
/// database, copied later) can point past the last event its source's copy holds. New events
/// of that source would then get positions the consumer believes it has handled and be
/// skipped for ever. Each source's next position is raised above every checkpoint on it.
/// Consumers are named "<consumer's domain>.<source domain>".
void reconcileEventPositions(const fs::path& dir)
{
    std::map<std::string, std::int64_t> highest; // source domain → highest checkpoint on it
    for (const auto& name : domainDatabaseNames()) {
        if (!fs::exists(dir / name)) {
            continue;
        }
        db::Database database((dir / name).string());
        database.read([&](db::Connection& c) {
            auto& exists = c.prepare(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'consumer_checkpoints'");
            const bool has = exists.step() && exists.integer(0) > 0;
            exists.reset();
            if (!has) {
                return 0;
            }
            auto& q = c.prepare("SELECT consumer, position FROM consumer_checkpoints");
            while (q.step()) {
                const auto consumer = q.text(0);
                const auto dot = consumer.find('.');
                if (dot != std::string::npos) {
                    auto& top = highest[consumer.substr(dot + 1)];
                    top = std::max(top, q.integer(1));
                }
            }
            q.reset();
            return 0;
        });
    }
    for (const auto& [domain, position] : highest) {
        const auto file = dir / (domain + ".db");
        if (!fs::exists(file)) {
            continue;
        }
        db::Database source(file.string());
        source.write([&](db::Connection& c) {
            c.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'events', 0 WHERE NOT EXISTS (SELECT 1 FROM "
                      "sqlite_sequence WHERE name = 'events')")
                .run();
            c.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'").bind(1, position).run();
        });
    }
}

} // namespace

const std::vector<std::string>& domainDatabaseNames()
{
    static const std::vector<std::string> names
        = { "stock.db", "users.db", "orders.db", "payments.db", "notifications.db" };
    return names;
}

std::vector<BackupFile> backupData(const std::string& dataDir, const std::string& to)
{
    const fs::path source(dataDir);
    const fs::path target(to);
    if (!emptyOrMissing(target)) {
        throw BackupUsageError(to + " is not empty: give a new directory for each backup");
    }
    std::vector<std::string> present;
    for (const auto& name : domainDatabaseNames()) {
        if (fs::exists(source / name)) {
            present.push_back(name);
        }
    }
    if (present.empty()) {
        throw BackupUsageError(dataDir + " holds no TossErp database (stock.db, users.db, …)");
    }
    fs::create_directories(target);
    // A backup holds password hashes and the signing key: for the owner's eyes only.
    fs::permissions(target, fs::perms::owner_all, fs::perm_options::replace);
    nlohmann::json manifest = { { "format", kManifestFormat }, { "version", TOSSERP_VERSION },
        { "created_at", isoTime(nowMs()) }, { "files", nlohmann::json::array() } };
    std::vector<BackupFile> files;
    for (const auto& name : present) {
        db::Database database((source / name).string());
        database.backupTo((target / name).string());
        fs::permissions(target / name, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        checkIntegrity(target / name);
        BackupFile file { name, fs::file_size(target / name), sha256File(target / name) };
        manifest["files"].push_back({ { "name", file.name }, { "bytes", file.bytes }, { "sha256", file.sha256 } });
        files.push_back(std::move(file));
    }
    if (fs::exists(source / kSigningKey)) {
        copyPrivate(source / kSigningKey, target / kSigningKey);
        BackupFile file { kSigningKey, fs::file_size(target / kSigningKey), sha256File(target / kSigningKey) };
        manifest["files"].push_back({ { "name", file.name }, { "bytes", file.bytes }, { "sha256", file.sha256 } });
        files.push_back(std::move(file));
    }
    // The manifest last, through a rename: a backup cut short has none.
    const auto partial = target / "manifest.json.partial";
    {
        std::ofstream out(partial);
        out << manifest.dump(2) << "\n";
        if (!out.flush()) {
            throw std::runtime_error("cannot write " + partial.string());
        }
    }
    fs::rename(partial, target / "manifest.json");
    return files;
}

std::vector<BackupFile> restoreData(const std::string& from, const std::string& dataDir)
{
    const fs::path source(from);
    const fs::path target(dataDir);
    std::ifstream in(source / "manifest.json");
    if (!in) {
        throw BackupUsageError(from + " is not a TossErp backup (no manifest.json)");
    }
    const auto manifest = nlohmann::json::parse(in, nullptr, false);
    if (!manifest.is_object() || manifest.value("format", 0) != kManifestFormat || !manifest.contains("files")
        || !manifest["files"].is_array() || manifest["files"].empty()) {
        throw BackupUsageError(from + "/manifest.json is not a TossErp backup manifest this version reads");
    }
    if (!emptyOrMissing(target)) {
        throw BackupUsageError(dataDir + " is not empty: restore into a new data directory (move the old one aside)");
    }
    // Everything is checked before anything is copied.
    std::vector<BackupFile> files;
    const auto& known = domainDatabaseNames();
    for (const auto& entry : manifest["files"]) {
        BackupFile file { entry.value("name", ""), entry.value("bytes", std::uintmax_t { 0 }),
            entry.value("sha256", "") };
        const bool key = file.name == kSigningKey;
        if (!key && std::find(known.begin(), known.end(), file.name) == known.end()) {
            throw BackupUsageError("the manifest names an unknown file \"" + file.name + "\"");
        }
        const auto path = source / file.name;
        if (!fs::exists(path)) {
            throw BackupDamagedError(file.name + " is missing from the backup");
        }
        if (fs::file_size(path) != file.bytes || sha256File(path) != file.sha256) {
            throw BackupDamagedError(file.name + " does not match the manifest (changed or cut short)");
        }
        if (!key) {
            try {
                checkIntegrity(path);
            } catch (const std::runtime_error& e) {
                throw BackupDamagedError(e.what());
            }
        }
        files.push_back(std::move(file));
    }
    // Everything is assembled beside the target and moved into place in one rename: a restore
    // that fails or is killed leaves no half-restored data directory a server could start on.
    const auto staging = target.parent_path() / (target.filename().string() + ".restoring");
    fs::remove_all(staging);
    fs::create_directories(staging);
    fs::permissions(staging, fs::perms::owner_all, fs::perm_options::replace);
    try {
        for (const auto& file : files) {
            copyPrivate(source / file.name, staging / file.name);
        }
        reconcileEventPositions(staging);
        // A restored server is a new server to the replicas: their cursors may point past what
        // the backup holds, into a history that is gone. A new identity makes every replica
        // start a fresh snapshot at its next sync (its outbox is pushed again, applied once).
        if (fs::exists(staging / "stock.db")) {
            db::Database stock((staging / "stock.db").string());
            stock.write([](db::Connection& c) {
                c.prepare("UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'server_id'").run();
            });
        }
        if (fs::exists(target)) {
            fs::remove(target); // empty, checked above
        }
        fs::rename(staging, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    return files;
}

} // namespace tosserp
