#include "info_log.h"

#include <sys/time.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace actorgraph::storage {

namespace {

// "2026/12/04-18:30:00.123456 " then the message and a newline, in one fputs: lines of
// concurrent threads never interleave.
std::string FormatLine(const char* format, va_list ap) {
  timeval now{};
  gettimeofday(&now, nullptr);
  tm t{};
  localtime_r(&now.tv_sec, &t);
  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ", t.tm_year + 1900,
                t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                static_cast<long>(now.tv_usec));
  char message[1024];
  va_list copy;
  va_copy(copy, ap);
  int n = std::vsnprintf(message, sizeof message, format, copy);
  va_end(copy);
  std::string line = stamp;
  line.append(message, n < 0 ? 0 : std::min<size_t>(n, sizeof message - 1));
  if (line.empty() || line.back() != '\n') line.push_back('\n');
  return line;
}

class FileInfoLog : public rocksdb::Logger {
 public:
  explicit FileInfoLog(std::FILE* file)
      : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), file_(file) {}
  ~FileInfoLog() override { std::fclose(file_); }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    std::string line = FormatLine(format, ap);
    std::lock_guard<std::mutex> lock(mu_);
    // Errors (ENOSPC) are ignored on purpose: the line is lost, the database is not.
    std::fputs(line.c_str(), file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

 private:
  std::mutex mu_;
  std::FILE* file_;
};

class StderrLog : public rocksdb::Logger {
 public:
  StderrLog() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    std::string line = "rocksdb: " + FormatLine(format, ap);
    std::fputs(line.c_str(), stderr);
  }
};

}  // namespace

std::shared_ptr<rocksdb::Logger> DatabaseInfoLog(const std::string& dir) {
  const std::string path = dir + "/LOG";
  std::rename(path.c_str(), (path + ".old").c_str());  // none yet: nothing to keep
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (!file) return StderrInfoLog();
  return std::make_shared<FileInfoLog>(file);
}

std::shared_ptr<rocksdb::Logger> StderrInfoLog() { return std::make_shared<StderrLog>(); }

}  // namespace actorgraph::storage
