// A read view of a database that another process may hold open for writing: a RocksDB
// secondary instance (no lock taken, never writes to the database folder) caught up with
// everything the primary has committed to its WAL and tables at the time of Open.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <string>

#include "actorgraph/core/status.h"

namespace actorgraph::storage {

// Why `dir` cannot be opened without creating a database there, in words of our own (no such
// folder, an empty folder, a file, a folder of something else), or Ok when it holds one.
core::Status ExistingDatabase(const std::string& dir);

// Whether an open failed because another process holds the database's lock.
bool HeldByAnotherProcess(const rocksdb::Status& s);

// The error for a database RocksDB found damaged on open (`s` is its Corruption status): what
// it said, and that `actorgraph recover` is the way to open it.
core::Status DamagedDatabase(const std::string& dir, const rocksdb::Status& s);

class LiveView {
 public:
  // NotFound when `dir` holds no database; Unsupported when its format version is not ours.
  // A database without any key yet (created, never written) is a valid, empty view.
  // `options` tunes the reads (block cache, filters); the view sets what a secondary needs.
  static core::Result<std::unique_ptr<LiveView>> Open(const std::string& dir,
                                                      rocksdb::Options options = {});
  ~LiveView();

  rocksdb::DB* db() { return db_.get(); }

 private:
  LiveView() = default;
  std::string scratch_dir_;  // the secondary's own files (info log), removed on destruction
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace actorgraph::storage
