#include "server/app/backup.h"

#include "server/core/ids.h"
#include "server/db/database.h"
#include "server/db/postgres.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
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
    fs::permissions(to.parent_path(), fs::perms::owner_all, fs::perm_options::replace);
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

/// Where one domain's database lives: a SQLite file in the data directory or a PostgreSQL
/// database, and the name of its copy in a backup.
struct DomainStore {
    std::string domain; ///< "stock", …
    std::string location; ///< file path or connection string
    std::string setting; ///< the configuration key that names its PostgreSQL database ("" for none)

    bool postgres() const { return db::isPostgres(location); }
    std::string fileName() const { return domain + (postgres() ? ".pgdump" : ".db"); }
};

/// The domains, in the order they are copied, where `config` keeps them.
std::vector<DomainStore> domainStores(const ServerConfig& config)
{
    std::vector<DomainStore> stores;
    for (const auto& [domain, location] : config.databases()) {
        stores.push_back({ domain, config.databaseLocation(domain), domain + "_database" });
    }
    // The notifier's outbox is always a file of the data directory.
    stores.push_back({ "notifications", config.databaseLocation("notifications"), "" });
    return stores;
}

void checkCopy(const DomainStore& store, const fs::path& copy)
{
    if (store.postgres()) {
        db::checkPostgresDump(copy.string());
    } else {
        checkIntegrity(copy);
    }
}

/// The databases are copied one after another, so a consumer's checkpoint (kept in its own
/// database, copied later) can point past the last event its source's copy holds. New events
/// of that source would then get positions the consumer believes it has handled and be
/// skipped for ever. Each source's next position is raised above every checkpoint on it.
/// Consumers are named "<consumer's domain>.<source domain>".
void reconcileEventPositions(const std::map<std::string, std::unique_ptr<db::Database>>& databases)
{
    std::map<std::string, std::int64_t> highest; // source domain → highest checkpoint on it
    for (const auto& [domain, database] : databases) {
        const auto tables = database->tableNames();
        if (std::find(tables.begin(), tables.end(), "consumer_checkpoints") == tables.end()) {
            continue;
        }
        database->read([&](db::Connection& c) {
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
    for (const auto& [domain, top] : highest) {
        if (const auto source = databases.find(domain); source != databases.end()) {
            source->second->raiseNextKey("events", "position", top);
        }
    }
}

/// Whether the PostgreSQL database `store` names holds nothing yet, in any schema (at most
/// the empty migrations table a server creates when it connects); empties it of that table.
bool takeEmptyDatabase(const DomainStore& store)
{
    const auto relations = db::postgresRelations(store.location);
    if (relations.empty()) {
        return true;
    }
    const auto dot = relations.front().find('.');
    if (relations.size() > 1 || relations.front().substr(dot + 1) != "schema_migrations") {
        return false;
    }
    db::Database database(store.location);
    const auto migrations = database.read([](db::Connection& c) {
        auto& q = c.prepare("SELECT count(*) FROM schema_migrations");
        const auto n = q.step() ? q.integer(0) : 0;
        q.reset();
        return n;
    });
    if (migrations > 0) {
        return false;
    }
    database.dropAllTables();
    return true;
}

BackupFile describe(const std::string& name, const fs::path& path, const std::string& domain)
{
    return { name, fs::file_size(path), sha256File(path), domain };
}

} // namespace

std::vector<BackupFile> backupData(const ServerConfig& config, const std::string& to)
{
    const fs::path source(config.dataDir);
    const fs::path target(to);
    if (!emptyOrMissing(target)) {
        throw BackupUsageError(to + " is not empty: give a new directory for each backup");
    }
    std::vector<DomainStore> present;
    for (auto& store : domainStores(config)) {
        if (store.postgres() || fs::exists(store.location)) {
            present.push_back(std::move(store));
        }
    }
    if (present.empty()) {
        throw BackupUsageError(config.dataDir + " holds no TossErp database (stock.db, users.db, …)");
    }
    fs::create_directories(target);
    // A backup holds password hashes and the signing key: for the owner's eyes only.
    fs::permissions(target, fs::perms::owner_all, fs::perm_options::replace);
    nlohmann::json manifest = { { "format", kManifestFormat }, { "version", TOSSERP_VERSION },
        { "created_at", isoTime(nowMs()) }, { "files", nlohmann::json::array() } };
    std::vector<BackupFile> files;
    const auto add = [&](const std::string& name, const std::string& domain) {
        auto file = describe(name, target / name, domain);
        manifest["files"].push_back({ { "name", file.name }, { "bytes", file.bytes }, { "sha256", file.sha256 } });
        files.push_back(std::move(file));
    };
    for (const auto& store : present) {
        const auto copy = target / store.fileName();
        // Readable by its owner only before anything is written into it.
        std::ofstream(copy).close();
        fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        if (store.postgres()) {
            db::dumpPostgres(store.location, copy.string());
        } else {
            db::Database(store.location).backupTo(copy.string());
        }
        checkCopy(store, copy);
        add(store.fileName(), store.domain);
    }
    if (fs::exists(source / kSigningKey)) {
        copyPrivate(source / kSigningKey, target / kSigningKey);
        add(kSigningKey, "");
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
    fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    fs::rename(partial, target / "manifest.json");
    return files;
}

std::vector<BackupFile> restoreData(const std::string& from, const ServerConfig& config)
{
    const fs::path source(from);
    const fs::path target(config.dataDir);
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
        throw BackupUsageError(
            config.dataDir + " is not empty: restore into a new data directory (move the old one aside)");
    }
    // Everything is checked before anything is written.
    const auto& listed = manifest["files"];
    if (std::any_of(listed.begin(), listed.end(),
            [](const auto& entry) { return entry.is_object() && entry.value("name", "").ends_with(".pgdump"); })
        && !db::postgresProgramInstalled("pg_restore")) {
        throw BackupUsageError("pg_restore is not installed (Debian: apt-get install postgresql-client); it "
                               "restores the domains this backup holds from PostgreSQL");
    }
    const auto stores = domainStores(config);
    std::vector<BackupFile> files;
    std::vector<DomainStore> restoring; // the domains the backup holds, where they go
    for (const auto& entry : manifest["files"]) {
        if (!entry.is_object()) {
            throw BackupUsageError(from + "/manifest.json lists a file that is not an object");
        }
        BackupFile file { entry.value("name", ""), entry.value("bytes", std::uintmax_t { 0 }),
            entry.value("sha256", ""), "" };
        const DomainStore* store = nullptr;
        bool otherKind = false;
        for (const auto& candidate : stores) {
            if (file.name == candidate.fileName()) {
                store = &candidate;
            } else if (file.name == candidate.domain + ".db"
                || (!candidate.setting.empty() && file.name == candidate.domain + ".pgdump")) {
                store = &candidate;
                otherKind = true;
            }
        }
        if (store == nullptr && file.name != kSigningKey) {
            throw BackupUsageError("the manifest names an unknown file \"" + file.name + "\"");
        }
        if (otherKind) {
            throw BackupUsageError(store->postgres()
                    ? "the backup holds the " + store->domain + " domain as a SQLite file, but " + store->setting
                        + " names a PostgreSQL database: leave it unset to restore the file into the data directory"
                    : "the backup holds the " + store->domain + " domain from PostgreSQL: set " + store->setting
                        + " to a new, empty PostgreSQL database to restore it into");
        }
        const auto path = source / file.name;
        if (!fs::exists(path)) {
            throw BackupDamagedError(file.name + " is missing from the backup");
        }
        if (fs::file_size(path) != file.bytes || sha256File(path) != file.sha256) {
            throw BackupDamagedError(file.name + " does not match the manifest (changed or cut short)");
        }
        if (store != nullptr) {
            try {
                checkCopy(*store, path);
            } catch (const std::runtime_error& e) {
                throw BackupDamagedError(file.name + ": " + e.what());
            }
            restoring.push_back(*store);
            file.domain = store->domain;
        }
        files.push_back(std::move(file));
    }
    for (const auto& store : restoring) {
        if (store.postgres() && !takeEmptyDatabase(store)) {
            throw BackupUsageError("the database " + store.setting
                + " names is not empty: restore into a new database (the backup's tables would clash)");
        }
    }
    // The data directory is assembled beside the target and moved into place in one rename: a
    // restore that fails or is killed leaves no half-restored data directory a server could
    // start on. The PostgreSQL domains are restored each in one transaction, and emptied again
    // when a later step fails.
    const auto staging = target.parent_path() / (target.filename().string() + ".restoring");
    fs::remove_all(staging);
    fs::create_directories(staging);
    fs::permissions(staging, fs::perms::owner_all, fs::perm_options::replace);
    std::vector<DomainStore> restored;
    try {
        for (const auto& file : files) {
            if (file.name == kSigningKey || file.name.ends_with(".db")) {
                copyPrivate(source / file.name, staging / file.name);
            }
        }
        {
            // Each restored domain where it is until the rename, opened once.
            std::map<std::string, std::unique_ptr<db::Database>> staged;
            for (const auto& store : restoring) {
                if (store.postgres()) {
                    // In one transaction: a restore that fails leaves nothing to undo.
                    db::restorePostgres(store.location, (source / store.fileName()).string());
                    restored.push_back(store);
                }
                staged[store.domain] = std::make_unique<db::Database>(
                    store.postgres() ? store.location : (staging / store.fileName()).string());
            }
            reconcileEventPositions(staged);
            // A restored server is a new server to the replicas: their cursors may point past
            // what the backup holds, into a history that is gone. A new identity makes every
            // replica start a fresh snapshot at its next sync (its outbox is pushed again,
            // applied once).
            if (const auto stock = staged.find("stock"); stock != staged.end()) {
                stock->second->write([](db::Connection& c) {
                    c.prepare("UPDATE meta SET value = ? WHERE key = 'server_id'").bind(1, randomHex(16)).run();
                });
            }
        } // closed before the files move
        if (fs::exists(target)) {
            fs::remove(target); // empty, checked above
        }
        fs::rename(staging, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        for (const auto& store : restored) {
            try {
                db::Database(store.location).dropAllTables();
            } catch (const std::exception&) {
                // The restore's own failure is the one to report.
            }
        }
        throw;
    }
    return files;
}

} // namespace tosserp
