#include "clean.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "../article_date.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthOf(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string w = Lower(word.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (w == kMonths[i] && Is(word, kCalendar)) return static_cast<int>(i) + 1;
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at s[i]; returns the number of digits read.
size_t ReadNumber(std::string_view s, size_t i, size_t max, int& value) {
  size_t n = 0;
  value = 0;
  while (i + n < s.size() && n < max && IsDigit(s[i + n])) value = value * 10 + (s[i + n++] - '0');
  return n;
}

std::string Format(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Splits `s` into words of letters and digits with their offsets.
struct Word {
  size_t begin, end;
};
std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) out.push_back({b, i});
  }
  return out;
}

int Number(std::string_view w) {
  int v = 0;
  size_t n = ReadNumber(w, 0, 4, v);
  return n == 0 ? -1 : v;
}

bool IsSentenceEnd(char c) { return c == '.' || c == '!' || c == '?' || c == ':' || c == ';'; }

// Title Case or a short unpunctuated line: a heading, caption, byline or menu item.
bool LooksLikeHeading(std::string_view line) {
  int words = 0, capital = 0, long_words = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i == b) break;
    std::string_view w = line.substr(b, i - b);
    ++words;
    if (w.size() > 3) {
      ++long_words;
      if (StartsUpper(w) || StartsDigit(w)) ++capital;
    }
  }
  if (words <= 8 && !IsSentenceEnd(line.back())) return true;
  return long_words >= 3 && capital * 10 >= long_words * 8;
}

}  // namespace

std::string FindDate(std::string_view s) {
  // ISO and numeric forms first.
  for (size_t i = 0; i + 8 <= s.size(); ++i) {
    if (i > 0 && IsDigit(s[i - 1])) continue;
    int a = 0, b = 0, c = 0;
    size_t n = ReadNumber(s, i, 4, a);
    if (n == 4 && i + 10 <= s.size() && s[i + 4] == '-' && ReadNumber(s, i + 5, 2, b) == 2 &&
        s[i + 7] == '-' && ReadNumber(s, i + 8, 2, c) == 2)
      return Format(a, b, c);
    if ((n == 1 || n == 2) && i + n < s.size() && s[i + n] == '/') {
      size_t m = ReadNumber(s, i + n + 1, 2, b);
      if (m > 0 && i + n + 1 + m < s.size() && s[i + n + 1 + m] == '/' &&
          ReadNumber(s, i + n + m + 2, 4, c) == 4)
        return Format(c, a, b);
    }
  }
  // "14 March 2021", "March 14, 2021", "23rd Feb, 2019".
  std::vector<Word> w = Words(s);
  for (size_t i = 0; i < w.size(); ++i) {
    int month = MonthOf(s.substr(w[i].begin, w[i].end - w[i].begin));
    if (!month) continue;
    auto num = [&](size_t k) {
      return k < w.size() ? Number(s.substr(w[k].begin, w[k].end - w[k].begin)) : -1;
    };
    if (i > 0 && num(i - 1) >= 1 && num(i - 1) <= 31 && num(i + 1) >= 1900)
      return Format(num(i + 1), month, num(i - 1));
    if (num(i + 1) >= 1 && num(i + 1) <= 31 && num(i + 2) >= 1900)
      return Format(num(i + 2), month, num(i + 1));
  }
  return "";
}

bool IsNoiseLine(std::string_view line) {
  std::string l = Lower(line);
  static constexpr std::string_view kNoise[] = {"skip to",
                                                "like us on",
                                                "follow us",
                                                "share this",
                                                "share on",
                                                "cookie",
                                                "click here",
                                                "for more information",
                                                "for further information",
                                                "get in touch",
                                                "subscribe",
                                                "sign up",
                                                "log in",
                                                "all rights reserved",
                                                "copyright",
                                                "read more",
                                                "(photo",
                                                "photo:",
                                                "interval ",
                                                "source:",
                                                "print this",
                                                "back to top",
                                                "menu",
                                                "privacy policy",
                                                "terms of use",
                                                "newsletter",
                                                "related articles",
                                                "tweet",
                                                "email this",
                                                "tags:"};
  for (std::string_view n : kNoise)
    if (l.find(n) != std::string::npos && line.size() < 120) return true;
  return false;
}

Cleaned Clean(const Document& doc) {
  Cleaned out;
  out.title = doc.title;
  // A document without a date (one posted as JSON text) is dated as the readers date one.
  out.date = doc.date.empty() ? FindArticleDate(doc.text) : doc.date;
  const std::string& t = doc.text;
  size_t i = 0;
  while (i < t.size()) {
    size_t e = t.find('\n', i);
    if (e == std::string::npos) e = t.size();
    std::string_view raw(t.data() + i, e - i);
    std::string_view line = Trim(raw);
    if (!line.empty()) {
      uint32_t b = static_cast<uint32_t>(line.data() - t.data());
      if (!IsNoiseLine(line)) {
        bool heading = LooksLikeHeading(line);
        if (out.title.empty() && heading && FindDate(line).empty() && line.size() > 20)
          out.title = std::string(line);
        out.lines.push_back({b, b + static_cast<uint32_t>(line.size()), heading});
      }
    }
    i = e + 1;
  }
  // A dateline opens a body line: "HAMBURG, 14 March 2021 - ", "Hamburg – ".
  for (Line& l : out.lines) {
    std::string_view line(t.data() + l.begin, l.end - l.begin);
    size_t dash = std::string_view::npos, dash_len = 0;
    for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      size_t at = line.substr(0, 80).find(d);
      if (at < dash) {
        dash = at;
        dash_len = d.size() - 2;  // the dash itself, without the spaces around it
      }
    }
    if (dash == std::string_view::npos || dash < 3) continue;
    std::string_view head = Trim(line.substr(0, dash));
    size_t word_end = head.find_first_of(" ,");
    std::string_view first = head.substr(0, word_end);
    if (IsAllUpper(first) || (StartsUpper(first) && word_end == std::string_view::npos)) {
      out.dateline = Normalize(head);
      // The dash belongs to the dateline: the body's first sentence starts after it.
      l.dateline_end = l.begin + static_cast<uint32_t>(dash + 1 + dash_len);
      break;
    }
  }
  return out;
}

}  // namespace actorgraph::importers::extract
