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
constexpr size_t kTitleLines = 4;  // the title is among the first non-empty lines

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

bool LooksLikeTitle(std::string_view line) {
  if (line.size() > kMaxTitleBytes) return false;
  char last = line.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
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
  for (size_t i = 0; i < lines.size() && find_title && !title_decided; ++i) {
    if (lines[i].empty()) continue;
    if (++seen > kTitleLines) break;
    if (!DateOfDateLine(lines[i]).empty()) continue;
    if (IsChrome(lines[i])) {
      dropped[i] = true;
      continue;
    }
    // The first line that is neither chrome nor a date is the title, if it looks like one.
    title_decided = true;
    if (LooksLikeTitle(lines[i])) {
      doc.title = lines[i];
      dropped[i] = true;
    }
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
