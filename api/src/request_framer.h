// RequestFramer: reads one HTTP/1.1 request out of the bytes a connection receives, as they
// arrive, with strict limits, so that nothing unbounded is ever buffered and nothing ambiguous
// reaches the router (http_front.h hands the framed request to cpp-httplib).
//
// Refused, with the status the request is answered with (the connection is closed after it):
// - a request line longer than kMaxRequestLineBytes: 414;
// - more than kMaxHeaderCount header lines, or more than kMaxHeaderBytes of them: 431;
// - a malformed request line, a header line without "name:" (no space before the colon, a
//   token name), a folded line (obs-fold), a control byte in the target or a header value, a
//   CR not followed by LF, Content-Length together with Transfer-Encoding, Content-Length
//   given twice or not a plain decimal number, Transfer-Encoding on HTTP/1.0 or given twice,
//   Host given twice, a malformed chunk: 400;
// - a transfer coding other than "chunked": 501; a version other than HTTP/1.0 and 1.1: 505;
// - a body (Content-Length, or chunked as the chunks arrive) beyond `max_body` bytes: 413.
// A request with neither Content-Length nor Transfer-Encoding has an empty body (RFC 9112
// 6.3). Empty lines before a request line are skipped; lines may end in CRLF or LF.
//
// Not thread-safe; one framer per connection, reused request after request.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace actorgraph::api {

inline constexpr size_t kMaxRequestLineBytes = 8192;  // cpp-httplib's own URI limit
inline constexpr size_t kMaxHeaderCount = 100;
inline constexpr size_t kMaxHeaderBytes = 32 * 1024;  // the header lines, trailers included

struct FramedRequest {
  std::string method, target, version;
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, values trimmed
  std::string body;                                          // de-chunked
  bool expects_continue = false;                             // "Expect: 100-continue"
  bool has_body = false;  // Content-Length > 0 or chunked: the head alone is not the request

  // The request as cpp-httplib's parser takes it: the request line, the headers without
  // Content-Length, Transfer-Encoding and Expect, "Content-Length: <body size>" and the body.
  std::string Normalized() const;
};

struct FrameError {
  int status = 0;
  std::string code;     // e.g. "header_too_large"
  std::string message;  // says what was wrong
};

class RequestFramer {
 public:
  enum class State {
    kNeedMore,  // no complete head, or the body is still arriving
    kHead,      // the head is complete (returned once per request, before any body byte)
    kDone,      // the request is complete: request()
    kError,     // refused: error()
  };

  explicit RequestFramer(size_t max_body) : max_body_(max_body) {}

  // Consumes from the front of `in` what belongs to the current request (the rest, e.g. a
  // pipelined next request, stays in `in`). After kDone or kError, Reset() before the next.
  State Feed(std::string& in);
  // True once the first byte of the current request has been consumed.
  bool started() const { return started_; }

  const FramedRequest& request() const { return request_; }
  const FrameError& error() const { return error_; }
  void Reset();

 private:
  enum class Phase { kRequestLine, kHeaders, kBody, kChunkSize, kChunkData, kChunkEnd, kTrailers };

  State Fail(int status, std::string code, std::string message);
  // Takes one line off `in` into `line` (without its ending); false when none is complete yet
  // (or when it is longer than `limit` bytes: then fails with `status`, `code`, `too_long`).
  bool TakeLine(std::string& in, std::string& line, size_t limit, int status, const char* code,
                const std::string& too_long);
  State OnRequestLine(const std::string& line);
  State OnHeaderLine(const std::string& line, bool trailer);
  State OnHeadEnd();
  State OnChunkSize(const std::string& line);

  size_t max_body_;
  Phase phase_ = Phase::kRequestLine;
  FramedRequest request_;
  FrameError error_;
  bool started_ = false;
  bool failed_ = false;
  size_t header_count_ = 0;
  size_t header_bytes_ = 0;
  size_t remaining_ = 0;  // body or chunk bytes still to come
  bool chunked_ = false;
};

}  // namespace actorgraph::api
