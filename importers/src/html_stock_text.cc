#include "html_stock_text.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "month_names.h"

namespace actorgraph::importers::html {
namespace {

constexpr size_t kMaxStampLength = 120;
constexpr size_t kMaxCreditLength = 400;
constexpr size_t kMaxTrailingCredit = 80;  // "… Photograph: AFP via Getty Images"
constexpr size_t kMaxCallLength = 300;
constexpr size_t kMaxBylineNames = 4;
constexpr size_t kMinShoutedWords = 3;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// ASCII lower case; other bytes as they are.
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsLetterByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

struct Token {
  std::string_view text;
  bool digits;
};

// Runs of letters (any non-ASCII byte counts as one) and runs of digits, in order.
std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t j = i;
    if (std::isdigit(c)) {
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), true});
    } else if (IsLetterByte(c)) {
      while (j < s.size() && IsLetterByte(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), false});
    } else {
      j = i + 1;
    }
    i = j;
  }
  return out;
}

// Words a publication stamp may hold besides the date: its labels, weekdays, time zones
// and the particles of "Nov 19 at 9:41 a.m.", "22 de outubro às 20:13", "le 3 mars à 10h".
bool IsStampWord(const std::string& w) {
  static const std::array<std::string_view, 64> kWords = {
      "published", "updated", "posted", "modified",  "last",     "first",  "on",
      "at",        "am",      "pm",     "a",         "p",        "m",      "gmt",
      "utc",       "est",     "edt",    "et",        "pst",      "pdt",    "cst",
      "cdt",       "bst",     "cet",    "cest",      "ist",      "th",     "st",
      "nd",        "rd",      "de",     "del",       "el",       "le",     "à",
      "às",        "um",      "uhr",    "h",         "mon",      "monday", "tue",
      "tues",      "tuesday", "wed",    "wednesday", "thu",      "thur",   "thurs",
      "thursday",  "fri",     "friday", "sat",       "saturday", "sun",    "sunday",
      "feira",     "segunda", "terça",  "quarta",    "quinta",   "sexta",  "s\u00e1bado",
      "domingo"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool StartsUpper(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

// True when `s` at `at` begins a sentence: the text's start, or after ".", "?", "!" or a
// "|" separator, and spaces.
bool AtSentenceStart(std::string_view s, size_t at) {
  size_t i = at;
  while (i > 0 && s[i - 1] == ' ') --i;
  return i == 0 || s[i - 1] == '.' || s[i - 1] == '?' || s[i - 1] == '!' || s[i - 1] == '|';
}

bool HasPhraseAtSentenceStart(std::string_view lower, std::string_view phrase) {
  for (size_t at = lower.find(phrase); at != std::string_view::npos;
       at = lower.find(phrase, at + 1)) {
    if (AtSentenceStart(lower, at)) return true;
  }
  return false;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

bool IsDateStamp(std::string_view text) {
  if (CodePoints(text) > kMaxStampLength) return false;
  std::vector<Token> tokens = Tokens(text);
  bool year = false, time = false, month = false, number = false;
  size_t i = 0;
  if (!tokens.empty() && !tokens[0].digits && LowerAscii(tokens[0].text) == "by") {
    // "By Jane Doe - …": a byline before the stamp.
    size_t names = 0;
    for (i = 1; i < tokens.size() && names < kMaxBylineNames && !tokens[i].digits &&
                StartsUpper(tokens[i].text) && MonthFromName(tokens[i].text) == 0;
         ++i) {
      ++names;
    }
    if (names == 0) return false;
  }
  for (; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.digits) {
      number = true;
      year = year || (t.text.size() == 4 && (t.text.starts_with("19") || t.text.starts_with("20")));
      // "9:41": digits, a colon, digits.
      const char* end = t.text.data() + t.text.size();
      time = time || (i + 1 < tokens.size() && tokens[i + 1].digits &&
                      tokens[i + 1].text.data() == end + 1 && *end == ':');
      continue;
    }
    if (MonthFromName(t.text) != 0) {
      month = true;
      continue;
    }
    if (!IsStampWord(LowerAscii(t.text))) return false;
  }
  return year || time || (month && number);
}

bool IsPictureCredit(std::string_view text) {
  if (text.empty() || CodePoints(text) > kMaxCreditLength) return false;
  const std::string lower = LowerAscii(text);
  if (StartsWithAny(lower,
                    {"image caption", "image copyright", "photo:", "photos:", "photo by ",
                     "photograph:", "picture:", "image:", "credit:", "photo credit", "\u00a9"})) {
    return true;
  }
  // A credit label closing the caption: "… Photograph: AFP via Getty Images".
  for (std::string_view label :
       {" photograph: ", " photo: ", " photos: ", " image: ", " picture: ", " credit: "}) {
    size_t at = lower.rfind(label);
    if (at != std::string::npos && lower.size() - at - label.size() <= kMaxTrailingCredit)
      return true;
  }
  // A credit in brackets closing the caption: "… (Image: Getty)", "… [File: Reuters]".
  std::string_view trimmed = lower;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '.'))
    trimmed.remove_suffix(1);
  if (trimmed.empty() || (trimmed.back() != ')' && trimmed.back() != ']')) return false;
  const char open = trimmed.back() == ')' ? '(' : '[';
  size_t at = trimmed.rfind(open);
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view inside = trimmed.substr(at + 1, trimmed.size() - at - 2);
  while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
  return StartsWithAny(inside, {"image", "photo", "picture", "pic:", "credit",
                                "file:", "file photo", "ap photo", "courtesy"});
}

bool IsStoryPointerLabel(std::string_view text) {
  static const std::array<std::string_view, 20> kLabels = {"related",
                                                           "related articles",
                                                           "related stories",
                                                           "related news",
                                                           "read more",
                                                           "read next",
                                                           "read also",
                                                           "also read",
                                                           "see more",
                                                           "see also",
                                                           "more",
                                                           "don't miss",
                                                           "don\u2019t miss",
                                                           "do not miss",
                                                           "you may also like",
                                                           "you might also like",
                                                           "recommended for you",
                                                           "more on this",
                                                           "further reading",
                                                           "also on"};
  std::string lower = LowerAscii(text);
  // Closing punctuation: "More:", "You may also like...", "Read more \u2026".
  if (lower.ends_with("\u2026")) lower.resize(lower.size() - 3);
  while (!lower.empty() && (lower.back() == ':' || lower.back() == '.' || lower.back() == '!' ||
                            lower.back() == ' ' || lower.back() == '-' || lower.back() == '|')) {
    lower.pop_back();
  }
  for (std::string_view label : kLabels) {
    if (lower == label) return true;
  }
  return false;
}

bool IsCallToAction(std::string_view text) {
  if (CodePoints(text) > kMaxCallLength) return false;
  const std::string lower = LowerAscii(text);
  if (lower.find("affiliate link") != std::string::npos ||
      lower.find("contain affiliate") != std::string::npos) {
    return true;
  }
  // "Subscribe to our YouTube channel", "Subscribe to our sister title's magazine": a
  // subscription to what the site itself publishes elsewhere. (A newsletter sign-up is left to
  // the class names: Readability, the html corpus's reference, keeps its text.)
  bool subscribe = false;
  for (std::string_view phrase : {"subscribe to ", "subscribe for "})
    subscribe = subscribe || HasPhraseAtSentenceStart(lower, phrase);
  if (!subscribe) return false;
  for (std::string_view what : {"youtube", "channel", "podcast", "magazine"}) {
    if (lower.find(what) != std::string::npos) return true;
  }
  return false;
}

bool IsShouted(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    if (std::islower(c)) return false;
    bool letter = std::isupper(c);
    if (letter && !in_word) ++words;
    in_word = letter || (in_word && c == '\'');
  }
  return words >= kMinShoutedWords;
}

}  // namespace actorgraph::importers::html
