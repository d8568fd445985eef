// RequestStream: the httplib::Stream cpp-httplib's request processing reads one request from
// and writes its answer to. The request comes whole from memory (framed by the front,
// http_front.h); the answer goes to the connection's socket, which is non-blocking: a write
// waits up to `write_timeout_ms` each time the socket's buffer is full, then fails.
#pragma once

#include <httplib.h>

#include <string>

namespace actorgraph::api {

// The two ends of a connection, as getpeername and getsockname give them.
struct Endpoints {
  std::string remote_ip, local_ip;
  int remote_port = 0, local_port = 0;
};

class RequestStream : public httplib::Stream {
 public:
  // `fd` stays open and owned by the caller; `request` must outlive the stream.
  RequestStream(int fd, const std::string& request, int write_timeout_ms, Endpoints endpoints)
      : fd_(fd),
        request_(request),
        write_timeout_ms_(write_timeout_ms),
        endpoints_(std::move(endpoints)) {}

  bool is_readable() const override { return read_ < request_.size(); }
  bool is_writable() const override;
  // Past the request's end: 0 (end of stream).
  ssize_t read(char* ptr, size_t size) override;
  // All `size` bytes, or -1 when the socket fails or stays full for the write timeout.
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  int fd_;
  const std::string& request_;
  size_t read_ = 0;
  int write_timeout_ms_;
  Endpoints endpoints_;
};

}  // namespace actorgraph::api
