#include "language/lowercase_words.h"

#include <utf8proc.h>

namespace actorgraph::importers::language {

namespace {

enum class Kind { kLower, kUpper, kOther };

// The kind of the code point at `text[pos]`; `*len` is its length in bytes (1 for an
// invalid byte).
Kind Next(std::string_view text, size_t pos, size_t* len) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {  // ASCII, the common case, without the decoder
    *len = 1;
    if (c >= 'a' && c <= 'z') return Kind::kLower;
    if (c >= 'A' && c <= 'Z') return Kind::kUpper;
    return Kind::kOther;
  }
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    *len = 1;
    return Kind::kOther;
  }
  *len = static_cast<size_t>(n);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return Kind::kLower;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return Kind::kUpper;
    default:
      return Kind::kOther;
  }
}

}  // namespace

void ForEachLowercaseWord(std::string_view text, const std::function<bool(std::string_view)>& fn) {
  size_t start = 0;
  bool has_upper = false;
  for (size_t pos = 0, len = 0; pos <= text.size(); pos += len) {
    Kind kind = pos < text.size() ? Next(text, pos, &len) : (len = 1, Kind::kOther);
    if (kind == Kind::kUpper) {
      has_upper = true;
    } else if (kind == Kind::kOther) {
      if (pos > start && !has_upper && !fn(text.substr(start, pos - start))) return;
      start = pos + len;
      has_upper = false;
    }
  }
}

bool IsLowercaseWord(std::string_view word) {
  size_t words = 0;
  bool whole = false;
  ForEachLowercaseWord(word, [&](std::string_view w) {
    ++words;
    whole = w.size() == word.size();
    return false;
  });
  return words == 1 && whole;
}

}  // namespace actorgraph::importers::language
