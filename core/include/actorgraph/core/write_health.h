// Whether a store takes writes now: a full disk and a failing disk (issue 12, "Disk full and
// read-only media").
//
// The contract, whatever the store:
// - A write that fails for lack of space returns StorageFull(...) and stores nothing of its
//   delta; every write after it fails the same way, without touching the disk, until the
//   store has recovered. Writes acknowledged before it stay.
// - The store recovers by itself once space is freed (the next write or CheckWrites() after
//   that tries), without a restart.
// - The messages of these errors name no file or folder: they are answered to HTTP clients.
//
// A full storage is StatusCode::kResourceExhausted in the sense of gRPC's canonical code ("the
// entire file system is out of space"), told apart from the other limits by its message, which
// starts with kStorageFullPrefix: build it with StorageFull() and test it with IsStorageFull(),
// never by hand. (A StatusCode of its own is the cleaner form, and WriteHealth a virtual of
// GraphStore; both touch headers every module includes, so they wait for a change that
// rebuilds everything anyway: callers only use the functions below.)
#pragma once

#include <string>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/status.h"

namespace actorgraph::core {

inline constexpr const char* kStorageFullPrefix = "storage full: ";

// The status of a write refused because the storage holding the database is full.
inline Status StorageFull(const std::string& message) {
  return Status::ResourceExhausted(kStorageFullPrefix + message);
}

inline bool IsStorageFull(const Status& status) {
  return status.code() == StatusCode::kResourceExhausted &&
         status.message().rfind(kStorageFullPrefix, 0) == 0;
}

// Whether `status`, returned by GraphStore::Apply or Sync, is the store's failure to write
// (a full or failing disk) rather than a refusal of the delta itself: a batch of writes stops
// at the first one.
inline bool IsWriteFailure(const Status& status) {
  return IsStorageFull(status) || status.code() == StatusCode::kIoError;
}

// Implemented by stores that can tell whether their writes work (RocksGraphStore); found with
// WriteHealthOf(). Thread-safe.
class WriteHealth {
 public:
  virtual ~WriteHealth() = default;
  // Ok when writes work; the error the last failed write returned while they do not
  // (StorageFull, or kIoError for another failure of the disk); PermissionDenied for a store
  // opened read-only. While writes fail it first tries to resume them (at most once a second;
  // it never waits for a write in progress), so that a probe sees them come back.
  virtual Status CheckWrites() = 0;
};

// The store's WriteHealth, or null when it has none (its writes are taken to work).
inline WriteHealth* WriteHealthOf(GraphStore& store) { return dynamic_cast<WriteHealth*>(&store); }

}  // namespace actorgraph::core
