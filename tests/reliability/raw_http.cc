#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <regex>

namespace actorgraph::testing {

RawConnection::RawConnection(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd_ >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::Send(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool RawConnection::ReadSome(double seconds) {
  if (closed_) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(seconds * 1000)) <= 0) return false;
  char buf[65536];
  ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) {
    closed_ = true;  // the end of the stream, or a reset
    return false;
  }
  received_.append(buf, static_cast<size_t>(n));
  return true;
}

std::string RawConnection::ReadUntilClosed(double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!closed_) {
    double left = std::chrono::duration<double>(until - std::chrono::steady_clock::now()).count();
    if (!ReadSome(std::max(left, 0.0)) && left <= 0) break;
  }
  return received_;
}

bool RawConnection::ReadUntil(const std::string& text, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (received_.find(text) == std::string::npos && !closed_) {
    double left = std::chrono::duration<double>(until - std::chrono::steady_clock::now()).count();
    if (!ReadSome(std::max(left, 0.0)) && left <= 0) break;  // at least one look
  }
  return received_.find(text) != std::string::npos;
}

namespace {

// A status line anywhere: a pipelined answer follows the previous body without a line break.
const std::regex& StatusLine() {
  static const std::regex status_line(R"(HTTP/1\.[01] (\d{3}) )");
  return status_line;
}

}  // namespace

std::vector<int> Statuses(const std::string& bytes) {
  std::vector<int> out;
  for (std::sregex_iterator it(bytes.begin(), bytes.end(), StatusLine()), end; it != end; ++it)
    out.push_back(std::stoi((*it)[1]));
  return out;
}

std::string LastBody(const std::string& bytes) {
  size_t head = std::string::npos;
  for (std::sregex_iterator it(bytes.begin(), bytes.end(), StatusLine()), end; it != end; ++it)
    head = static_cast<size_t>(it->position());
  size_t blank = head == std::string::npos ? head : bytes.find("\r\n\r\n", head);
  return blank == std::string::npos ? "" : bytes.substr(blank + 4);
}

std::string HostLine(int port) { return "Host: 127.0.0.1:" + std::to_string(port) + "\r\n"; }

}  // namespace actorgraph::testing
