#include "actorgraph/storage/rocks_graph_store.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "actorgraph/storage/key_codec.h"
#include "counter_cache.h"
#include "delta_writer.h"
#include "info_log.h"
#include "live_view.h"
#include "rocks_reader.h"

namespace actorgraph::storage {

using core::Result;
using core::Status;

namespace {

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IoError(what + ": " + s.ToString());
}

// ENOSPC (RocksDB's NoSpace) or EDQUOT, which RocksDB reports as a plain I/O error.
bool IsNoSpace(const rocksdb::Status& s) {
  return s.IsNoSpace() || s.ToString().find("Disk quota exceeded") != std::string::npos;
}

// The error a failed write returns: no file names (RocksDB's messages carry the path of the
// file it was writing; they go to the log, not to clients).
// `restart`: writes resume only after the database is opened again (Impl::needs_restart).
Status WriteFailure(const rocksdb::Status& s, bool restart = false) {
  if (IsNoSpace(s))
    return core::StorageFull(restart ? "no space left on the disk holding the database; the "
                                       "write was not stored. Writes resume after a restart "
                                       "once space is freed"
                                     : "no space left on the disk holding the database; the "
                                       "write was not stored. Writes resume by themselves once "
                                       "space is freed");
  return Status::IoError(std::string("the database could not be written (an I/O error of its "
                                     "disk); the write was not stored. ") +
                         (restart ? "Writes resume after a restart. " : "") +
                         "The server log has the details");
}

constexpr auto kResumeInterval = std::chrono::seconds(1);

// The meta key that never exists, whose deletions the store writes for its own ends
// (Impl::GuardMemtable, Sync): a tombstone, invisible to every read.
constexpr const char* kGuardKey = "~guard";

// What RocksDB's listener tells the store; set with RocksDB's mutex held: flags only.
struct ErrorFlags {
  std::atomic<bool> degraded{false};
  std::atomic<bool> no_space{false};    // the failure was ENOSPC (else an I/O error)
  std::atomic<bool> wal_failed{false};  // a write to the write-ahead log failed
};

// Turns RocksDB's automatic recovery off (we call DB::Resume() ourselves, see the header) and
// marks the store degraded as soon as RocksDB stops writes, before the failed call returns
// (a Sync() in another thread then refuses at once).
class ErrorListener : public rocksdb::EventListener {
 public:
  explicit ErrorListener(std::shared_ptr<ErrorFlags> flags) : flags_(std::move(flags)) {}
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason reason, rocksdb::Status bg_error,
                            bool* auto_recovery) override {
    *auto_recovery = false;
    if (bg_error.ok()) return;
    if (reason == rocksdb::BackgroundErrorReason::kWriteCallback) flags_->wal_failed = true;
    if (!flags_->degraded.exchange(true)) flags_->no_space = IsNoSpace(bg_error);
  }

 private:
  std::shared_ptr<ErrorFlags> flags_;
};

}  // namespace

struct RocksGraphStore::Impl {
  std::unique_ptr<LiveView> secondary;   // the database when opened as a secondary
  std::unique_ptr<rocksdb::DB> primary;  // the database otherwise (read-write or read-only)
  rocksdb::DB* db() const { return secondary ? secondary->db() : primary.get(); }
  RocksStoreOptions options;
  std::recursive_mutex write_mu;
  CounterCache counters;  // under write_mu
  std::atomic<uint64_t> version{0};

  // The degraded state (the header): set by a failed write or by RocksDB's listener, cleared
  // by a DB::Resume() that works. needs_restart: resuming is not safe (see Resume()), writes
  // stay refused until the database is opened again. last_resume is under write_mu.
  std::shared_ptr<ErrorFlags> flags = std::make_shared<ErrorFlags>();
  std::atomic<bool>& degraded = flags->degraded;
  std::atomic<bool> needs_restart{false};
  std::atomic<bool> logged{false};  // the failure was logged (once per degraded period)
  std::chrono::steady_clock::time_point last_resume;

  ~Impl() {
    secondary.reset();  // the database before the rest
    primary.reset();
  }

  // The error every write returns while degraded.
  Status CurrentError() const {
    return WriteFailure(flags->no_space ? rocksdb::Status::NoSpace() : rocksdb::Status::IOError(),
                        needs_restart);
  }

  // Records a failed write or sync (under write_mu).
  Status Degrade(const rocksdb::Status& s) {
    flags->no_space = IsNoSpace(s);
    last_resume = std::chrono::steady_clock::now();
    degraded = true;
    if (!logged.exchange(true))
      spdlog::error("database writes stopped: {} ({})", CurrentError().message(), s.ToString());
    return CurrentError();
  }

  // Under write_mu. Ok when writes work (again); the error otherwise. Calls DB::Resume() at
  // most once per kResumeInterval.
  Status Resume() {
    if (!degraded) return Status::Ok();
    if (needs_restart) return CurrentError();
    auto now = std::chrono::steady_clock::now();
    if (now - last_resume < kResumeInterval) return CurrentError();
    last_resume = now;
    uint64_t entries = 0;
    if (flags->wal_failed &&
        db()->GetIntProperty("rocksdb.num-entries-active-mem-table", &entries) && entries == 0) {
      // GuardMemtable() lost a race with a memtable switch: resuming would keep the broken log
      // (see there). Writes stay refused until a restart, which opens a new log.
      needs_restart = true;
      spdlog::error("database writes cannot resume without a restart (an empty memtable)");
      return CurrentError();
    }
    rocksdb::Status s = db()->Resume();
    if (!s.ok()) {
      flags->no_space = IsNoSpace(s);
      return CurrentError();
    }
    spdlog::info("database writes resumed");
    logged = false;
    counters.Clear();  // re-read from the database: a failed batch may have left them stale
    flags->wal_failed = false;
    degraded = false;
    return Status::Ok();
  }

  // Before a write that goes to the write-ahead log: when the memtable is empty, a deletion of
  // a key that never exists, written to the memtable only. RocksDB 7.8's DB::Resume() starts a
  // new log only when the memtable holds something; with an empty one it keeps the log whose
  // write failed, and the next write to it aborts the process (RocksDB issues 11643, 12998).
  void GuardMemtable() {
    uint64_t entries = 1;
    if (!db()->GetIntProperty("rocksdb.num-entries-active-mem-table", &entries) || entries > 0)
      return;
    rocksdb::WriteOptions wo;
    wo.disableWAL = true;
    db()->Delete(wo, MetaKey(kGuardKey));  // a failure is the write's to report
  }
};

RocksGraphStore::RocksGraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RocksGraphStore::~RocksGraphStore() = default;

Result<std::unique_ptr<RocksGraphStore>> RocksGraphStore::Open(const std::string& dir,
                                                               const RocksStoreOptions& options) {
  const bool reads_only = options.read_only || options.secondary;
  if (!options.create_if_missing || reads_only) AG_RETURN_IF_ERROR(ExistingDatabase(dir));
  rocksdb::Options ro;
  ro.create_if_missing = options.create_if_missing && !reads_only;
  ro.IncreaseParallelism(2);
  ro.compression = rocksdb::kNoCompression;
  // A torn last record is the trace of a crash during a write (never acknowledged: a write is
  // acknowledged after its sync); damage before it is refused, not skipped in silence.
  ro.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_mb << 20);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  ro.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  auto impl = std::make_unique<Impl>();
  // RocksDB's info log is ours (info_log.h): in the folder for a database opened for writing,
  // on stderr for a read-only one, which must not write into the folder. (A secondary keeps
  // RocksDB's, in its scratch folder: live_view.h.)
  if (options.read_only && !options.secondary)
    ro.info_log = StderrInfoLog();
  else if (!reads_only) {
    std::error_code ec;  // RocksDB would create it, after the log we open in it now
    if (options.create_if_missing) std::filesystem::create_directories(dir, ec);
    ro.info_log = DatabaseInfoLog(dir);
  }
  if (reads_only) {
    ro.max_open_files = -1;  // a writer beside us may delete tables we read: keep them open
  } else {
    ro.listeners.push_back(std::make_shared<ErrorListener>(impl->flags));
    // Only the memtable guards (Impl::GuardMemtable) are outside the log: nothing to flush.
    ro.avoid_flush_during_shutdown = true;
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.secondary) {
    auto view = LiveView::Open(dir, ro);
    if (!view.ok()) return view.status();
    impl->secondary = std::move(view).value();
    raw = impl->secondary->db();
  } else if (options.read_only) {
    s = rocksdb::DB::OpenForReadOnly(ro, dir, &raw);
  } else {
    s = rocksdb::DB::Open(ro, dir, &raw);
  }
  if (!s.ok()) {
    if (HeldByAnotherProcess(s))
      return Status::IoError("database " + dir +
                             " is in use by another process (a serve or an import); reads work "
                             "beside it, writes go through that process");
    if (s.IsCorruption()) return DamagedDatabase(dir, s);
    if (IsNoSpace(s))
      return core::StorageFull("no space left on the disk holding " + dir +
                               " to open the database (it writes a new manifest and log)");
    return FromRocks(s, "open " + dir);
  }
  if (!impl->secondary) impl->primary.reset(raw);
  impl->options = options;
  impl->options.read_only = reads_only;

  std::string version;
  std::string version_key = MetaKey("format_version");
  s = raw->Get(rocksdb::ReadOptions(), version_key, &version);
  if (s.IsNotFound()) {
    // A new database has no keys at all; anything else without a version is not ours.
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions()));
    it->SeekToFirst();
    if (!it->status().ok()) return FromRocks(it->status(), "read " + dir);  // not "no keys"
    if (it->Valid())
      return Status::Unsupported(dir + " is not an actorgraph database (no format version)");
    if (reads_only) return Status::NotFound(dir + " is empty");
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, version_key, std::to_string(kFormatVersion));
    if (IsNoSpace(s)) return core::StorageFull("no space left on the disk holding " + dir);
    if (!s.ok()) return FromRocks(s, "write format version");
  } else if (!s.ok()) {
    return FromRocks(s, "read format version");
  } else if (!ReadsFormatVersion(version)) {
    return Status::Unsupported(
        "database " + dir + " has format version " + version + "; this build reads versions " +
        std::to_string(kOldestFormatVersion) + " to " + std::to_string(kFormatVersion));
  } else if (version != std::to_string(kFormatVersion) && !reads_only) {
    // Records of the newer version may be written from now on: an older build must refuse it.
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, version_key, std::to_string(kFormatVersion));
    if (!s.ok()) return FromRocks(s, "upgrade format version");
  }
  return std::unique_ptr<RocksGraphStore>(new RocksGraphStore(std::move(impl)));
}

Result<core::ApplyStats> RocksGraphStore::Apply(const core::GraphDelta& delta,
                                                const core::ApplyOptions& apply_options) {
  if (impl_->options.read_only) return Status::PermissionDenied("database opened read-only");
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  core::ApplyStats stats;
  if (delta.article) {
    std::string existing;
    rocksdb::Status s =
        impl_->db()->Get(rocksdb::ReadOptions(), HashKey(delta.article->content_hash), &existing);
    if (s.ok()) return stats;  // the same article again changes nothing
    if (!s.IsNotFound()) return FromRocks(s, "look up article hash");
    stats.article_was_new = true;
  }
  // Degraded: refused at once (nothing reaches RocksDB), unless resuming works.
  AG_RETURN_IF_ERROR(impl_->Resume());
  DeltaWriter writer(impl_->db(), impl_->counters);
  AG_RETURN_IF_ERROR(writer.Build(delta, &stats));
  if (impl_->options.before_write_hook) AG_RETURN_IF_ERROR(impl_->options.before_write_hook());
  rocksdb::WriteOptions wo;
  wo.sync = impl_->options.sync_writes && apply_options.sync;
  impl_->GuardMemtable();
  rocksdb::Status written = impl_->db()->Write(wo, &writer.batch());
  if (!written.ok()) {
    impl_->counters.Clear();  // the batch may or may not have reached the database
    return impl_->Degrade(written);
  }
  for (const auto& m : delta.put_meta) impl_->counters.Forget(MetaKey(m.key));
  for (const auto& m : delta.delete_meta) impl_->counters.Forget(MetaKey(m));
  for (const auto& [key, value] : writer.written_counters()) impl_->counters.Set(key, value);
  impl_->version.fetch_add(1);
  return stats;
}

Status RocksGraphStore::Sync() {
  if (impl_->options.read_only) return Status::Ok();
  // Degraded: the writes since the last sync are not all durable (those before the failed one
  // are once DB::Resume() has flushed them; then this call syncs the rest).
  if (impl_->degraded) return impl_->CurrentError();
  if (!impl_->options.sync_writes) return Status::Ok();
  // Not DB::SyncWAL(): it syncs the log from outside RocksDB's write queue, so it may reach a
  // log whose write just failed in another thread, and RocksDB 7.8 aborts the process then.
  // A synced write (of a deletion of a key that never exists) syncs every log the same way,
  // in the queue: after a failed write, RocksDB refuses it without touching the log.
  // Concurrent calls share one fsync (RocksDB's write groups); writers are not held.
  impl_->GuardMemtable();
  rocksdb::WriteBatch batch;
  batch.Delete(MetaKey(kGuardKey));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  rocksdb::Status s = impl_->db()->Write(wo, &batch);
  if (s.ok()) return Status::Ok();
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  return impl_->Degrade(s);
}

Status RocksGraphStore::CheckWrites() {
  if (impl_->options.read_only) return Status::PermissionDenied("database opened read-only");
  if (!impl_->degraded) return Status::Ok();
  // A probe never waits for a write in progress: that write will tell.
  std::unique_lock<std::recursive_mutex> lock(impl_->write_mu, std::try_to_lock);
  if (!lock.owns_lock()) return impl_->degraded ? impl_->CurrentError() : Status::Ok();
  return impl_->Resume();
}

std::unique_ptr<core::GraphReader> RocksGraphStore::Read() {
  return std::make_unique<RocksReader>(impl_->db(), impl_->options.secondary);
}

uint64_t RocksGraphStore::Version() const { return impl_->version.load(); }

Status RocksGraphStore::WithWriteLock(const std::function<Status()>& fn) {
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  return fn();
}

Status RocksGraphStore::Checkpoint(const std::string& target_dir) {
  rocksdb::Checkpoint* raw = nullptr;
  AG_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(impl_->db(), &raw), "checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  return FromRocks(checkpoint->CreateCheckpoint(target_dir), "checkpoint to " + target_dir);
}

Status RocksGraphStore::Compact() {
  if (impl_->degraded) return impl_->CurrentError();  // no flush on a broken log
  AG_RETURN_IF_ERROR(FromRocks(impl_->db()->Flush(rocksdb::FlushOptions()), "flush"));
  return FromRocks(impl_->db()->CompactRange(rocksdb::CompactRangeOptions(), nullptr, nullptr),
                   "compact");
}

Status RocksGraphStore::WarmCache(const std::string& kinds) {
  rocksdb::ReadOptions ro;
  ro.fill_cache = true;
  ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db()->NewIterator(ro));
  if (kinds.empty()) {
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
    }
  } else {
    for (char k : kinds) {
      std::string upper(1, static_cast<char>(k + 1));
      for (it->Seek(std::string(1, k)); it->Valid() && it->key().compare(upper) < 0; it->Next()) {
      }
    }
  }
  return FromRocks(it->status(), "warm cache");
}

uint64_t RocksGraphStore::DiskBytes() const {
  uint64_t live = 0;
  impl_->db()->GetIntProperty("rocksdb.total-sst-files-size", &live);
  uint64_t mem = 0;
  impl_->db()->GetIntProperty("rocksdb.cur-size-all-mem-tables", &mem);
  return live + mem;
}

}  // namespace actorgraph::storage
