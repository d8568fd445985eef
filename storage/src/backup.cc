#include "actorgraph/storage/backup.h"

#include <rocksdb/write_batch.h>

#include <filesystem>

#include "actorgraph/storage/rocks_graph_store.h"
#include "live_view.h"

namespace actorgraph::storage {

using core::Status;

namespace {

constexpr size_t kBatchBytes = size_t{4} << 20;

// Copies every key that `source` sees into a new database at `target_dir`, flushed to disk.
core::Result<uint64_t> CopyKeys(rocksdb::DB* source, const std::string& target_dir) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.error_if_exists = true;
  options.compression = rocksdb::kNoCompression;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, target_dir, &raw);
  if (!s.ok()) return Status::IoError("create " + target_dir + ": " + s.ToString());
  std::unique_ptr<rocksdb::DB> target(raw);

  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(source->NewIterator(ro));  // one implicit snapshot
  rocksdb::WriteOptions unsynced;
  unsynced.disableWAL = true;  // the final flush makes the copy durable
  rocksdb::WriteBatch batch;
  uint64_t keys = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++keys) {
    batch.Put(it->key(), it->value());
    if (batch.GetDataSize() < kBatchBytes) continue;
    s = target->Write(unsynced, &batch);
    if (!s.ok()) return Status::IoError("write " + target_dir + ": " + s.ToString());
    batch.Clear();
  }
  if (!it->status().ok()) return Status::IoError("read source: " + it->status().ToString());
  s = target->Write(unsynced, &batch);
  if (s.ok()) s = target->Flush(rocksdb::FlushOptions());
  if (s.ok()) s = target->Close();
  if (!s.ok()) return Status::IoError("finish " + target_dir + ": " + s.ToString());
  return keys;
}

}  // namespace

core::Result<BackupResult> BackupDatabase(const std::string& dir, const std::string& target_dir) {
  std::error_code ec;
  if (std::filesystem::exists(target_dir, ec))
    return Status::InvalidArgument(target_dir + " already exists; backups go to a new folder");
  AG_RETURN_IF_ERROR(ExistingDatabase(dir));

  RocksStoreOptions options;
  options.create_if_missing = false;
  auto store = RocksGraphStore::Open(dir, options);
  if (store.ok()) {
    AG_RETURN_IF_ERROR((*store)->Checkpoint(target_dir));
    return BackupResult{"checkpoint", 0};
  }
  if (store.status().code() != core::StatusCode::kIoError) return store.status();

  // Held by another process (RocksDB allows one writer): copy from a secondary instance.
  auto view = LiveView::Open(dir);
  if (!view.ok()) return view.status();
  auto keys = CopyKeys((*view)->db(), target_dir);
  if (!keys.ok()) {
    std::filesystem::remove_all(target_dir, ec);
    return keys.status();
  }
  return BackupResult{"live-copy", *keys};
}

}  // namespace actorgraph::storage
