// How a RocksReader reports a read the storage could not do (an I/O error, a table that fails
// its checksum), consistently with the calls that return a Status.
#pragma once

#include <rocksdb/status.h>

#include <stdexcept>
#include <string>

#include "actorgraph/core/status.h"

namespace actorgraph::storage {

// The Status of a failed read: kCorruption for damaged data, kIoError otherwise. The message
// names no file (it may be answered to an HTTP client); RocksDB's own, with the file, is
// logged. `what` says what was being read.
core::Status ReadFailure(const rocksdb::Status& s, const std::string& what);

// Thrown by the GraphReader calls whose contract has no Status (LookupExact, LookupPrefix,
// GetDegree, ScanMeta, Counts, GetMeta, HasEvidence, FindArticleByHash) when the read fails:
// never a shorter or empty answer, which would be taken for the truth (a name index that
// misses a node creates a duplicate). The API answers it 500, the CLI exits 1.
class StorageReadError : public std::runtime_error {
 public:
  explicit StorageReadError(const core::Status& status)
      : std::runtime_error(status.ToString()), status_(status) {}
  const core::Status& status() const { return status_; }

 private:
  core::Status status_;
};

}  // namespace actorgraph::storage
