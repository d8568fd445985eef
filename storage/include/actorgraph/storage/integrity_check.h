// The integrity check behind `actorgraph check`: a full scan of a database that verifies every
// invariant of storage/FORMAT.md ("Invariants") and names each one that is broken, with a few
// examples. Read-only: it never writes to the database, and it runs while another process
// (`actorgraph serve`, an import) holds it, seeing the state that process has committed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "actorgraph/core/status.h"

namespace actorgraph::storage {

// One invariant and what the scan found against it.
struct InvariantResult {
  std::string name;         // stable identifier, e.g. "edge-mirrors"
  std::string description;  // the rule, in one sentence
  uint64_t violations = 0;
  std::vector<std::string> examples;  // at most IntegrityCheckOptions::max_examples

  bool ok() const { return violations == 0; }
};

struct IntegrityReport {
  // In this order: table-files (every file the MANIFEST names is present, whole and passes
  // its checksums), format (the format record), records (every key and record decodes),
  // edge-mirrors, edge-evidence, edge-ends, index-entries, articles, counters — FORMAT.md's
  // invariants 1 to 6, preceded by the file, format and decoding checks they rely on.
  std::vector<InvariantResult> invariants;
  std::map<std::string, uint64_t> scanned;  // keys read per kind ("N", "O", ...)

  bool ok() const;
};

struct IntegrityCheckOptions {
  size_t max_examples = 5;
};

// Checks the database in `dir`. Fails (no report) with NotFound when `dir` holds no database,
// Unsupported when its format version is not one this build reads (ReadsFormatVersion),
// IoError when it cannot be read. A report with broken invariants is a successful check: see
// IntegrityReport::ok().
core::Result<IntegrityReport> CheckIntegrity(const std::string& dir,
                                             const IntegrityCheckOptions& options = {});

}  // namespace actorgraph::storage
