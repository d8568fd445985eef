#include "actorgraph/storage/rocks_graph_store.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>

#include <atomic>
#include <mutex>

#include "actorgraph/storage/key_codec.h"
#include "counter_cache.h"
#include "delta_writer.h"
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

}  // namespace

struct RocksGraphStore::Impl {
  std::unique_ptr<LiveView> secondary;   // the database when opened as a secondary
  std::unique_ptr<rocksdb::DB> primary;  // the database otherwise (read-write or read-only)
  rocksdb::DB* db() const { return secondary ? secondary->db() : primary.get(); }
  RocksStoreOptions options;
  std::recursive_mutex write_mu;
  CounterCache counters;  // under write_mu
  std::atomic<uint64_t> version{0};
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
    if (it->Valid())
      return Status::Unsupported(dir + " is not an actorgraph database (no format version)");
    if (reads_only) return Status::NotFound(dir + " is empty");
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, version_key, std::to_string(kFormatVersion));
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
  DeltaWriter writer(impl_->db(), impl_->counters);
  AG_RETURN_IF_ERROR(writer.Build(delta, &stats));
  if (impl_->options.before_write_hook) AG_RETURN_IF_ERROR(impl_->options.before_write_hook());
  rocksdb::WriteOptions wo;
  wo.sync = impl_->options.sync_writes && apply_options.sync;
  rocksdb::Status written = impl_->db()->Write(wo, &writer.batch());
  if (!written.ok()) {
    impl_->counters.Clear();  // the batch may or may not have reached the database
    return FromRocks(written, "write batch");
  }
  for (const auto& m : delta.put_meta) impl_->counters.Forget(MetaKey(m.key));
  for (const auto& m : delta.delete_meta) impl_->counters.Forget(MetaKey(m));
  for (const auto& [key, value] : writer.written_counters()) impl_->counters.Set(key, value);
  impl_->version.fetch_add(1);
  return stats;
}

Status RocksGraphStore::Sync() {
  if (!impl_->options.sync_writes || impl_->options.read_only) return Status::Ok();
  return FromRocks(impl_->db()->SyncWAL(), "sync write-ahead log");
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
