// ReadText: plain-text articles, as scraped or exported.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "actorgraph/core/names.h"
#include "actorgraph/importers/readers.h"
#include "article_date.h"
#include "reader_sniff.h"
#include "reader_text.h"

namespace actorgraph::importers {
namespace {

constexpr size_t kMaxTitleBytes = 200;
constexpr size_t kTitleLines = 8;     // the title is among the first non-empty lines
constexpr size_t kMinTitleWords = 4;  // shorter head lines are labels: a section, a site, a city
constexpr size_t kMaxTitleWords = 30;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

// Page chrome that scrapes carry before the headline ("Skip to main content", "Menu").
bool IsChrome(std::string_view line) {
  std::string lower = Lower(line);
  if (lower.starts_with("skip to") || lower.starts_with("jump to")) return true;
  for (std::string_view word :
       {"menu", "search", "home", "navigation", "share", "print", "close", "sign in", "log in"}) {
    if (lower == word) return true;
  }
  return false;
}

// Lines with "\r\n" and "\r" normalised to "\n", each trimmed.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      lines.push_back(Trim(text.substr(start, i - start)));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

// Words with a letter in them ("&", "-" and "10" are not).
size_t LetterWords(std::string_view line) {
  size_t words = 0;
  bool in_word = false, letter = false;
  for (size_t i = 0; i <= line.size(); ++i) {
    bool space = i == line.size() || std::isspace(static_cast<unsigned char>(line[i]));
    if (space) {
      words += in_word && letter;
      in_word = letter = false;
      continue;
    }
    in_word = true;
    unsigned char c = static_cast<unsigned char>(line[i]);
    letter |= std::isalpha(c) || c >= 0x80;
  }
  return words;
}

// A line that reads like the body: a sentence's end, or too long for a headline.
bool LooksLikeBody(std::string_view line) {
  if (line.size() > kMaxTitleBytes || LetterWords(line) > kMaxTitleWords) return true;
  char last = line.back();
  return last == '.' || last == ',' || last == ';' || last == ':';
}

// Page furniture that is no headline though it is not a sentence: a site's or a section's
// name ("Market News", "The Guardian (Nigeria)", "MercoPress, en Español"), a widget
// ("Interval 10 seconds", "EVObsession logo", "ISSN 2330-717X"), a dateline without a year
// ("Ashgabat, Turkmenistan, June 5"), a menu ("Home | News | Business").
bool IsFurniture(std::string_view line) {
  const std::string lower = Lower(line);
  for (std::string_view word :
       {"logo", "banner", "advertorial", "advertisement", "issn", "newsletter", "subscribe",
        "cookie", "sign up", "all news", "looking for?"})
    if (lower.find(word) != std::string::npos) return true;
  size_t separators = 0;
  for (std::string_view sep : {" | ", " • ", " · ", " > ", " » ", " / "})
    for (size_t at = lower.find(sep); at != std::string::npos; at = lower.find(sep, at + 1))
      ++separators;
  if (separators >= 2) return true;
  const size_t words = LetterWords(line);
  if (words < kMinTitleWords) return true;
  // A short line that is a list of names: "Place, Country, Month Day", "Site, en Español",
  // "Site (Country)".
  const bool listy = line.find(',') != std::string_view::npos ||
                     (line.back() == ')' && line.find('(') != std::string_view::npos);
  return listy && words <= 5;
}

}  // namespace

core::Result<Document> ReadPlainText(std::string_view text, std::string url, bool find_title) {
  if (text.size() > kMaxReaderInputBytes)
    return core::Status::ResourceExhausted("text larger than 64 MiB");
  if (LooksBinary(text)) return core::Status::InvalidArgument("binary data, not text");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
  const std::string utf8 = core::IsValidUtf8(text) ? std::string(text) : core::RepairUtf8(text);
  std::vector<std::string_view> lines = SplitLines(utf8);

  Document doc;
  doc.url = std::move(url);
  doc.date = FindArticleDate(lines);
  // The title is among the first few non-empty lines, date lines aside; chrome before the
  // title and the title line itself are left out of the body.
  std::vector<bool> dropped(lines.size(), false);
  bool title_decided = false;
  size_t seen = 0;
  std::vector<size_t> furniture;
  for (size_t i = 0; i < lines.size() && find_title && !title_decided; ++i) {
    if (lines[i].empty()) continue;
    if (++seen > kTitleLines) break;
    if (!DateOfDateLine(lines[i]).empty()) continue;
    if (IsChrome(lines[i])) {
      dropped[i] = true;
      continue;
    }
    // The first line that reads like the body ends the search: the article has no title
    // line. Furniture before the headline is skipped (and left out of the body once a
    // headline follows it).
    if (LooksLikeBody(lines[i])) {
      title_decided = true;
      break;
    }
    if (IsFurniture(lines[i])) {
      furniture.push_back(i);
      continue;
    }
    title_decided = true;
    doc.title = lines[i];
    dropped[i] = true;
    for (size_t f : furniture) dropped[f] = true;
  }

  bool blank_pending = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (dropped[i]) continue;
    if (lines[i].empty()) {
      blank_pending = true;
      continue;
    }
    if (!doc.text.empty()) doc.text += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    doc.text.append(lines[i]);
  }
  if (doc.text.empty() && doc.title.empty()) return core::Status::InvalidArgument("empty text");
  return doc;
}

}  // namespace actorgraph::importers

namespace actorgraph::importers {

core::Result<Document> ReadText(std::string_view text, std::string url) {
  return ReadPlainText(text, std::move(url), /*find_title=*/true);
}

}  // namespace actorgraph::importers
