// RocksDB's info log ("LOG"), kept by us instead of RocksDB.
//
// Why: RocksDB writes its own LOG through a file writer that, in Debian's build of 7.8
// (assertions on), aborts the process on the first write after a failed one, and a full disk
// makes every write fail: the error handler's own log line killed `import` and `serve`. And a
// database on read-only media must be opened without creating a LOG in its folder.
#pragma once

#include <rocksdb/env.h>

#include <memory>
#include <string>

namespace actorgraph::storage {

// The LOG in the database folder `dir` (the previous one renamed LOG.old). A line that cannot
// be written (a full disk) is dropped, nothing else happens. Falls back to StderrInfoLog()
// when the file cannot be created.
std::shared_ptr<rocksdb::Logger> DatabaseInfoLog(const std::string& dir);

// Warnings and errors on stderr, nothing written anywhere else: for opens that must not write
// into the database folder (read-only, secondary).
std::shared_ptr<rocksdb::Logger> StderrInfoLog();

}  // namespace actorgraph::storage
