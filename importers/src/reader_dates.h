// Dates as articles and feeds write them, normalised to YYYY-MM-DD. Header-only helper
// shared by the readers.
#pragma once

#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers {
namespace reader_dates {

// 1-12 for a month's English name or its three-letter (or "Sept") abbreviation, else 0.
inline int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "sept") return 9;
  for (size_t i = 0; i < kFull.size(); ++i) {
    if (lower == kFull[i] || lower == kFull[i].substr(0, 3)) return static_cast<int>(i + 1);
  }
  return 0;
}

inline bool ValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

inline std::string Format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Splits into alphanumeric tokens, remembering which are numbers.
struct Token {
  std::string_view text;
  bool number;
};
inline std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (!std::isalnum(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    bool digit = std::isdigit(c) != 0;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) &&
           (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit) {
      ++j;
    }
    std::string_view text = s.substr(i, j - i);
    bool ordinal_suffix = !digit && !out.empty() && out.back().number && j - i == 2 &&
                          (text == "st" || text == "nd" || text == "rd" || text == "th");
    if (!ordinal_suffix) out.push_back({text, digit});  // "10th" -> "10"
    i = j;
  }
  return out;
}

inline int Number(std::string_view s) {
  if (s.size() > 4) return -1;  // before the loop: a long digit run would overflow int
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace reader_dates

// "2018-04-05T06:00", "2018/04/05", "Tue, 10 Jun 2003 04:00:00 GMT", "10th June 2003",
// "June 10, 2003", "20030610" -> "YYYY-MM-DD" (the calendar date as written, time zone
// ignored); "" when `text` holds no recognisable date.
inline std::string NormaliseDate(std::string_view text) {
  using namespace reader_dates;
  std::vector<Token> t = Tokens(text.substr(0, 200));
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].number && t[i].text.size() == 8 && i == 0 && t.size() == 1) {
      int y = Number(t[i].text.substr(0, 4)), m = Number(t[i].text.substr(4, 2)),
          d = Number(t[i].text.substr(6, 2));
      if (ValidDate(y, m, d)) return Format(y, m, d);
    }
    if (i + 2 >= t.size()) continue;
    // Year first: 2018-04-05.
    if (t[i].number && t[i].text.size() == 4 && t[i + 1].number && t[i + 2].number) {
      int y = Number(t[i].text), m = Number(t[i + 1].text), d = Number(t[i + 2].text);
      if (ValidDate(y, m, d)) return Format(y, m, d);
    }
    // Day month year: 10 June 2003.
    if (t[i].number && !t[i + 1].number && t[i + 2].number && t[i + 2].text.size() == 4) {
      int d = Number(t[i].text), m = MonthFromName(t[i + 1].text), y = Number(t[i + 2].text);
      if (ValidDate(y, m, d)) return Format(y, m, d);
    }
    // Month day year: June 10, 2003.
    if (!t[i].number && t[i + 1].number && t[i + 2].number && t[i + 2].text.size() == 4) {
      int m = MonthFromName(t[i].text), d = Number(t[i + 1].text), y = Number(t[i + 2].text);
      if (ValidDate(y, m, d)) return Format(y, m, d);
    }
  }
  return "";
}

}  // namespace actorgraph::importers
