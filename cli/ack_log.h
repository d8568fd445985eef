// The acknowledgement log of `actorgraph import --ack-log FILE`: one line per article the
// database acknowledged (written and, unless --no-sync, synced to the WAL), appended with one
// write(2) each so that a line survives a crash of the importer whole or not at all:
//   <origin> TAB <article id> TAB new|unchanged LF
#pragma once

#include <cstdint>
#include <string>

namespace actorgraph::cli {

class AckLog {
 public:
  // Opens `path` for appending (created when missing); throws CommandError when it cannot.
  explicit AckLog(const std::string& path);
  ~AckLog();
  AckLog(const AckLog&) = delete;
  AckLog& operator=(const AckLog&) = delete;

  void Ack(const std::string& origin, uint64_t article_id, bool was_new);

 private:
  int fd_ = -1;
};

}  // namespace actorgraph::cli
