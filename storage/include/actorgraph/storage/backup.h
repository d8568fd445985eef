// Backup of a database to a new folder, also while another process (`actorgraph serve`, an
// import) holds it open for writing.
#pragma once

#include <string>

#include "actorgraph/core/status.h"

namespace actorgraph::storage {

struct BackupResult {
  // "checkpoint": the database was free, and was copied by a RocksDB checkpoint (hard links
  // where possible). "live-copy": another process holds it; every key committed by that
  // process when the copy began was copied, through a read-only secondary instance, into a
  // new database written with a final synced write.
  std::string method;
  uint64_t keys_copied = 0;  // live-copy only
};

// Copies the database in `dir` into `target_dir`, which must not exist. The copy is a
// consistent state (a whole number of applied deltas) that RocksGraphStore::Open reads.
// InvalidArgument when `target_dir` exists; NotFound when `dir` holds no database.
core::Result<BackupResult> BackupDatabase(const std::string& dir, const std::string& target_dir);

}  // namespace actorgraph::storage
