#include "actorgraph/core/names.h"

#include <utf8proc.h>

namespace actorgraph::core {

namespace {

// Decodes one code point at `i`; returns its length, or 0 for an invalid sequence.
size_t DecodeAt(std::string_view s, size_t i, utf8proc_int32_t* cp) {
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), cp);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

void AppendCodePoint(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    size_t n = DecodeAt(text, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out.push_back(text[i++]);
      continue;
    }
    utf8proc_int32_t cp;
    size_t n = DecodeAt(text, i, &cp);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  auto emit = [&](utf8proc_int32_t cp) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    AppendCodePoint(out, cp);
  };
  for (size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {  // fast path for ASCII
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        emit(c);
      else if (c >= 'A' && c <= 'Z')
        emit(c - 'A' + 'a');
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '/' || c == '_')
        pending_space = true;
      continue;  // other punctuation is dropped
    }
    utf8proc_int32_t cp;
    size_t n = DecodeAt(name, i, &cp);
    if (n == 0) {
      ++i;
      continue;
    }
    i += n;
    utf8proc_int32_t decomposed[8];
    int opts = UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
    utf8proc_ssize_t m =
        utf8proc_decompose_char(cp, decomposed, 8, static_cast<utf8proc_option_t>(opts), nullptr);
    for (utf8proc_ssize_t k = 0; k < m && k < 8; ++k) {
      utf8proc_int32_t d = decomposed[k];
      auto cat = utf8proc_category(d);
      bool letter_or_digit = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                             (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
      if (letter_or_digit) {
        if (d < 0x80 && d >= 'A' && d <= 'Z') d = d - 'A' + 'a';
        emit(d);
      } else if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_PD) {
        pending_space = true;
      }
    }
  }
  return out;
}

}  // namespace actorgraph::core
