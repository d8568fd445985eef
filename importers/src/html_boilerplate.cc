#include "html_boilerplate.h"

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "html_stock_text.h"

namespace actorgraph::importers::html {
namespace {

// A block holding this share of the article's text or more is the article, not clutter.
constexpr double kMaxShareOfArticle = 0.5;
// A block with this share of its text in links or more is a link, not text.
constexpr double kMinLinkOnlyDensity = 0.9;
// The headlines under a pointer label: blocks with this share of their text in links or more.
constexpr double kMinPointerLinkDensity = 0.5;

// The words of a class/id string, lower-cased, split at every non-alphanumeric character
// and where a lower-case letter meets an upper-case one ("post-share_bar" gives post, share,
// bar; "InlineImage-imageEmbedCredit" gives inline, image, image, embed, credit).
std::vector<std::string> NameWords(std::string_view names) {
  std::vector<std::string> words;
  std::string current;
  char previous = ' ';
  for (char c : names) {
    const bool camel_hump = std::islower(static_cast<unsigned char>(previous)) &&
                            std::isupper(static_cast<unsigned char>(c));
    previous = c;
    if (camel_hump && !current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// Whole name words that news sites give to the blocks around and inside an article body
// that are not the article: lists of other stories, sign-up and share boxes, navigation,
// advertising, picture galleries and credits, post metadata, and the hover cards and
// sliders that pop up over it ("rollover", "tooltip", "swiper"). Captions, bylines and comment
// sections are left to the extractor: Readability, the reference of the html corpus, keeps
// them.
constexpr std::array<std::string_view, 41> kBoilerplateWords = {
    "related",      "recommended",   "newsletter", "newsletters", "subscribe",
    "subscription", "signup",        "promo",      "widget",      "sidebar",
    "breadcrumb",   "breadcrumbs",   "tags",       "share",       "sharing",
    "social",       "nav",           "navigation", "footer",      "cookie",
    "consent",      "advertisement", "advert",     "sponsored",   "outbrain",
    "taboola",      "gallery",       "carousel",   "credit",      "credits",
    "copyright",    "timestamp",     "meta",       "ad",          "ads",
    "trending",     "rollover",      "tooltip",    "popover",     "hovercard",
    "swiper"};

bool HasBoilerplateName(std::string_view names) {
  std::vector<std::string> words = NameWords(names);
  for (size_t i = 0; i < words.size(); ++i) {
    for (std::string_view w : kBoilerplateWords) {
      if (words[i] == w) return true;
    }
    // "author-bio", "author-box": a box about the writer.
    if (words[i] == "author" && i + 1 < words.size() &&
        (words[i + 1] == "bio" || words[i + 1] == "box")) {
      return true;
    }
  }
  return false;
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// A block named as boilerplate. Headings are judged by their text, not their name: a
// heading takes its name from the block it titles ("slideshow-headline").
bool IsNamedBoilerplate(const Page& page, NodeId n) {
  const Node& node = page.node(n);
  if (node.is_text || IsHeadingTag(node.tag)) return false;
  std::string names(page.Attr(n, "class"));
  names.push_back(' ');
  names.append(page.Attr(n, "id"));
  return HasBoilerplateName(names);
}

// The innermost blocks of the article, in document order: the paragraphs, list items and
// headings a reader sees one by one.
std::vector<NodeId> TextBlocks(const Page& page, NodeId article) {
  std::vector<NodeId> blocks;
  for (NodeId n = page.Next(article, article); n != kNoNode;) {
    const Node& node = page.node(n);
    if (!node.is_text &&
        (node.tag == GUMBO_TAG_P || node.tag == GUMBO_TAG_LI || IsHeadingTag(node.tag))) {
      if (page.HasText(n)) blocks.push_back(n);
      n = page.Next(n, article, /*skip_children=*/true);
    } else {
      n = page.Next(n, article);
    }
  }
  return blocks;
}

// After the body's last paragraph of its own text, pages list ways out: headlines of other
// stories, "Read more", under a heading ("You may also like"). Removes those trailing
// headings and all-link blocks, from the end back to the first block of real text.
void RemoveTrailingLinks(Page& page, NodeId article) {
  std::vector<NodeId> blocks = TextBlocks(page, article);
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    bool link_only = page.LinkDensity(*it) >= kMinLinkOnlyDensity;
    if (!link_only && !IsHeadingTag(page.tag(*it))) break;
    page.Detach(*it);
  }
}

// The blocks whose whole text may be stock text: paragraphs, list items, headings and
// captions, innermost first in document order (a caption's paragraphs, not the caption).
std::vector<NodeId> StockTextBlocks(const Page& page, NodeId article) {
  std::vector<NodeId> blocks;
  for (NodeId n = page.Next(article, article); n != kNoNode; n = page.Next(n, article)) {
    const Node& node = page.node(n);
    if (node.is_text) continue;
    bool block = node.tag == GUMBO_TAG_P || node.tag == GUMBO_TAG_LI ||
                 node.tag == GUMBO_TAG_FIGCAPTION || IsHeadingTag(node.tag);
    if (block && page.HasText(n)) blocks.push_back(n);
  }
  // A block that holds other blocks is judged by them; in document order, the first block
  // inside it comes right after it.
  std::vector<NodeId> innermost;
  for (size_t i = 0; i < blocks.size(); ++i) {
    bool outer = false;
    if (i + 1 < blocks.size()) {
      for (NodeId a = page.node(blocks[i + 1]).parent; a != kNoNode && !outer;
           a = page.node(a).parent) {
        outer = a == blocks[i];
      }
    }
    if (!outer) innermost.push_back(blocks[i]);
  }
  return innermost;
}

// Removes publication stamps, picture credits, calls to subscribe, shouted links, and
// pointers to other stories: a label alone ("Don't miss", "More:") and the linked blocks
// that follow it (the headlines it points to).
void RemoveStockText(Page& page, NodeId article) {
  std::vector<NodeId> blocks = StockTextBlocks(page, article);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const NodeId b = blocks[i];
    const std::string text = page.InnerText(b);
    if (IsStoryPointerLabel(text)) {
      page.Detach(b);
      while (i + 1 < blocks.size() && page.LinkDensity(blocks[i + 1]) >= kMinPointerLinkDensity)
        page.Detach(blocks[++i]);
    } else if (IsDateStamp(text) || IsPictureCredit(text) || IsCallToAction(text) ||
               (page.LinkDensity(b) >= kMinLinkOnlyDensity && IsShouted(text))) {
      page.Detach(b);
    }
  }
}

}  // namespace

void RemoveBoilerplate(Page& page, NodeId article) {
  const double article_length = static_cast<double>(page.TextLength(article));
  for (NodeId n = page.Next(article, article); n != kNoNode;) {
    if (IsNamedBoilerplate(page, n) &&
        static_cast<double>(page.TextLength(n)) < kMaxShareOfArticle * article_length) {
      NodeId next = page.Next(n, article, /*skip_children=*/true);
      page.Detach(n);
      n = next;
    } else {
      n = page.Next(n, article);
    }
  }
  RemoveStockText(page, article);
  RemoveTrailingLinks(page, article);
}

}  // namespace actorgraph::importers::html
