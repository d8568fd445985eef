#include "ack_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "commands.h"

namespace actorgraph::cli {

AckLog::AckLog(const std::string& path) {
  fd_ = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw CommandError("cannot open ack log " + path + ": " + std::strerror(errno));
}

AckLog::~AckLog() {
  if (fd_ >= 0) close(fd_);
}

void AckLog::Ack(const std::string& origin, uint64_t article_id, bool was_new) {
  std::string line =
      origin + "\t" + std::to_string(article_id) + "\t" + (was_new ? "new" : "unchanged") + "\n";
  if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
    throw CommandError(std::string("cannot write the ack log: ") + std::strerror(errno));
}

}  // namespace actorgraph::cli
