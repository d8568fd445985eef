// HttpFront: the server's connection layer, in front of cpp-httplib's routing.
//
// Why a front, not configuration: cpp-httplib 0.11.4 (Debian's, compiled into its shared
// library, so its CPPHTTPLIB_* limits cannot be changed) gives every connection a worker
// thread for its whole life, reads with a timeout per recv only (a client sending a byte every
// few seconds holds its worker forever: 64 of them stop the server), reads a chunked body
// without any cap, and a body without Content-Length until the connection closes, has no limit
// on the number of headers, reads the body before the handler can check the token, and drops
// pipelined requests (each request's read buffer is thrown away after it). None of that is
// configurable. cpp-httplib's routing, handlers and response writing are kept: the front
// hands each complete request to them (Dispatch, over a RequestStream).
//
// The contract:
// - one thread (Run) accepts and reads every connection, non-blocking; a request is framed by
//   RequestFramer (its limits, statuses and rules are there) before any worker sees it, so a
//   slow or idle client costs a socket and a buffer, never a worker (a worker that has
//   answered waits at most 2 ms for the connection's next request before handing it back:
//   keep-alive clients then skip two thread hand-offs per request);
// - a request's head is checked (HeadCheck: host, origin, token) before its body is read; a
//   refused request, like a malformed one, is answered with a JSON error and the connection
//   closed (the rest of its body is read and dropped for at most kLingerSeconds, so that the
//   client reads the answer instead of a reset);
// - "Expect: 100-continue" is answered "100 Continue" once the head is accepted;
// - the whole request (head and body) must arrive within `request_timeout_seconds` of its
//   first byte: 408 otherwise; a connection idle between requests is closed after
//   `keep_alive_seconds`;
// - each connection has at most one request in a worker; the next one (pipelined, or sent
//   later) is framed after the answer is written, so answers come in request order;
// - at most `max_connections` connections are open; one more is answered 503 and closed. The
//   requests waiting for a worker are therefore at most `max_connections` too.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <string>

#include "request_framer.h"

namespace actorgraph::api {

struct FrontLimits {
  size_t max_body = 0;
  int request_timeout_seconds = 30;
  int keep_alive_seconds = 2;
  size_t keep_alive_max_requests = 1000;  // then the connection is closed
  int write_timeout_seconds = 30;         // a stalled write of an answer fails after this
  size_t max_connections = 1024;          // lowered to what RLIMIT_NOFILE allows
  int threads = 64;                       // workers that run Dispatch
};

class HttpFront {
 public:
  // Fills `res` (status and JSON body) and returns true to refuse the request from its head.
  using HeadCheck = std::function<bool(const FramedRequest& head, httplib::Response& res)>;
  // Answers one complete request read from `stream` (cpp-httplib's process_request); returns
  // false when the connection must be closed, and sets `connection_closed` when the request
  // asked for that. Runs on a worker thread.
  using Dispatch =
      std::function<bool(httplib::Stream& stream, bool close_connection, bool& connection_closed)>;

  // Takes ownership of `listen_fd` (bound and listening).
  HttpFront(int listen_fd, FrontLimits limits, HeadCheck head_check, Dispatch dispatch);
  ~HttpFront();
  HttpFront(const HttpFront&) = delete;
  HttpFront& operator=(const HttpFront&) = delete;

  // Serves until Stop(); then waits for the requests in workers and closes every connection.
  // False when the loop could not be set up.
  bool Run();
  // Async-signal-safe; Run returns soon after.
  void Stop();

 private:
  struct Loop;
  int listen_fd_;
  int wake_fd_;  // an eventfd: workers' completions and Stop()
  FrontLimits limits_;
  HeadCheck head_check_;
  Dispatch dispatch_;
  std::atomic<bool> stopping_{false};
};

}  // namespace actorgraph::api
