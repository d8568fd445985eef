// GraphStore on RocksDB (embedded). The key layout and record formats are in storage/FORMAT.md.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/write_health.h"

namespace actorgraph::storage {

// The on-disk format version this build writes. It also reads version kOldestFormatVersion
// and up (storage/FORMAT.md, "Versions"): opening an older database for writing first sets its
// version to kFormatVersion. Opening a database that carries any other version is refused.
inline constexpr int kFormatVersion = 3;
inline constexpr int kOldestFormatVersion = 1;

// Whether this build reads a database whose `M format_version` is `version`.
inline bool ReadsFormatVersion(const std::string& version) {
  for (int v = kOldestFormatVersion; v <= kFormatVersion; ++v)
    if (version == std::to_string(v)) return true;
  return false;
}

struct RocksStoreOptions {
  bool create_if_missing = true;
  // false: no write is ever synced, ApplyOptions::sync and Sync() notwithstanding (bulk loads
  // of data that can be loaded again; a power cut may lose the last writes).
  bool sync_writes = true;
  // Opens without taking the write lock (several processes may read); Apply fails. Nothing is
  // written into the database folder (RocksDB's info log goes to stderr, warnings only), so a
  // database on read-only media opens; what it shows is the database as it was at open.
  bool read_only = false;
  // Opens as a RocksDB secondary instance, caught up once at open with the process that holds
  // the database (or with its files when none does): the reads of a command run beside
  // `serve` or `import`. Implies read-only; the scratch folder it needs in /tmp is removed on
  // close. A missing database is an error (create_if_missing is ignored).
  bool secondary = false;
  size_t block_cache_mb = 256;
  // Test hook: called after a batch is built and before it is written; a non-ok Status aborts
  // the write and is returned by Apply.
  std::function<core::Status()> before_write_hook;
};

// A full or failing disk (core/write_health.h): the write that fails returns StorageFull
// (ENOSPC, EDQUOT) or kIoError, with a message that names no file, and the store enters a
// degraded state in which every write and Sync() fails at once without touching the disk.
// The next write (or CheckWrites()) at least a second later calls RocksDB's DB::Resume(),
// which flushes the memtable to a table file and starts a new write-ahead log; when that
// works, writes are taken again. (When RocksDB 7.8 would keep the broken log, see
// Impl::GuardMemtable, the error says writes resume after a restart instead.) RocksDB's own
// recovery (its SstFileManager polling for free space) is turned off: on a small disk it waits for
// a memtable's worth of free space (64 MiB) and, running, makes DB::Resume() answer Busy.
class RocksGraphStore : public core::GraphStore, public core::WriteHealth {
 public:
  // Opens (or creates) the database in `dir`. Fails with kNotFound when `dir` holds no
  // database and none may be created, kUnsupported for a folder that is not an actorgraph
  // database or has an unknown format version, kIoError when the folder is locked by another
  // process or unreadable, StorageFull when its disk has no space for what opening writes.
  static core::Result<std::unique_ptr<RocksGraphStore>> Open(const std::string& dir,
                                                             const RocksStoreOptions& options = {});
  ~RocksGraphStore() override;

  core::Result<core::ApplyStats> Apply(const core::GraphDelta& delta,
                                       const core::ApplyOptions& options = {}) override;
  core::Status Sync() override;
  std::unique_ptr<core::GraphReader> Read() override;
  uint64_t Version() const override;
  core::Status WithWriteLock(const std::function<core::Status()>& fn) override;
  core::Status CheckWrites() override;

  // A consistent copy of the live database in `target_dir` (a RocksDB checkpoint: hard links
  // where possible). Safe while readers and writers run. `target_dir` must not exist.
  core::Status Checkpoint(const std::string& target_dir);
  // Flushes memtables and compacts (after bulk loads).
  core::Status Compact();
  // Approximate size of the database files in bytes.
  uint64_t DiskBytes() const;
  // Reads every key whose kind is in `kinds` (all kinds when empty) once, in key order, so
  // that the block cache holds them (e.g. after a bulk load, whose files bypass the cache).
  core::Status WarmCache(const std::string& kinds = "");

  struct Impl;

 private:
  explicit RocksGraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::storage
