// FindDates: the text is cut into words (runs of letters) and numbers (runs of ASCII
// digits), each with its byte offsets; a date is a short run of them, joined only by the
// separators dates are written with. Forms are tried at each word in turn.
#include "text_dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

#include "month_names.h"

namespace actorgraph::importers {
namespace {

struct Token {
  size_t begin = 0, end = 0;
  bool number = false;
  int value = -1;      // a number's value (-1 beyond 8 digits)
  size_t digits = 0;   // a number's length
  int month = 0;       // a word's month (1-12), else 0
  std::string folded;  // a word, folded (month_names.h), when short enough to matter
};

bool IsLetter(UChar32 c) {
  return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK || c == 0xAA || c == 0xBA;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool digit = c >= '0' && c <= '9';
    if (!digit && (c < 0 || !IsLetter(c))) continue;
    int32_t end = i;
    while (end < n) {
      int32_t next = end;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      bool same =
          digit ? (d >= '0' && d <= '9') : (d >= 0 && !(d >= '0' && d <= '9') && IsLetter(d));
      if (!same) break;
      end = next;
    }
    Token t;
    t.begin = static_cast<size_t>(start);
    t.end = static_cast<size_t>(end);
    t.number = digit;
    std::string_view word = text.substr(t.begin, t.end - t.begin);
    if (digit) {
      t.digits = word.size();
      if (t.digits <= 8) {
        t.value = 0;
        for (char ch : word) t.value = t.value * 10 + (ch - '0');
      }
    } else if (word.size() <= 24) {
      t.folded = FoldMonthWord(word);
      t.month = MonthFromFoldedName(t.folded);
    }
    out.push_back(std::move(t));
    i = end;
  }
  return out;
}

// The separators allowed between the words of a date ("5 March, 2024", "30. März",
// "5-Mar-2024", "Sept. 5"): spaces (also no-break and thin), ',', '.', '-', '/'; at most
// three of them besides spaces.
bool IsDateGap(std::string_view gap) {
  int marks = 0;
  size_t i = 0;
  while (i < gap.size()) {
    if (gap.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      i += 2;
      continue;
    }
    if (gap.compare(i, 3, "\xE2\x80\xAF") == 0 || gap.compare(i, 3, "\xE2\x80\x89") == 0) {
      i += 3;  // narrow no-break space, thin space
      continue;
    }
    char c = gap[i++];
    if (c == ' ' || c == '\t') continue;
    if (c != ',' && c != '.' && c != '-' && c != '/') return false;
    if (++marks > 3) return false;
  }
  return true;
}

// Ordinal endings written after a day: "4th", "1st", "2nd", "3rd"; "1er" (French), "1º",
// "1ª", "1o" (Spanish, Portuguese).
bool IsOrdinalEnding(const std::string& folded) {
  for (const char* e : {"st", "nd", "rd", "th", "er", "o", "a", "\xC2\xBA", "\xC2\xAA"})
    if (folded == e) return true;
  return false;
}

// Words that join a date's parts: "3 de marzo de 2024", "3 de março de 2024", "3 de marzo
// del 2024", "the 4th of July 2024".
bool IsConnector(const std::string& folded) {
  return folded == "de" || folded == "del" || folded == "of";
}

class Matcher {
 public:
  Matcher(std::string_view text, std::vector<Token> tokens) : text_(text), t_(std::move(tokens)) {}

  // A date whose first word is t_[i], with `last` set to its last word's index.
  std::optional<std::string> At(size_t i, size_t& last) const {
    if (auto d = Numeric(i, last)) return d;
    if (auto d = DayFirst(i, last)) return d;
    if (auto d = MonthFirst(i, last)) return d;
    if (auto d = YearFirstNamed(i, last)) return d;
    return std::nullopt;
  }

  const std::vector<Token>& tokens() const { return t_; }

 private:
  std::string_view Gap(size_t a, size_t b) const {
    return text_.substr(t_[a].end, t_[b].begin - t_[a].end);
  }
  bool Has(size_t i) const { return i < t_.size(); }
  bool IsNumber(size_t i, size_t min_digits, size_t max_digits) const {
    return Has(i) && t_[i].number && t_[i].digits >= min_digits && t_[i].digits <= max_digits;
  }
  bool IsYear(size_t i) const { return IsNumber(i, 4, 4); }
  // The same single separator ('-', '/' or '.') joins t_[a] to t_[a+1] and t_[a+1] to t_[a+2].
  char NumericSeparator(size_t a) const {
    std::string_view g1 = Gap(a, a + 1), g2 = Gap(a + 1, a + 2);
    if (g1.size() != 1 || g1 != g2) return 0;
    return (g1[0] == '-' || g1[0] == '/' || g1[0] == '.') ? g1[0] : 0;
  }

  std::optional<std::string> Valid(int y, int m, int d) const {
    if (!IsCalendarDate(y, m, d)) return std::nullopt;
    return IsoDate(y, m, d);
  }

  // "2024-03-05", "05.03.2024", "03/05/2024".
  std::optional<std::string> Numeric(size_t i, size_t& last) const {
    if (!IsNumber(i, 1, 4) || !IsNumber(i + 1, 1, 2) || !IsNumber(i + 2, 1, 4)) return {};
    char sep = NumericSeparator(i);
    if (!sep) return {};
    // Not a piece of a longer run of numbers ("1.2.3.2024", "10.2.2024.1").
    const std::string_view sep_text(&sep, 1);
    if (i > 0 && t_[i - 1].number && Gap(i - 1, i) == sep_text) return {};
    if (Has(i + 3) && t_[i + 3].number && Gap(i + 2, i + 3) == sep_text) return {};
    last = i + 2;
    int a = t_[i].value, b = t_[i + 1].value, c = t_[i + 2].value;
    if (t_[i].digits == 4 && t_[i + 2].digits <= 2) return Valid(a, b, c);
    if (t_[i].digits > 2 || t_[i + 2].digits != 4) return {};
    if (sep == '/') {  // month first, as in the US, unless only day first is a date
      if (auto d = Valid(c, a, b)) return d;
      return Valid(c, b, a);
    }
    return Valid(c, b, a);  // "30.03.2025", "30-03-2025": day first
  }

  // t_[i] is a day number; returns the index after its ordinal ending, if any ("4th",
  // "1er", "1º", and the Spanish academy's "1.º").
  size_t AfterDay(size_t i) const {
    if (!Has(i + 1) || t_[i + 1].number || !IsOrdinalEnding(t_[i + 1].folded)) return i + 1;
    std::string_view gap = Gap(i, i + 1);
    bool attached = gap.empty() || (gap == "." && t_[i + 1].folded.starts_with("\xC2"));
    return attached ? i + 2 : i + 1;
  }
  // Skips a connector word ("de", "of") at `i` when one is there.
  size_t SkipConnector(size_t prev, size_t i) const {
    if (Has(i) && !t_[i].number && IsConnector(t_[i].folded) && IsDateGap(Gap(prev, i)))
      return i + 1;
    return i;
  }
  bool Joined(size_t a, size_t b) const { return Has(b) && IsDateGap(Gap(a, b)); }

  // "5 March 2024", "5th March, 2024", "30. März 2025", "3 de marzo de 2024".
  std::optional<std::string> DayFirst(size_t i, size_t& last) const {
    if (!IsNumber(i, 1, 2)) return {};
    size_t m = AfterDay(i);
    size_t before_month = m - 1;
    m = SkipConnector(before_month, m);
    if (!Has(m) || t_[m].number || !t_[m].month || !Joined(m - 1, m)) return {};
    size_t y = SkipConnector(m, m + 1);
    if (!IsYear(y) || !Joined(y - 1, y)) return {};
    last = y;
    return Valid(t_[y].value, t_[m].month, t_[i].value);
  }

  // "November 4th, 2024", "Sept. 5, 2024", "June 23rd 2010".
  std::optional<std::string> MonthFirst(size_t i, size_t& last) const {
    if (!Has(i) || t_[i].number || !t_[i].month) return {};
    size_t d = i + 1;
    if (!IsNumber(d, 1, 2) || !Joined(i, d)) return {};
    size_t y = SkipConnector(AfterDay(d) - 1, AfterDay(d));
    if (!IsYear(y) || !Joined(y - 1, y)) return {};
    last = y;
    return Valid(t_[y].value, t_[i].month, t_[d].value);
  }

  // "2015-May-7", "2015/May/07".
  std::optional<std::string> YearFirstNamed(size_t i, size_t& last) const {
    if (!IsYear(i) || !Has(i + 2) || t_[i + 1].number || !t_[i + 1].month || !IsNumber(i + 2, 1, 2))
      return {};
    std::string_view g1 = Gap(i, i + 1), g2 = Gap(i + 1, i + 2);
    if (g1.size() != 1 || g1 != g2 || (g1[0] != '-' && g1[0] != '/')) return {};
    last = i + 2;
    return Valid(t_[i].value, t_[i + 1].month, t_[i + 2].value);
  }

  std::string_view text_;
  std::vector<Token> t_;
};

template <typename Visit>
void ForEachDate(std::string_view text, Visit visit) {
  Matcher matcher(text, Tokenize(text));
  const auto& t = matcher.tokens();
  for (size_t i = 0; i < t.size(); ++i) {
    size_t last = i;
    if (auto iso = matcher.At(i, last)) {
      if (!visit(DateMention{std::move(*iso), t[i].begin, t[last].end})) return;
      i = last;
    }
  }
}

}  // namespace

bool IsCalendarDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::string IsoDate(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::vector<DateMention> FindDates(std::string_view text) {
  std::vector<DateMention> out;
  ForEachDate(text, [&](DateMention&& d) {
    out.push_back(std::move(d));
    return true;
  });
  return out;
}

std::optional<DateMention> FirstDate(std::string_view text) {
  std::optional<DateMention> first;
  ForEachDate(text, [&](DateMention&& d) {
    first = std::move(d);
    return false;
  });
  return first;
}

}  // namespace actorgraph::importers
