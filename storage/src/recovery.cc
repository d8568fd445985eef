#include "actorgraph/storage/recovery.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

#include "actorgraph/storage/rocks_graph_store.h"
#include "live_view.h"

namespace actorgraph::storage {

namespace {

// Keeps the lines RocksDB logs about what it dropped while replaying a log.
class DroppedRecordsLog : public rocksdb::Logger {
 public:
  DroppedRecordsLog() : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    std::vsnprintf(line, sizeof line, format, ap);
    std::string text(line);
    if (text.find("Corruption") == std::string::npos && text.find("ropping") == std::string::npos)
      return;
    std::lock_guard<std::mutex> lock(mu_);
    lines_.push_back(std::move(text));
  }
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace

core::Result<RecoveryReport> RecoverDatabase(const std::string& dir) {
  AG_RETURN_IF_ERROR(ExistingDatabase(dir));
  auto log = std::make_shared<DroppedRecordsLog>();
  rocksdb::Options options;
  options.create_if_missing = false;
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  options.info_log = log;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, dir, &raw);
  if (!s.ok()) {
    if (HeldByAnotherProcess(s))
      return core::Status::IoError("database " + dir +
                                   " is in use by another process; stop it before recovering");
    return core::Status::IoError("recover " + dir + ": " + s.ToString());
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::FlushOptions flush;
  flush.wait = true;
  if (s = db->Flush(flush); !s.ok())
    return core::Status::IoError("recover " + dir + ": flush: " + s.ToString());
  if (s = db->Close(); !s.ok())
    return core::Status::IoError("recover " + dir + ": close: " + s.ToString());
  db.reset();

  RecoveryReport report;
  report.dropped = log->Lines();
  RocksStoreOptions reopen;
  reopen.create_if_missing = false;
  auto store = RocksGraphStore::Open(dir, reopen);  // the normal way: it must open now
  if (!store.ok()) return store.status();
  report.articles = (*store)->Read()->Counts().articles;
  return report;
}

}  // namespace actorgraph::storage
