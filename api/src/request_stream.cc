#include "request_stream.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace actorgraph::api {

namespace {

bool WaitWritable(int fd, int timeout_ms) {
  pollfd p{fd, POLLOUT, 0};
  int n;
  do n = ::poll(&p, 1, timeout_ms);
  while (n < 0 && errno == EINTR);
  return n > 0 && (p.revents & POLLOUT);
}

}  // namespace

bool RequestStream::is_writable() const { return WaitWritable(fd_, write_timeout_ms_); }

ssize_t RequestStream::read(char* ptr, size_t size) {
  size_t n = std::min(size, request_.size() - read_);
  std::memcpy(ptr, request_.data() + read_, n);
  read_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t RequestStream::write(const char* ptr, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitWritable(fd_, write_timeout_ms_)) return -1;
    } else {
      return -1;
    }
  }
  return static_cast<ssize_t>(size);
}

void RequestStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = endpoints_.remote_ip;
  port = endpoints_.remote_port;
}

void RequestStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = endpoints_.local_ip;
  port = endpoints_.local_port;
}

}  // namespace actorgraph::api
