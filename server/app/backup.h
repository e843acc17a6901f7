#pragma once

#include "server/core/config.h"

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
    std::string name; ///< "stock.db", "stock.pgdump", …
    std::uintmax_t bytes = 0;
    std::string sha256;
    std::string domain; ///< the domain it holds ("" for the signing key)
};

/// Copies every domain database of `config` into the new or empty directory `to`: each file
/// of its data directory through SQLite's online backup (`stock.db`, …), each domain on
/// PostgreSQL through pg_dump (`stock.pgdump`, …), and the token signing key kept in the data
/// directory. Each copy is one consistent snapshot taken while the server keeps running (the
/// domains one after another, not at one instant) and is checked once written;
/// `manifest.json` (version, time, files with size and SHA-256) comes last: a directory without
/// a manifest is not a backup. Throws BackupUsageError when `to` is not empty or there is no
/// database to copy, std::runtime_error when a copy fails (the partial directory is left
/// without a manifest).
std::vector<BackupFile> backupData(const ServerConfig& config, const std::string& to);

/// Restores the backup in `from` where `config` keeps its databases: SQLite files into its new
/// or empty data directory, PostgreSQL archives into the new, empty databases its
/// `…_database` settings name (a domain goes back to the kind of database it was taken from).
/// Checks everything first: the manifest, each file's size, SHA-256 and integrity
/// (BackupDamagedError), the targets (BackupUsageError). Then assembles the data directory
/// beside the target (files readable by their owner only) and restores each PostgreSQL domain
/// in one transaction, raises each domain's next event position above every consumer
/// checkpoint on it, gives the restored server a new sync identity (replicas start a fresh
/// snapshot), and moves the directory into place in one rename. Any failure empties the
/// databases it restored into and leaves the data directory as it was.
std::vector<BackupFile> restoreData(const std::string& from, const ServerConfig& config);

} // namespace tosserp
