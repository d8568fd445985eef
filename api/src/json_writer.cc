#include "actorgraph/api/json_writer.h"

#include <charconv>
#include <cmath>

namespace actorgraph::api {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The UTF-8 sequence starting at s[i] (a byte >= 0x80): how many bytes it spans and whether
// it is valid. An invalid one spans its lead byte and the continuation bytes that fit it (the
// "maximal subpart" rule that nlohmann's replacing dump follows: one U+FFFD per such span).
struct Utf8Span {
  size_t bytes;
  bool valid;
};

Utf8Span ScanUtf8(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    length = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    length = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4)
    length = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
  else
    return {1, false};
  size_t k = 1;
  for (; k < length && i + k < s.size(); ++k) {
    auto next = static_cast<unsigned char>(s[i + k]);
    bool fits = k == 1 ? next >= low && next <= high : (next & 0xC0) == 0x80;
    if (!fits) break;
  }
  return {k, k == length};
}

bool NeedsCare(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

void AppendEscaped(std::string& out, std::string_view s) {
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    size_t run = i;
    while (run < s.size() && !NeedsCare(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.data() + i, run - i);  // plain ASCII goes out as it is
    i = run;
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      Utf8Span span = ScanUtf8(s, i);
      if (span.valid)
        out.append(s.substr(i, span.bytes));
      else
        out.append(kReplacement);
      i += span.bytes;
      continue;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    ++i;
  }
  out.push_back('"');
}

}  // namespace

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (need_comma_) out_.push_back(',');
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_.push_back('{');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_.push_back('[');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendEscaped(out_, key);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
  Separate();
  AppendEscaped(out_, text);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t n) {
  Separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Double(double d) {
  if (!std::isfinite(d)) return Null();
  Separate();
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view text(buf, end - buf);
  out_.append(text);
  if (text.find_first_of(".e") == std::string_view::npos) out_.append(".0");
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  Separate();
  out_.append(b ? "true" : "false");
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_.append("null");
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& list) {
  BeginArray();
  for (const auto& s : list) String(s);
  return EndArray();
}

JsonWriter& JsonWriter::Json(const nlohmann::json& value) {
  Separate();
  out_.append(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  need_comma_ = true;
  return *this;
}

std::string JsonWriter::Take() {
  need_comma_ = after_key_ = false;
  std::string text = std::move(out_);
  out_.clear();
  return text;
}

}  // namespace actorgraph::api
