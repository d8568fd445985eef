#include "html_hints.h"

#include <array>
#include <cctype>

namespace actorgraph::importers::html {
namespace {

template <size_t N>
bool ContainsAny(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// True when `word` occurs in `s` delimited by non-word characters; when `underscore_delimits`,
// '_' also delimits ("social_share").
bool ContainsWord(std::string_view s, std::string_view word, bool underscore_delimits) {
  auto delimits = [&](char c) { return !IsWordChar(c) || (underscore_delimits && c == '_'); };
  for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
    bool left = at == 0 || delimits(s[at - 1]);
    size_t end = at + word.size();
    bool right = end == s.size() || delimits(s[end]);
    if (left && right) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 33> kUnlikely = {
    "-ad-",       "ai2html", "banner",     "breadcrumbs",  "combx",    "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",   "legends",
    "menu",       "related", "remark",     "replies",      "rss",      "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",  "pagination",
    "pager",      "popup",   "yom-remote", "cookie",       "consent"};
constexpr std::array<std::string_view, 7> kMaybeContent = {"and",     "article", "body",  "column",
                                                           "content", "main",    "shadow"};
constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story"};
constexpr std::array<std::string_view, 24> kNegative = {
    "-ad-",  "hidden",   "banner",  "combx",      "comment",  "com-",     "contact", "footer",
    "gdpr",  "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget"};
constexpr std::array<std::string_view, 5> kByline = {"byline", "author", "dateline", "writtenby",
                                                     "p-author"};
constexpr std::array<std::string_view, 7> kUnlikelyRoles = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};

constexpr std::array<std::string_view, 7> kHidingClasses = {
    "sr-only",    "screen-reader-text", "visually-hidden",  "visuallyhidden",
    "off-screen", "offscreen",          "element-invisible"};

}  // namespace

bool HintsUnlikely(std::string_view match) { return ContainsAny(match, kUnlikely); }
bool HintsMaybeContent(std::string_view match) { return ContainsAny(match, kMaybeContent); }
bool HintsPositive(std::string_view match) { return ContainsAny(match, kPositive); }
bool HintsNegative(std::string_view match) {
  return ContainsAny(match, kNegative) || ContainsWord(match, "hid", false);
}
bool HintsByline(std::string_view match) { return ContainsAny(match, kByline); }
bool HintsShare(std::string_view match) {
  return ContainsWord(match, "share", true) || ContainsWord(match, "sharedaddy", true);
}
bool HidesByClass(std::string_view class_attr) {
  bool display_none = false;
  for (size_t at = 0; at < class_attr.size();) {
    size_t end = class_attr.find_first_of(" \t\n\r\f", at);
    if (end == std::string_view::npos) end = class_attr.size();
    std::string_view name = class_attr.substr(at, end - at);
    at = end + 1;
    for (std::string_view hiding : kHidingClasses) {
      if (name == hiding) return true;
    }
    if (name == "d-none") {
      display_none = true;
    } else if (name.starts_with("d-") && !name.starts_with("d-print-") &&
               !name.ends_with("-none")) {
      return false;  // "d-md-block": shown on some screens
    }
  }
  return display_none;
}

bool IsUnlikelyRole(std::string_view role) {
  for (std::string_view r : kUnlikelyRoles) {
    if (role == r) return true;
  }
  return false;
}

}  // namespace actorgraph::importers::html
