#include "live_view.h"

#include <cstdlib>
#include <filesystem>

#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"

namespace actorgraph::storage {

using core::Status;

core::Status ExistingDatabase(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return Status::NotFound("no database at " + dir + " (no such folder)");
  if (!fs::is_directory(dir, ec)) return Status::Unsupported(dir + " is a file, not a database");
  if (fs::exists(fs::path(dir) / "CURRENT", ec)) return Status::Ok();
  if (fs::is_empty(dir, ec)) return Status::NotFound("no database at " + dir + " (empty folder)");
  return Status::Unsupported(dir + " is not an actorgraph database (no RocksDB files in it)");
}

bool HeldByAnotherProcess(const rocksdb::Status& s) {
  return s.IsIOError() && s.ToString().find("lock") != std::string::npos;
}

core::Status DamagedDatabase(const std::string& dir, const rocksdb::Status& s) {
  return Status::Corruption("database " + dir + " is damaged (" + s.ToString() +
                            "); nothing was changed. `actorgraph recover --db " + dir +
                            "` opens it, dropping only what is damaged, and reports it");
}

core::Result<std::unique_ptr<LiveView>> LiveView::Open(const std::string& dir,
                                                       rocksdb::Options options) {
  AG_RETURN_IF_ERROR(ExistingDatabase(dir));
  std::error_code ec;
  std::string scratch =
      (std::filesystem::temp_directory_path(ec) / "actorgraph-view-XXXXXX").string();
  if (!mkdtemp(scratch.data())) return Status::IoError("cannot create a scratch folder in /tmp");
  std::unique_ptr<LiveView> view(new LiveView());
  view->scratch_dir_ = scratch;

  options.create_if_missing = false;
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  options.max_open_files = -1;  // keep tables open: the primary may delete them meanwhile
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenAsSecondary(options, dir, scratch, &raw);
  if (s.IsCorruption()) return DamagedDatabase(dir, s);
  if (!s.ok()) return Status::IoError("open " + dir + " for reading: " + s.ToString());
  view->db_.reset(raw);
  s = raw->TryCatchUpWithPrimary();
  if (s.IsCorruption()) return DamagedDatabase(dir, s);
  if (!s.ok()) return Status::IoError("catch up with " + dir + ": " + s.ToString());

  std::string version;
  s = raw->Get(rocksdb::ReadOptions(), MetaKey("format_version"), &version);
  if (s.IsNotFound()) {
    // No keys at all: a database created by a process that stopped before its first write,
    // which RocksGraphStore::Open initialises. Any key without a version: not ours.
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions()));
    it->SeekToFirst();
    if (!it->status().ok()) return Status::IoError("read " + dir + ": " + it->status().ToString());
    if (!it->Valid()) return view;
    return Status::Unsupported(dir + " is not an actorgraph database (no format version)");
  }
  if (!s.ok()) return Status::IoError("read format version: " + s.ToString());
  if (!ReadsFormatVersion(version))
    return Status::Unsupported(
        "database " + dir + " has format version " + version + "; this build reads versions " +
        std::to_string(kOldestFormatVersion) + " to " + std::to_string(kFormatVersion));
  return view;
}

LiveView::~LiveView() {
  db_.reset();
  std::error_code ec;
  if (!scratch_dir_.empty()) std::filesystem::remove_all(scratch_dir_, ec);
}

}  // namespace actorgraph::storage
