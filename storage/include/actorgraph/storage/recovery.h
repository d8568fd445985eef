// Recovery of a database whose write-ahead log is damaged in the middle (a flipped byte, a bad
// sector): the normal open refuses it (only a torn tail, the trace of a crash during a write,
// is tolerated), and this opens it the lenient way: it replays the log up to the first damaged
// record and drops that record and everything after it (the state at that point in time, so
// every invariant holds: skipping only the damaged record would leave the counters and
// indexes of the later writes pointing at what was skipped), then flushes what it kept into
// table files so that the next normal open no longer needs that log. The articles dropped
// are imported again like new ones.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/core/status.h"

namespace actorgraph::storage {

struct RecoveryReport {
  // What RocksDB dropped while it replayed the log, one line per damaged stretch as it
  // reported it (the log file, the bytes dropped, the reason). Empty: nothing was damaged.
  std::vector<std::string> dropped;
  uint64_t articles = 0;  // the articles the database holds after recovery
};

// Recovers the database in `dir` in place. Needs the database free (no server, no import):
// kIoError when another process holds it; NotFound/Unsupported as RocksGraphStore::Open.
core::Result<RecoveryReport> RecoverDatabase(const std::string& dir);

}  // namespace actorgraph::storage
