#include "article_date.h"

#include <algorithm>
#include <cctype>

#include "quoted_spans.h"
#include "text_dates.h"

namespace actorgraph::importers {
namespace {

constexpr size_t kHeadLines = 200;  // page chrome before a headline can be a long menu
constexpr size_t kMaxDateLineBytes = 100;
constexpr size_t kProseWords = 8;
constexpr size_t kBodyFollowLines = 2;  // the body: prose followed closely by prose
constexpr size_t kDatelineLines = 3;    // a photo caption or standfirst may come first
constexpr size_t kDatelineBytes = 100;
constexpr size_t kLeadLines = 3;
constexpr size_t kWordsBeforeLeadDate = 2;
constexpr size_t kSentenceLookbackBytes = 64;
constexpr size_t kLeadBytes = 2000;    // a lead's date is in its opening, not 1 MB into a line
constexpr size_t kLeadScanLines = 12;  // non-empty lines after the head searched for the lead

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A sentence of running text, not a headline, menu item or caption: kProseWords words or
// more and a sentence's last mark (closing quotes and brackets aside).
bool IsProse(std::string_view line) {
  if (WordCount(line) < kProseWords) return false;
  std::string_view s = Trim(line);
  while (!s.empty()) {
    unsigned char c = s.back();
    if (c == '"' || c == ')' || c == '\'' || c >= 0x80) {
      // Closing marks, and the last byte of a multi-byte closing quote or ellipsis.
      if (s.ends_with("\xE2\x80\xA6")) return true;  // …
      s.remove_suffix(1);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return false;
}

// The dates of `line` outside quotations.
std::vector<DateMention> UnquotedDates(std::string_view line) {
  std::vector<DateMention> dates = FindDates(line);
  if (dates.empty()) return dates;
  auto quoted = QuotedSpans(line);
  std::erase_if(dates, [&](const DateMention& d) { return InSpans(quoted, d.begin); });
  return dates;
}

// Whether what follows a date on its line marks the end of a dateline: a dash, colon,
// slash, parenthesis or bar (spaces before it aside), or the line's end.
bool EndsDateline(std::string_view rest) {
  rest = Trim(rest);
  if (rest.empty()) return true;
  for (std::string_view mark : {"-", "\xE2\x80\x93", "\xE2\x80\x94", ":", "/", "(", ")", "|"})
    if (rest.starts_with(mark)) return true;
  return false;
}

// Whether the date at `begin` opens a sentence or a clause after a colon: at most
// kWordsBeforeLeadDate words before it ("On October 18, 2019, the company ...", "date
// 2019-11-04 The company ..."), unlike a date further into a sentence ("a deal first
// discussed on 3 May 2021"), which is about another event.
bool OpensSentence(std::string_view line, size_t begin) {
  // The sentence's start is looked for in the kSentenceLookbackBytes before the date: a few
  // words fit in them, and a long line costs no more than a short one.
  const size_t floor = begin > kSentenceLookbackBytes ? begin - kSentenceLookbackBytes : 0;
  for (size_t i = begin; i > floor + 1; --i) {
    if (line[i - 1] != ' ') continue;
    // The mark before the space, closing quotes and brackets aside: 'deal." On 5 May'.
    std::string_view before = line.substr(floor, i - 1 - floor);
    while (!before.empty()) {
      if (before.back() == '"' || before.back() == ')') {
        before.remove_suffix(1);
      } else if (before.ends_with("\xE2\x80\x9D") || before.ends_with("\xE2\x80\x9C")) {
        before.remove_suffix(3);
      } else if (before.ends_with("\xC2\xBB") || before.ends_with("\xC2\xAB")) {
        before.remove_suffix(2);
      } else {
        break;
      }
    }
    if (before.empty()) continue;
    char mark = before.back();
    if (mark == '.' || mark == ':' || mark == ';' || mark == '!' || mark == '?')
      return WordCount(line.substr(i, begin - i)) <= kWordsBeforeLeadDate;
  }
  return floor == 0 && WordCount(line.substr(0, begin)) <= kWordsBeforeLeadDate;
}

std::string DatelineDate(std::string_view line) {
  for (const DateMention& d : UnquotedDates(line)) {
    if (d.begin >= kDatelineBytes) break;
    if (EndsDateline(line.substr(d.end))) return d.iso;
  }
  return "";
}

// Where the body starts: the first prose line that another prose line follows closely (one
// of the next kBodyFollowLines non-empty lines), so that a lone blurb in a menu ("Do you
// know your rights? These resources ...") does not end the head; else the first prose line;
// lines.size() when there is none among the first kHeadLines non-empty lines.
size_t BodyStart(const std::vector<std::string_view>& lines) {
  std::vector<size_t> nonempty;
  for (size_t i = 0; i < lines.size() && nonempty.size() <= kHeadLines + kBodyFollowLines; ++i)
    if (!Trim(lines[i]).empty()) nonempty.push_back(i);
  size_t first_prose = lines.size();
  for (size_t k = 0; k < nonempty.size() && k <= kHeadLines; ++k) {
    if (!IsProse(Trim(lines[nonempty[k]]))) continue;
    if (first_prose == lines.size()) first_prose = nonempty[k];
    for (size_t f = k + 1; f < nonempty.size() && f <= k + kBodyFollowLines; ++f)
      if (IsProse(Trim(lines[nonempty[f]]))) return nonempty[k];
  }
  return first_prose;
}

}  // namespace

std::string DateOfDateLine(std::string_view line) {
  if (line.size() > kMaxDateLineBytes) return "";
  std::vector<DateMention> dates = UnquotedDates(line);
  return dates.empty() ? "" : dates.front().iso;
}

std::string FindArticleDate(const std::vector<std::string_view>& lines) {
  std::string earliest;  // "YYYY-MM-DD" compares as dates do
  auto consider = [&](const std::string& iso) {
    if (!iso.empty() && (earliest.empty() || iso < earliest)) earliest = iso;
  };
  const size_t body = BodyStart(lines);
  size_t seen = 0;
  for (size_t i = 0; i < body && seen < kHeadLines; ++i) {
    std::string_view line = Trim(lines[i]);
    if (line.empty()) continue;
    ++seen;
    consider(DateOfDateLine(line));
  }
  std::vector<std::string_view> lead;
  for (size_t i = body, scanned = 0;
       i < lines.size() && lead.size() < std::max(kDatelineLines, kLeadLines); ++i) {
    std::string_view line = Trim(lines[i]);
    if (line.empty()) continue;
    if (++scanned > kLeadScanLines) break;
    if (IsProse(line)) lead.push_back(line.substr(0, kLeadBytes));
  }
  for (size_t k = 0; k < lead.size() && k < kDatelineLines; ++k) consider(DatelineDate(lead[k]));
  if (!earliest.empty()) return earliest;
  for (size_t k = 0; k < lead.size() && k < kLeadLines; ++k) {
    for (const DateMention& d : UnquotedDates(lead[k]))
      if (OpensSentence(lead[k], d.begin)) return d.iso;
  }
  return "";
}

std::string FindArticleDate(std::string_view text) {
  // Only the lines FindArticleDate can look at: the head, what shows where the body starts,
  // and the lead.
  constexpr size_t kMaxNonEmptyLines = kHeadLines + kBodyFollowLines + kLeadScanLines + 1;
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size() && lines.size() < kMaxNonEmptyLines; ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      std::string_view line = text.substr(start, i - start);
      if (!Trim(line).empty()) {  // empty lines play no part
        lines.push_back(line);
      }
      start = i + 1;
    }
  }
  return FindArticleDate(lines);
}

}  // namespace actorgraph::importers
