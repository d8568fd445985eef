// DocumentFromWarcRecord: an HTTP response (or a resource) in a WARC record to its article.
#include "warc_documents.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

#include "actorgraph/importers/readers.h"
#include "actorgraph/importers/sources.h"
#include "byte_stream.h"
#include "reader_dates.h"

namespace actorgraph::importers {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct HttpResponse {
  int status = 0;
  std::string content_type, transfer_encoding, content_encoding;  // lower case
  std::string_view body;
};

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\nbody"; false when it is not one.
bool ParseHttpResponse(std::string_view block, HttpResponse* out) {
  if (!block.starts_with("HTTP/")) return false;
  size_t head_end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (head_end == std::string_view::npos) {
    head_end = block.find("\n\n");
    sep = 2;
  }
  if (head_end == std::string_view::npos) {
    head_end = block.size();
    sep = 0;
  }
  std::string_view head = block.substr(0, head_end);
  out->body = block.substr(std::min(block.size(), head_end + sep));
  size_t eol = head.find('\n');
  std::string_view status_line = head.substr(0, eol);
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view code = status_line.substr(sp + 1, 3);
  auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), out->status);
  if (ec != std::errc()) return false;
  while (eol != std::string_view::npos) {
    size_t start = eol + 1;
    eol = head.find('\n', start);
    std::string_view line = head.substr(start, eol == std::string_view::npos ? eol : eol - start);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = Lower(Trim(line.substr(0, colon)));
    std::string value = Lower(Trim(line.substr(colon + 1)));
    if (name == "content-type") out->content_type = value;
    if (name == "transfer-encoding") out->transfer_encoding = value;
    if (name == "content-encoding") out->content_encoding = value;
  }
  return true;
}

// Undoes the chunked transfer coding; false when `body` is not validly chunked.
bool Dechunk(std::string_view body, std::string* out) {
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = Trim(body.substr(pos, eol - pos));
    size_line = size_line.substr(0, size_line.find(';'));
    uint64_t size = 0;
    auto [p, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || size_line.empty()) return false;
    pos = eol + 1;
    if (size == 0) return true;
    if (size > body.size() - pos) return false;
    out->append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n")
      pos += 2;
    else if (body.substr(pos, 1) == "\n")
      pos += 1;
  }
  return true;  // a body cut after a chunk: what was there
}

enum class Payload { kNone, kHtml, kText };

Payload PayloadKind(std::string_view content_type, std::string_view body) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (type == "text/html" || type == "application/xhtml+xml") return Payload::kHtml;
  if (type == "text/plain") return Payload::kText;
  if (type.empty()) {
    SourceFormat f = SniffFormat(body.substr(0, 4096));
    if (f == SourceFormat::kHtml) return Payload::kHtml;
  }
  return Payload::kNone;
}

}  // namespace

core::Result<std::optional<Document>> DocumentFromWarcRecord(const WarcRecord& record) {
  std::string_view payload;
  std::string content_type;
  std::string decoded;
  if (record.type == "response") {
    HttpResponse http;
    if (!ParseHttpResponse(record.block, &http)) {
      if (Lower(record.content_type).find("application/http") != std::string::npos)
        return core::Status::InvalidArgument("a response record whose HTTP message is malformed");
      return std::optional<Document>();  // a response of another protocol (dns:, ...)
    }
    if (http.status < 200 || http.status > 299) return std::optional<Document>();
    content_type = http.content_type;
    payload = http.body;
    if (http.transfer_encoding.find("chunked") != std::string::npos) {
      std::string dechunked;
      if (Dechunk(payload, &dechunked)) {
        decoded = std::move(dechunked);
        payload = decoded;
      }
    }
    if (PayloadKind(content_type, "<") == Payload::kNone && !content_type.empty())
      return std::optional<Document>();
    const std::string& coding = http.content_encoding;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      core::Result<std::string> raw = GunzipString(payload, kMaxReaderInputBytes);
      // Writers that store the decoded body keep the header: a body that is not gzip is used
      // as it is.
      if (raw.ok()) {
        decoded = std::move(raw).value();
        payload = decoded;
      } else if (payload.size() >= 2 && static_cast<unsigned char>(payload[0]) == 0x1f &&
                 static_cast<unsigned char>(payload[1]) == 0x8b) {
        return core::Status(raw.status().code(),
                            "content-encoding " + coding + ": " + raw.status().message());
      }
    } else if (!coding.empty() && coding != "identity") {
      return core::Status::Unsupported("content-encoding " + coding + " is not supported");
    }
  } else if (record.type == "resource") {
    content_type = record.content_type;
    payload = record.block;
  } else {
    return std::optional<Document>();
  }
  Payload kind = PayloadKind(content_type, payload);
  if (kind == Payload::kNone) return std::optional<Document>();
  core::Result<Document> doc = kind == Payload::kHtml ? ReadHtml(payload, record.target_uri)
                                                      : ReadText(payload, record.target_uri);
  if (!doc.ok()) return doc.status();
  if (doc->date.empty()) doc->date = NormaliseDate(record.date);
  return std::optional<Document>(std::move(doc).value());
}

}  // namespace actorgraph::importers
