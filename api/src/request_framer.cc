#include "request_framer.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace actorgraph::api {

namespace {

constexpr size_t kMaxChunkLineBytes = 1024;  // a chunk size and its extensions

bool IsTokenChar(unsigned char c) {
  return std::isalnum(c) || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool IsToken(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsTokenChar(c); });
}

// A control byte a header value may not hold (HTAB is allowed).
bool IsBadValueByte(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

bool IEquals(const std::string& a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

std::string FramedRequest::Normalized() const {
  std::string out = method + " " + target + " " + version + "\r\n";
  for (const auto& [name, value] : headers) {
    if (IEquals(name, "Content-Length") || IEquals(name, "Transfer-Encoding") ||
        IEquals(name, "Expect"))
      continue;
    out += name + ": " + value + "\r\n";
  }
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

void RequestFramer::Reset() {
  phase_ = Phase::kRequestLine;
  request_ = FramedRequest{};
  error_ = FrameError{};
  started_ = failed_ = chunked_ = false;
  header_count_ = header_bytes_ = remaining_ = 0;
}

RequestFramer::State RequestFramer::Fail(int status, std::string code, std::string message) {
  failed_ = true;
  error_ = FrameError{status, std::move(code), std::move(message)};
  return State::kError;
}

bool RequestFramer::TakeLine(std::string& in, std::string& line, size_t limit, int status,
                             const char* code, const std::string& too_long) {
  size_t window = std::min(in.size(), limit + 2);  // the line and its CRLF
  auto end = std::find(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(window), '\n');
  if (end == in.begin() + static_cast<std::ptrdiff_t>(window)) {
    if (in.size() >= limit + 2) Fail(status, code, too_long);
    return false;
  }
  line.assign(in.begin(), end);
  in.erase(in.begin(), end + 1);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.find('\r') != std::string::npos) {
    Fail(400, "bad_request", "a CR not followed by LF");
    return false;
  }
  return true;
}

RequestFramer::State RequestFramer::OnRequestLine(const std::string& line) {
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string::npos || line.find(' ', sp2 + 1) != std::string::npos)
    return Fail(400, "bad_request", "the request line is not 'METHOD TARGET HTTP/1.1'");
  request_.method = line.substr(0, sp1);
  request_.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  request_.version = line.substr(sp2 + 1);
  if (!IsToken(request_.method) || request_.target.empty())
    return Fail(400, "bad_request", "the request line is not 'METHOD TARGET HTTP/1.1'");
  if (std::any_of(request_.target.begin(), request_.target.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    return Fail(400, "bad_path", "the path holds a control character");
  const std::string& v = request_.version;
  if (v == "HTTP/1.1" || v == "HTTP/1.0") return State::kNeedMore;
  if (v.size() == 8 && v.compare(0, 5, "HTTP/") == 0 && std::isdigit(v[5]) && v[6] == '.' &&
      std::isdigit(v[7]))
    return Fail(505, "http_version_not_supported", v + " is not served; use HTTP/1.1");
  return Fail(400, "bad_request", "the request line is not 'METHOD TARGET HTTP/1.1'");
}

RequestFramer::State RequestFramer::OnHeaderLine(const std::string& line, bool trailer) {
  if (++header_count_ > kMaxHeaderCount)
    return Fail(431, "header_too_large",
                "more than " + std::to_string(kMaxHeaderCount) + " header lines");
  if (line.front() == ' ' || line.front() == '\t')
    return Fail(400, "bad_header", "folded header lines (obs-fold) are not accepted");
  size_t colon = line.find(':');
  if (colon == std::string::npos) return Fail(400, "bad_header", "a header line without a colon");
  std::string name = line.substr(0, colon);
  if (!IsToken(name))
    return Fail(400, "bad_header", "the header name '" + name + "' is not a token");
  std::string value = Trim(line.substr(colon + 1));
  if (std::any_of(value.begin(), value.end(),
                  [](char c) { return IsBadValueByte(static_cast<unsigned char>(c)); }))
    return Fail(400, "bad_header", "the header " + name + " holds a control character");
  if (!trailer) request_.headers.emplace_back(std::move(name), std::move(value));
  return State::kNeedMore;
}

RequestFramer::State RequestFramer::OnHeadEnd() {
  size_t lengths = 0, encodings = 0, hosts = 0;
  std::string length, encoding;
  for (const auto& [name, value] : request_.headers) {
    if (IEquals(name, "Content-Length")) ++lengths, length = value;
    if (IEquals(name, "Transfer-Encoding")) ++encodings, encoding = value;
    if (IEquals(name, "Host")) ++hosts;
    if (IEquals(name, "Expect") && IEquals(value, "100-continue")) request_.expects_continue = true;
  }
  if (lengths && encodings)
    return Fail(400, "bad_framing", "Content-Length and Transfer-Encoding together");
  if (lengths > 1) return Fail(400, "bad_framing", "Content-Length given more than once");
  if (encodings > 1) return Fail(400, "bad_framing", "Transfer-Encoding given more than once");
  if (hosts > 1) return Fail(400, "bad_header", "Host given more than once");
  if (encodings) {
    if (request_.version == "HTTP/1.0")
      return Fail(400, "bad_framing", "Transfer-Encoding in an HTTP/1.0 request");
    if (!IEquals(encoding, "chunked"))
      return Fail(501, "unsupported_transfer_encoding",
                  "the transfer coding '" + encoding + "' is not supported; send chunked");
    chunked_ = true;
    request_.has_body = true;
    phase_ = Phase::kChunkSize;
    return State::kHead;
  }
  if (lengths) {
    if (length.empty() || length.size() > 18 ||
        !std::all_of(length.begin(), length.end(), [](char c) { return std::isdigit(c); }))
      return Fail(400, "bad_framing", "Content-Length '" + length + "' is not a number");
    remaining_ = std::stoull(length);
    if (remaining_ > max_body_)
      return Fail(413, "body_too_large",
                  "the body exceeds " + std::to_string(max_body_) + " bytes");
  }
  request_.has_body = remaining_ > 0;
  request_.body.reserve(remaining_);
  phase_ = Phase::kBody;
  return State::kHead;
}

RequestFramer::State RequestFramer::OnChunkSize(const std::string& line) {
  size_t digits = 0;
  while (digits < line.size() && std::isxdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  std::string rest = Trim(line.substr(digits));
  if (digits == 0 || digits > 15 || (!rest.empty() && rest.front() != ';') ||
      std::any_of(rest.begin(), rest.end(),
                  [](char c) { return IsBadValueByte(static_cast<unsigned char>(c)); }))
    return Fail(400, "bad_chunk", "a malformed chunk size line");
  remaining_ = std::stoull(line.substr(0, digits), nullptr, 16);
  if (remaining_ > max_body_ - request_.body.size())
    return Fail(413, "body_too_large", "the body exceeds " + std::to_string(max_body_) + " bytes");
  phase_ = remaining_ == 0 ? Phase::kTrailers : Phase::kChunkData;
  return State::kNeedMore;
}

RequestFramer::State RequestFramer::Feed(std::string& in) {
  if (failed_) return State::kError;
  if (!in.empty()) started_ = true;
  const State pending = State::kNeedMore;
  std::string line;
  for (;;) {
    switch (phase_) {
      case Phase::kRequestLine:
        if (!TakeLine(
                in, line, kMaxRequestLineBytes, 414, "uri_too_long",
                "the request line exceeds " + std::to_string(kMaxRequestLineBytes) + " bytes"))
          return failed_ ? State::kError : pending;
        if (line.empty()) continue;  // empty lines before a request line are skipped
        if (OnRequestLine(line) == State::kError) return State::kError;
        phase_ = Phase::kHeaders;
        continue;
      case Phase::kHeaders:
      case Phase::kTrailers: {
        bool trailer = phase_ == Phase::kTrailers;
        if (!TakeLine(in, line, kMaxHeaderBytes - header_bytes_, 431, "header_too_large",
                      "the header lines exceed " + std::to_string(kMaxHeaderBytes) + " bytes"))
          return failed_ ? State::kError : pending;
        header_bytes_ += line.size() + 2;
        if (!line.empty()) {
          if (OnHeaderLine(line, trailer) == State::kError) return State::kError;
          continue;
        }
        return trailer ? State::kDone : OnHeadEnd();
      }
      case Phase::kBody:
      case Phase::kChunkData: {
        size_t n = std::min(remaining_, in.size());
        request_.body.append(in, 0, n);
        in.erase(0, n);
        remaining_ -= n;
        if (remaining_ > 0) return pending;
        if (phase_ == Phase::kBody) return State::kDone;
        phase_ = Phase::kChunkEnd;
        continue;
      }
      case Phase::kChunkEnd:
        if (!TakeLine(in, line, 0, 400, "bad_chunk", "a chunk's data is not followed by CRLF"))
          return failed_ ? State::kError : pending;
        if (!line.empty()) return Fail(400, "bad_chunk", "a chunk's data is not followed by CRLF");
        phase_ = Phase::kChunkSize;
        continue;
      case Phase::kChunkSize:
        if (!TakeLine(in, line, kMaxChunkLineBytes, 400, "bad_chunk",
                      "a chunk size line exceeds " + std::to_string(kMaxChunkLineBytes) + " bytes"))
          return failed_ ? State::kError : pending;
        if (OnChunkSize(line) == State::kError) return State::kError;
        continue;
    }
  }
}

}  // namespace actorgraph::api
