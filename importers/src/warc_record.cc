// ReadWarc: WARC records framed by their Content-Length, with resynchronisation after a lie.
#include "warc_record.h"

#include <charconv>
#include <string_view>

namespace actorgraph::importers {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderBytes = 1 << 20;

bool StartsWithWarc(std::string_view line) {
  return line.starts_with("WARC/1.") || line.starts_with("WARC/0.");
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Skips lines until one that opens a record; true with it in `line`, false at the end.
bool Resync(BufferedStream& in, std::string* line) {
  bool truncated = false;
  while (in.ReadLine(line, kMaxHeaderLine, &truncated))
    if (!truncated && StartsWithWarc(*line)) return true;
  return false;
}

}  // namespace

void ReadWarc(BufferedStream& in, size_t max_block, const std::function<void(WarcItem&&)>& fn) {
  uint64_t number = 0;
  std::string line;
  bool have_version_line = false;  // `line` already holds the next record's first line
  auto fail = [&](core::Status status) { fn(WarcItem{number, std::move(status), in.consumed()}); };
  while (true) {
    bool truncated = false;
    if (!have_version_line) {
      // Records are separated by blank lines; blank lines between them are tolerated.
      do {
        if (!in.ReadLine(&line, kMaxHeaderLine, &truncated)) {
          if (!in.status().ok()) {
            ++number;
            fail(in.status());
          }
          return;
        }
      } while (line.empty());
    }
    have_version_line = false;
    ++number;
    if (truncated || !StartsWithWarc(line)) {
      fail(
          core::Status::InvalidArgument("not a WARC record: the header does not open with "
                                        "WARC/1.x; skipped to the next record"));
      if (!Resync(in, &line)) return;
      have_version_line = true;
      continue;
    }
    WarcRecord record;
    int64_t length = -1;
    size_t header_bytes = line.size();
    bool bad_header = false, header_ended = false;
    while (in.ReadLine(&line, kMaxHeaderLine, &truncated)) {
      header_bytes += line.size() + 2;
      if (truncated || header_bytes > kMaxHeaderBytes) {
        bad_header = true;
        break;
      }
      if (line.empty()) {
        header_ended = true;
        break;
      }
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;  // a continuation line or noise
      std::string_view name = Trim(std::string_view(line).substr(0, colon));
      std::string_view value = Trim(std::string_view(line).substr(colon + 1));
      if (EqualsNoCase(name, "Content-Length")) {
        uint64_t v = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        length = (ec == std::errc() && end == value.data() + value.size() && !value.empty() &&
                  v < (uint64_t{1} << 62))
                     ? static_cast<int64_t>(v)
                     : -2;
      } else if (EqualsNoCase(name, "WARC-Type")) {
        record.type = value;
      } else if (EqualsNoCase(name, "WARC-Target-URI")) {
        if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
          value = value.substr(1, value.size() - 2);
        record.target_uri = value;
      } else if (EqualsNoCase(name, "WARC-Date")) {
        record.date = value;
      } else if (EqualsNoCase(name, "Content-Type")) {
        record.content_type = value;
      }
    }
    if (!header_ended) {
      if (bad_header) {
        fail(core::Status::InvalidArgument("a WARC header line or header longer than allowed"));
        if (!Resync(in, &line)) return;
        have_version_line = true;
        continue;
      }
      fail(!in.status().ok() ? in.status()
                             : core::Status::InvalidArgument(
                                   "truncated: the archive ends inside a record's header"));
      return;
    }
    if (length < 0) {
      fail(core::Status::InvalidArgument(length == -1 ? "a WARC record without Content-Length"
                                                      : "a WARC record with a bad Content-Length"));
      if (!Resync(in, &line)) return;
      have_version_line = true;
      continue;
    }
    const uint64_t declared = static_cast<uint64_t>(length);
    if (declared > max_block) {
      uint64_t skipped = in.Skip(declared);
      if (skipped < declared) {
        fail(!in.status().ok()
                 ? in.status()
                 : core::Status::InvalidArgument(
                       "truncated: the record declares " + std::to_string(declared) +
                       " bytes and the archive ends after " + std::to_string(skipped)));
        return;
      }
      fail(core::Status::ResourceExhausted("a WARC record of " + std::to_string(declared) +
                                           " bytes, larger than " +
                                           std::to_string(max_block >> 20) + " MiB: skipped"));
    } else {
      size_t got = in.ReadExactly(static_cast<size_t>(declared), &record.block);
      if (got < declared) {
        fail(!in.status().ok() ? in.status()
                               : core::Status::InvalidArgument(
                                     "truncated: the record declares " + std::to_string(declared) +
                                     " bytes and the archive ends after " + std::to_string(got)));
        return;
      }
    }
    // The block is followed by CRLF CRLF; anything else means Content-Length lied.
    std::string end;
    in.ReadExactly(4, &end);
    if (end == "\r\n\r\n" || (end.empty() && in.status().ok())) {
      if (declared <= max_block) fn(WarcItem{number, std::move(record), in.consumed()});
      continue;
    }
    if (end == "\r\n" && in.AtEnd() && in.status().ok()) {  // a last record with one CRLF
      if (declared <= max_block) fn(WarcItem{number, std::move(record), in.consumed()});
      return;
    }
    if (!in.status().ok()) {
      fail(in.status());
      return;
    }
    fail(core::Status::InvalidArgument(
        "Content-Length lies: the record declares " + std::to_string(declared) +
        " bytes but its block is not followed by the record end; skipped to the next record"));
    // The next record may begin inside what was taken as this block (a length too long):
    // give back what follows the first "\nWARC/" in it, else scan on from here.
    std::string tail = record.block + end;
    size_t at = tail.find("\nWARC/1.");
    if (at != std::string::npos) in.Unread(std::string_view(tail).substr(at + 1));
    if (!Resync(in, &line)) return;
    have_version_line = true;
  }
}

}  // namespace actorgraph::importers
