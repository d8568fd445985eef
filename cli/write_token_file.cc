#include "write_token_file.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "commands.h"

namespace actorgraph::cli {

namespace {

constexpr size_t kTokenBytes = 32;

std::string RandomHex(size_t bytes) {
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  std::string raw(bytes, '\0');
  if (!urandom.read(raw.data(), static_cast<std::streamsize>(bytes)))
    throw CommandError("cannot read /dev/urandom for the write token");
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) hex += {kHex[c >> 4], kHex[c & 15]};
  return hex;
}

[[noreturn]] void FailOn(const std::string& what, const std::string& path) {
  throw CommandError("cannot " + what + " the write token file " + path + ": " +
                     std::strerror(errno));
}

std::string ReadToken(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) FailOn("stat", path);
  if ((st.st_mode & 077) != 0) {
    spdlog::warn("{} was readable by others: narrowed to mode 0600", path);
    if (::chmod(path.c_str(), 0600) != 0) FailOn("chmod", path);
  }
  std::ifstream in(path);
  std::string token;
  if (!std::getline(in, token) || token.empty())
    throw CommandError("the write token file " + path +
                       " holds no token: delete it to get a new one");
  return token;
}

}  // namespace

WriteTokenFile LoadOrCreateWriteToken(const std::string& db_dir) {
  std::string path = (std::filesystem::path(db_dir) / kTokenFileName).string();
  std::string token = RandomHex(kTokenBytes);
  // O_EXCL: a token an earlier start left is never overwritten.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno != EEXIST) FailOn("create", path);
    return {path, ReadToken(path), false};
  }
  std::string line = token + "\n";
  bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  if (::close(fd) != 0 || !written) FailOn("write", path);
  return {path, token, true};
}

}  // namespace actorgraph::cli
