#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tosserp {

/// A backup or restore that cannot start as asked (a target that is not empty, a source that
/// is not a backup): the person must change the command; nothing was written.
class BackupUsageError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// A backup that does not match its manifest or is damaged: nothing was restored.
class BackupDamagedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One domain database in a backup, as its manifest lists it.
struct BackupFile {
    std::string name; ///< "stock.db", …
    std::uintmax_t bytes = 0;
    std::string sha256;
};

/// The domain databases a data directory holds, in the order they are copied.
const std::vector<std::string>& domainDatabaseNames();

/// Copies every domain database of `dataDir` (and the token signing key kept there) into the
/// new or empty directory `to` through
/// SQLite's online backup (each file one consistent snapshot, taken while the server keeps
/// running; the domains one after another, not at one instant), checks each copy, and writes `manifest.json` (version,
/// time, files with size and SHA-256) last: a directory without a manifest is not a backup. Throws BackupUsageError
/// when `to` is not empty or `dataDir` holds no database, std::runtime_error when a copy
/// fails (the partial directory is left without a manifest).
std::vector<BackupFile> backupData(const std::string& dataDir, const std::string& to);

/// Restores the backup in `from` into the new or empty data directory `dataDir`: checks the
/// manifest, each file's size, SHA-256 and SQLite integrity first (BackupDamagedError when
/// any fails), then assembles the data directory beside the target (files readable by their
/// owner only), raises each domain's next event position above every consumer checkpoint
/// on it, gives the restored server a new sync identity (replicas start a fresh snapshot),
/// and moves it into place in one rename. Throws BackupUsageError when `from` is not a backup
/// or `dataDir` is not empty; any other failure leaves `dataDir` as it was.
std::vector<BackupFile> restoreData(const std::string& from, const std::string& dataDir);

} // namespace tosserp
