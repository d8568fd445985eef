#include "http_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "request_stream.h"

namespace actorgraph::api {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kLinger = std::chrono::seconds(5);      // draining a refused request's body, at most
constexpr auto kLingerIdle = std::chrono::seconds(1);  // ... and no longer once it pauses
constexpr auto kExpiryInterval = std::chrono::milliseconds(100);
constexpr auto kAcceptPause = std::chrono::milliseconds(100);  // out of descriptors
constexpr size_t kReadChunk = 64 * 1024;
// How long a worker waits for a keep-alive client's next request before handing the connection
// back to the loop: it usually follows its answer within a round trip, and each hand-off costs
// two thread wake-ups (~15% of the requests/s at 8 connections).
constexpr int kWorkerWaitMs = 2;
constexpr const char* kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Sockets beyond max_connections that are being answered 503; past these, closed unanswered.
constexpr size_t kOverflowConnections = 64;
constexpr size_t kReservedDescriptors = 64;  // files, RocksDB, logs: not for connections

const char* Reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

std::string ErrorJson(const std::string& code, const std::string& message) {
  return nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

// An answer of the front's own, after which the connection is closed.
std::string Answer(const httplib::Response& res) {
  std::string out = "HTTP/1.1 " + std::to_string(res.status) + " " + Reason(res.status) + "\r\n";
  for (const auto& [name, value] : res.headers) out += name + ": " + value + "\r\n";
  if (!res.has_header("Content-Type")) out += "Content-Type: application/json\r\n";
  out += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + res.body;
}

httplib::Response ErrorResponse(int status, const std::string& code, const std::string& message) {
  httplib::Response res;
  res.status = status;
  res.body = ErrorJson(code, message);
  return res;
}

void ToText(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

Endpoints EndpointsOf(int fd) {
  Endpoints e;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ToText(addr, e.remote_ip, e.remote_port);
  len = sizeof addr;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ToText(addr, e.local_ip, e.local_port);
  return e;
}

// What the descriptor limit leaves for connections.
size_t ConnectionCap(size_t wanted) {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return wanted;
  size_t room = lim.rlim_cur > kReservedDescriptors + kOverflowConnections + 16
                    ? lim.rlim_cur - kReservedDescriptors - kOverflowConnections
                    : 16;
  return std::min(wanted, room);
}

}  // namespace

// The state of Run: every connection, owned by the loop thread; workers touch only the socket
// of the request they answer, and report back through `done` and the wake eventfd.
struct HttpFront::Loop {
  enum class State {
    kReading,  // framing a request (or idle between requests)
    kBusy,     // a worker answers its request; not watched
    kClosing,  // writing the front's own answer, then dropping input until the client closes
  };
  struct Conn {
    explicit Conn(int fd, size_t max_body) : fd(fd), framer(max_body) {}
    int fd;
    State state = State::kReading;
    std::string in;   // received, not yet framed
    std::string out;  // the front's own bytes still to write
    RequestFramer framer;
    Clock::time_point deadline;    // of the idle wait, the request, or the linger
    Clock::time_point linger_end;  // kClosing: when to give up draining
    size_t served = 0;
    std::optional<httplib::Response> refusal;  // of a head a worker checked
    uint32_t watched = 0;                      // the epoll events registered; 0: not registered
    bool write_shut = false;
    Endpoints endpoints;
  };
  struct Done {
    int fd;
    bool keep;  // false: close the connection
  };

  Loop(HttpFront& front, int epoll_fd)
      : front(front),
        limits(front.limits_),
        epoll_fd(epoll_fd),
        pool(static_cast<size_t>(std::max(1, limits.threads))) {}

  HttpFront& front;
  const FrontLimits& limits;
  int epoll_fd;
  std::unordered_map<int, std::unique_ptr<Conn>> conns;
  httplib::ThreadPool pool;
  std::mutex done_mutex;
  std::vector<Done> done;
  bool accepting = true;
  Clock::time_point accept_resume;
  Clock::time_point next_expiry;

  void Watch(int fd, uint32_t events, uint32_t& watched) {
    if (events == watched) return;
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    int op = watched == 0 ? EPOLL_CTL_ADD : events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD;
    epoll_ctl(epoll_fd, op, fd, &ev);
    watched = events;
  }

  void Watch(Conn& c) {
    uint32_t events = 0;
    if (c.state != State::kBusy) events = c.out.empty() ? EPOLLIN : EPOLLIN | EPOLLOUT;
    Watch(c.fd, events, c.watched);
  }

  void Close(Conn& c) {
    Watch(c.fd, 0, c.watched);
    ::close(c.fd);
    conns.erase(c.fd);  // destroys c
  }

  // Writes what the front owes; false when the connection was closed.
  bool Flush(Conn& c) {
    while (!c.out.empty()) {
      ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
      if (n > 0) {
        c.out.erase(0, static_cast<size_t>(n));
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        break;
      } else {
        Close(c);
        return false;
      }
    }
    if (c.out.empty() && c.state == State::kClosing && !c.write_shut) {
      ::shutdown(c.fd, SHUT_WR);
      c.write_shut = true;
    }
    Watch(c);
    return true;
  }

  // Closing without losing the last answer: no more writes, and input is dropped until the
  // client closes or the linger ends.
  bool StartClosing(Conn& c, std::string answer) {
    c.state = State::kClosing;
    c.out += answer;
    c.in.clear();
    c.linger_end = Clock::now() + kLinger;
    c.deadline = std::min(c.linger_end, Clock::now() + kLingerIdle);
    return Flush(c);
  }

  bool Refuse(Conn& c, const httplib::Response& res) { return StartClosing(c, Answer(res)); }

  void Dispatch(Conn& c) {
    c.state = State::kBusy;
    Watch(c);
    Conn* conn = &c;  // the loop leaves a busy connection alone until it is done
    pool.enqueue([this, conn] { Serve(*conn); });
  }

  // On a worker: answers the framed request of `c`, and the next ones a keep-alive client
  // sends within kWorkerWait of an answer (framed here, as the loop would); then hands the
  // connection back to the loop.
  void Serve(Conn& c) {
    bool keep = true;
    do {
      bool close_connection = ++c.served >= limits.keep_alive_max_requests;
      const std::string request = c.framer.request().Normalized();
      c.framer.Reset();
      RequestStream stream(c.fd, request, limits.write_timeout_seconds * 1000, c.endpoints);
      if (!c.out.empty()) {  // a "100 Continue" the socket had not taken yet
        keep = stream.write(c.out.data(), c.out.size()) >= 0;
        c.out.clear();
      }
      bool connection_closed = false;
      keep = keep && front.dispatch_(stream, close_connection, connection_closed) &&
             !connection_closed && !close_connection;
    } while (keep && NextRequest(c));
    {
      std::lock_guard<std::mutex> lock(done_mutex);
      done.push_back({c.fd, keep});
    }
    uint64_t one = 1;
    [[maybe_unused]] ssize_t w = ::write(front.wake_fd_, &one, sizeof one);
  }

  // On a worker: true when the next request of `c` is framed whole (pipelined, or sent within
  // kWorkerWait); false leaves the rest to the loop (more bytes to wait for, a "100
  // Continue", a refusal in `c.refusal` or a framing error the framer keeps).
  bool NextRequest(Conn& c) {
    if (c.in.empty()) {
      pollfd p{c.fd, POLLIN, 0};
      if (::poll(&p, 1, kWorkerWaitMs) <= 0) return false;
      char buf[kReadChunk];
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n <= 0) return false;  // the loop sees the end of the stream or the error again
      c.in.append(buf, static_cast<size_t>(n));
    }
    RequestFramer::State st = Frame(c);
    if (st == RequestFramer::State::kHead) {
      httplib::Response res;
      if (front.head_check_(c.framer.request(), res)) {
        c.refusal = std::move(res);
        return false;
      }
      if (c.framer.request().expects_continue && c.framer.request().has_body) {
        c.out += kContinue;
        return false;
      }
      st = Frame(c);
    }
    return st == RequestFramer::State::kDone;
  }

  // Feeds the framer what `c` has received; a request's first byte starts its deadline.
  RequestFramer::State Frame(Conn& c) {
    bool was_started = c.framer.started();
    RequestFramer::State st = c.framer.Feed(c.in);
    if (!was_started && c.framer.started())
      c.deadline = Clock::now() + std::chrono::seconds(limits.request_timeout_seconds);
    return st;
  }

  // Frames what `c` has received; false when the connection was closed.
  bool Process(Conn& c) {
    for (;;) {
      switch (Frame(c)) {
        case RequestFramer::State::kNeedMore:
          return true;
        case RequestFramer::State::kError: {
          const FrameError& e = c.framer.error();
          return Refuse(c, ErrorResponse(e.status, e.code, e.message));
        }
        case RequestFramer::State::kHead: {
          httplib::Response res;
          if (front.head_check_(c.framer.request(), res)) return Refuse(c, res);
          if (c.framer.request().expects_continue && c.framer.request().has_body) {
            c.out += kContinue;
            if (!Flush(c)) return false;
          }
          continue;
        }
        case RequestFramer::State::kDone:
          Dispatch(c);
          return true;
      }
    }
  }

  void OnEvents(Conn& c, uint32_t events) {
    if ((events & EPOLLOUT) && !Flush(c)) return;
    if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
    char buf[kReadChunk];
    ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n <= 0) return Close(c);  // the client closed (or reset) its side
    if (c.state == State::kClosing) {
      c.deadline = std::min(c.linger_end, Clock::now() + kLingerIdle);
      return;
    }
    c.in.append(buf, static_cast<size_t>(n));
    Process(c);
  }

  void Accept(size_t max_connections) {
    for (int i = 0; i < 64; ++i) {
      int fd = ::accept4(front.listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          uint32_t watched = EPOLLIN;
          Watch(front.listen_fd_, 0, watched);
          accepting = false;
          accept_resume = Clock::now() + kAcceptPause;
        }
        return;
      }
      if (conns.size() >= max_connections + kOverflowConnections) {
        ::close(fd);
        continue;
      }
      // An answer's headers and body go out in separate writes: without TCP_NODELAY, Nagle's
      // algorithm and the client's delayed ACK hold every keep-alive answer ~40 ms.
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto owned = std::make_unique<Conn>(fd, limits.max_body);
      Conn& c = *owned;
      conns.emplace(fd, std::move(owned));
      c.endpoints = EndpointsOf(fd);
      c.deadline = Clock::now() + std::chrono::seconds(limits.keep_alive_seconds);
      if (conns.size() > max_connections) {
        httplib::Response res = ErrorResponse(503, "overloaded",
                                              "the server has " + std::to_string(max_connections) +
                                                  " connections open, its maximum; retry later");
        res.set_header("Retry-After", "1");
        Refuse(c, res);
      } else {
        Watch(c);
      }
    }
  }

  void OnDone() {
    std::vector<Done> finished;
    {
      std::lock_guard<std::mutex> lock(done_mutex);
      finished.swap(done);
    }
    for (const Done& d : finished) {
      auto it = conns.find(d.fd);
      if (it == conns.end()) continue;
      Conn& c = *it->second;
      if (!d.keep) {
        StartClosing(c, "");
        continue;
      }
      c.state = State::kReading;
      if (!c.framer.started())
        c.deadline = Clock::now() + std::chrono::seconds(limits.keep_alive_seconds);
      if (c.refusal) {
        Refuse(c, *c.refusal);
        continue;
      }
      if (!Flush(c)) continue;
      Process(c);  // a pipelined request, one the worker began, or its framing error
    }
  }

  // Closes idle connections, answers requests past their deadline 408, ends lingers.
  void Expire() {
    Clock::time_point now = Clock::now();
    if (now < next_expiry) return;
    next_expiry = now + kExpiryInterval;
    if (!accepting && now >= accept_resume) {
      uint32_t watched = 0;
      Watch(front.listen_fd_, EPOLLIN, watched);
      accepting = true;
    }
    std::vector<Conn*> expired;
    for (auto& [fd, c] : conns)
      if (c->state != State::kBusy && now >= c->deadline) expired.push_back(c.get());
    for (Conn* c : expired) {
      if (c->state == State::kReading && c->framer.started())
        Refuse(*c, ErrorResponse(408, "request_timeout",
                                 "the request did not arrive whole within " +
                                     std::to_string(limits.request_timeout_seconds) + " s"));
      else
        Close(*c);
    }
  }
};

HttpFront::HttpFront(int listen_fd, FrontLimits limits, HeadCheck head_check, Dispatch dispatch)
    : listen_fd_(listen_fd),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      limits_(limits),
      head_check_(std::move(head_check)),
      dispatch_(std::move(dispatch)) {}

HttpFront::~HttpFront() {
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void HttpFront::Stop() {
  stopping_ = true;
  uint64_t one = 1;
  [[maybe_unused]] ssize_t w = ::write(wake_fd_, &one, sizeof one);
}

bool HttpFront::Run() {
  int epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd < 0 || wake_fd_ < 0) return false;
  ::fcntl(listen_fd_, F_SETFL, ::fcntl(listen_fd_, F_GETFL) | O_NONBLOCK);
  const size_t max_connections = ConnectionCap(limits_.max_connections);
  {
    Loop loop(*this, epoll_fd);
    uint32_t listen_watched = 0, wake_watched = 0;
    loop.Watch(listen_fd_, EPOLLIN, listen_watched);
    loop.Watch(wake_fd_, EPOLLIN, wake_watched);
    std::vector<epoll_event> events(256);
    while (!stopping_) {
      int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < n && !stopping_; ++i) {
        int fd = events[i].data.fd;
        if (fd == listen_fd_) {
          loop.Accept(max_connections);
        } else if (fd == wake_fd_) {
          uint64_t count;
          [[maybe_unused]] ssize_t r = ::read(wake_fd_, &count, sizeof count);
          loop.OnDone();
        } else if (auto it = loop.conns.find(fd); it != loop.conns.end()) {
          loop.OnEvents(*it->second, events[i].events);
        }
      }
      loop.Expire();
    }
    ::close(listen_fd_);  // no new connections while the workers finish
    listen_fd_ = -1;
    loop.pool.shutdown();
    for (auto& [fd, c] : loop.conns) ::close(fd);
  }
  ::close(epoll_fd);
  return true;
}

}  // namespace actorgraph::api
