#include "text.h"

#include <utf8proc.h>

namespace actorgraph::importers::extract {
namespace {

// Calls f(category) for each code point until f returns false.
template <typename F>
void ForEachCategory(std::string_view w, F f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(w.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(w.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    if (cp >= 0 && !f(utf8proc_category(cp))) return;
    p += n;
    left -= n;
  }
}

bool IsLetter(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_LM;
}

}  // namespace

bool StartsUpper(std::string_view w) {
  if (!w.empty() && static_cast<unsigned char>(w[0]) < 0x80) return w[0] >= 'A' && w[0] <= 'Z';
  bool upper = false;
  ForEachCategory(w, [&](utf8proc_category_t c) {
    upper = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
    return false;
  });
  return upper;
}

bool IsAllUpper(std::string_view w) {
  int letters = 0, upper = 0;
  bool lower = false;
  ForEachCategory(w, [&](utf8proc_category_t c) {
    if (c == UTF8PROC_CATEGORY_LL) lower = true;
    if (c == UTF8PROC_CATEGORY_LU) ++upper;
    if (IsLetter(c)) ++letters;
    return !lower;
  });
  return letters >= 2 && upper >= 1 && !lower;
}

bool HasLower(std::string_view w) {
  bool lower = false;
  ForEachCategory(w, [&](utf8proc_category_t c) {
    lower = c == UTF8PROC_CATEGORY_LL;
    return !lower;
  });
  return lower;
}

bool StartsDigit(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) {  // ‘ ’
        out += '\'';
        i += 2;
        space = false;
        continue;
      }
    }
    if (c <= ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace actorgraph::importers::extract
