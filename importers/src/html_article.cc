#include "html_article.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "html_boilerplate.h"
#include "html_hints.h"
#include "html_text.h"

namespace actorgraph::importers::html {
namespace {

constexpr size_t kTopCandidates = 5;
constexpr size_t kCharThreshold = 500;   // less article text than this: retry, laxer
constexpr size_t kMinScoredLength = 25;  // shorter paragraphs score nothing
constexpr int kScoredAncestors = 5;      // a paragraph scores its parent and 4 more
constexpr int kNearAncestors = 4;        // "inside a table/code/figure" looks this far up
constexpr size_t kMinAlternativeCandidates = 3;
constexpr size_t kShareTextThreshold = 500;  // share widgets are short

enum Flag : unsigned { kStripUnlikely = 1, kWeightClasses = 2, kCleanConditionally = 4 };

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

bool IsScoredTag(GumboTag t) {
  return t == GUMBO_TAG_SECTION || t == GUMBO_TAG_P || t == GUMBO_TAG_TD || t == GUMBO_TAG_PRE ||
         (IsHeading(t) && t != GUMBO_TAG_H1);
}

// Elements that make a <div> more than a paragraph.
bool IsBlockForDiv(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

bool IsPhrasingTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
      return true;
    default:
      return false;
  }
}

size_t CountCommas(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++n;
    // Arabic, CJK and other wide commas: U+060C, U+FF0C, U+3001.
    if (text.compare(i, 2, "\xD8\x8C") == 0 || text.compare(i, 3, "\xEF\xBC\x8C") == 0 ||
        text.compare(i, 3, "\xE3\x80\x81") == 0) {
      ++n;
    }
  }
  return n;
}

// Text that is nothing but an advertising label or a loading notice.
bool IsAdOrLoadingText(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower.ends_with("\u2026")) lower.resize(lower.size() - 3);
  if (lower.ends_with("...")) lower.resize(lower.size() - 3);
  for (std::string_view label :
       {"ad", "advertising", "advertisement", "pub", "publicit\u00e9", "werb", "werbung",
        "\u5e7f\u544a", "\u0420\u0435\u043a\u043b\u0430\u043c\u0430", "anuncio", "loading",
        "\u6b63\u5728\u52a0\u8f7d", "\u0417\u0430\u0433\u0440\u0443\u0437\u043a\u0430",
        "chargement", "cargando"}) {
    if (lower == label) return true;
  }
  return false;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One pass of the extractor over a fresh Page, under a set of flags.
class ArticlePass {
 public:
  ArticlePass(const ParsedHtml& parsed, unsigned flags, const ArticleHints& hints)
      : page_(parsed), flags_(flags), title_(hints.title), byline_known_(hints.byline_known) {}

  // Finds and cleans the article; returns its root (a created element).
  NodeId Run() {
    ReplaceBrChains();
    std::vector<NodeId> paragraphs = Prepare();
    std::vector<NodeId> candidates = Score(paragraphs);
    NodeId top = PickTopCandidate(candidates);
    NodeId article = GatherSiblings(top);
    Clean(article);
    return article;
  }

  const Page& page() const { return page_; }

 private:
  bool Has(Flag f) const { return (flags_ & f) != 0; }

  // The next sibling from `n` on that is not white-space text.
  NodeId SkipBlankText(NodeId n) const {
    while (n != kNoNode && page_.node(n).is_text && !page_.HasText(n)) n = page_.node(n).next;
    return n;
  }

  // Text laid out with "<br><br>" instead of paragraphs: each chain of two or more <br>s
  // becomes a <p> holding the inline content that follows it.
  void ReplaceBrChains() {
    for (NodeId br : page_.Descendants(page_.body(), GUMBO_TAG_BR)) {
      if (page_.node(br).parent == kNoNode) continue;  // removed as part of an earlier chain
      bool chain = false;
      for (NodeId next = SkipBlankText(page_.node(br).next);
           next != kNoNode && page_.IsElement(next, GUMBO_TAG_BR);) {
        chain = true;
        NodeId after = page_.node(next).next;
        page_.Detach(next);
        next = SkipBlankText(after);
      }
      if (!chain) continue;
      NodeId p = page_.Create(GUMBO_TAG_P);
      page_.Replace(br, p);
      for (NodeId n = page_.node(p).next; n != kNoNode;) {
        if (page_.IsElement(n, GUMBO_TAG_BR)) {
          NodeId after = SkipBlankText(page_.node(n).next);
          if (after != kNoNode && page_.IsElement(after, GUMBO_TAG_BR)) break;  // the next chain
        }
        if (!IsPhrasing(n)) break;
        NodeId sibling = page_.node(n).next;
        page_.Append(p, n);
        n = sibling;
      }
      while (page_.node(p).last_child != kNoNode && IsWhitespace(page_.node(p).last_child)) {
        page_.Detach(page_.node(p).last_child);
      }
      NodeId parent = page_.node(p).parent;
      if (parent != kNoNode && page_.tag(parent) == GUMBO_TAG_P)
        page_.SetTag(parent, GUMBO_TAG_DIV);
    }
  }

  // Removes hidden nodes, bylines, the title heading and (with kStripUnlikely) clutter;
  // turns text-only <div>s into paragraphs. Returns the elements to score.
  std::vector<NodeId> Prepare() {
    std::vector<NodeId> to_score;
    bool title_heading_pending = !title_.empty();
    bool byline_found = byline_known_;
    const NodeId body = page_.body();
    NodeId n = body;
    while (n != kNoNode) {
      if (page_.node(n).is_text) {
        n = page_.Next(n, body);
        continue;
      }
      const GumboTag tag = page_.tag(n);
      const std::string match = page_.MatchString(n);
      bool drop = !IsProbablyVisible(n) ||
                  (page_.Attr(n, "aria-modal") == "true" && page_.Attr(n, "role") == "dialog");
      if (!drop && !byline_found && IsByline(n, match)) drop = byline_found = true;
      if (!drop && title_heading_pending && (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) &&
          TextSimilarity(title_, page_.InnerText(n)) > 0.75) {
        drop = true;
        title_heading_pending = false;
      }
      if (!drop && Has(kStripUnlikely) && n != body) {
        drop = (HintsUnlikely(match) && !HintsMaybeContent(match) && tag != GUMBO_TAG_A &&
                !page_.HasAncestor(n, GUMBO_TAG_TABLE, kNearAncestors) &&
                !page_.HasAncestor(n, GUMBO_TAG_CODE, kNearAncestors)) ||
               IsUnlikelyRole(page_.Attr(n, "role")) || tag == GUMBO_TAG_NAV;
      }
      if (!drop && (tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER ||
                    IsHeading(tag))) {
        drop = IsWithoutContent(n);
      }
      if (drop) {
        NodeId next = page_.Next(n, body, /*skip_children=*/true);
        page_.Detach(n);
        n = next;
        continue;
      }
      if (IsScoredTag(tag)) to_score.push_back(n);
      if (tag == GUMBO_TAG_DIV) n = ReshapeDiv(n, to_score);
      n = page_.Next(n, body);
    }
    return to_score;
  }

  bool IsProbablyVisible(NodeId n) const {
    std::string style = Lower(page_.Attr(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos) {
      return false;
    }
    if (page_.HasAttr(n, "hidden") || HidesByClass(page_.Attr(n, "class"))) return false;
    return page_.Attr(n, "aria-hidden") != "true" ||
           page_.Attr(n, "class").find("fallback-image") != std::string_view::npos;
  }

  bool IsByline(NodeId n, std::string_view match) const {
    bool hinted = page_.Attr(n, "rel") == "author" ||
                  page_.Attr(n, "itemprop").find("author") != std::string_view::npos ||
                  HintsByline(match);
    if (!hinted) return false;
    size_t length = page_.TextLength(n);
    return length > 0 && length < 100;
  }

  bool IsWithoutContent(NodeId n) const {
    if (page_.HasText(n)) return false;
    size_t children = page_.CountElementChildren(n);
    return children == 0 || children == page_.CountDescendants(n, GUMBO_TAG_BR) +
                                            page_.CountDescendants(n, GUMBO_TAG_HR);
  }

  bool IsWhitespace(NodeId n) const {
    const Node& node = page_.node(n);
    if (node.is_text) return !page_.HasText(n);
    return node.tag == GUMBO_TAG_BR;
  }

  bool IsPhrasing(NodeId n) const {
    const Node& node = page_.node(n);
    if (node.is_text || IsPhrasingTag(node.tag)) return true;
    // <a>, <del> and <ins> are phrasing when all they hold is.
    auto transparent = [](GumboTag t) {
      return t == GUMBO_TAG_A || t == GUMBO_TAG_DEL || t == GUMBO_TAG_INS;
    };
    if (!transparent(node.tag)) return false;
    for (NodeId d = page_.Next(n, n); d != kNoNode;) {
      const Node& inner = page_.node(d);
      if (!inner.is_text && !IsPhrasingTag(inner.tag) && !transparent(inner.tag)) return false;
      d = page_.Next(d, n, /*skip_children=*/!transparent(inner.tag));
    }
    return true;
  }

  bool HasBlockDescendant(NodeId n) const {
    for (NodeId d = page_.Next(n, n); d != kNoNode; d = page_.Next(d, n)) {
      if (!page_.node(d).is_text && IsBlockForDiv(page_.tag(d))) return true;
    }
    return false;
  }

  // A <div> holding exactly one <p> and no text of its own.
  bool HasSingleParagraphInside(NodeId n) const {
    NodeId only = kNoNode;
    for (NodeId c = page_.node(n).first_child; c != kNoNode; c = page_.node(c).next) {
      if (page_.node(c).is_text) {
        if (page_.HasText(c)) return false;
      } else if (only != kNoNode) {
        return false;
      } else {
        only = c;
      }
    }
    return only != kNoNode && page_.tag(only) == GUMBO_TAG_P;
  }

  // Wraps runs of inline content of a <div> into <p>s; a <div> that is a paragraph in
  // disguise becomes one. Returns the node that now stands where the <div> was.
  NodeId ReshapeDiv(NodeId div, std::vector<NodeId>& to_score) {
    NodeId p = kNoNode;
    for (NodeId c = page_.node(div).first_child; c != kNoNode;) {
      NodeId next = page_.node(c).next;
      if (IsPhrasing(c)) {
        if (p != kNoNode) {
          page_.Append(p, c);
        } else if (!IsWhitespace(c)) {
          p = page_.Create(GUMBO_TAG_P);
          page_.Replace(c, p);
          page_.Append(p, c);
        }
      } else if (p != kNoNode) {
        while (page_.node(p).last_child != kNoNode && IsWhitespace(page_.node(p).last_child)) {
          page_.Detach(page_.node(p).last_child);
        }
        p = kNoNode;
      }
      c = next;
    }
    if (HasSingleParagraphInside(div) && page_.LinkDensity(div) < 0.25) {
      NodeId paragraph = page_.ElementChildren(div).front();
      if (page_.node(paragraph).source == nullptr) {
        // The paragraph only wraps the <div>'s own inline content: the <div> becomes the
        // paragraph itself, and keeps its class and id for the boilerplate filters.
        while (page_.node(paragraph).first_child != kNoNode)
          page_.Append(div, page_.node(paragraph).first_child);
        page_.Detach(paragraph);
        page_.SetTag(div, GUMBO_TAG_P);
        to_score.push_back(div);
        return div;
      }
      page_.Replace(div, paragraph);
      to_score.push_back(paragraph);
      return paragraph;
    }
    if (!HasBlockDescendant(div)) {
      page_.SetTag(div, GUMBO_TAG_P);
      to_score.push_back(div);
    }
    return div;
  }

  double ClassWeight(NodeId n) const {
    if (!Has(kWeightClasses)) return 0;
    double weight = 0;
    for (const char* attr : {"class", "id"}) {
      std::string value = Lower(page_.Attr(n, attr));
      if (value.empty()) continue;
      if (HintsNegative(value)) weight -= 25;
      if (HintsPositive(value)) weight += 25;
    }
    return weight;
  }

  double& Initialize(NodeId n) {
    double score = ClassWeight(n);
    switch (page_.tag(n)) {
      case GUMBO_TAG_DIV:
        score += 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        score += 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        score -= 3;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        score -= 5;
        break;
      default:
        break;
    }
    return scores_[n] = score;
  }

  // Each paragraph lends its score to its ancestors. Returns the scored ancestors.
  std::vector<NodeId> Score(const std::vector<NodeId>& paragraphs) {
    std::vector<NodeId> candidates;
    for (NodeId p : paragraphs) {
      if (page_.node(p).parent == kNoNode) continue;
      std::string text = page_.InnerText(p);
      size_t length = CodePoints(text);
      if (length < kMinScoredLength) continue;
      double score = 1 + (CountCommas(text) + 1) + std::min<size_t>(length / 100, 3);
      int level = 0;
      for (NodeId a = page_.node(p).parent; a != kNoNode && level < kScoredAncestors;
           a = page_.node(a).parent, ++level) {
        if (!scores_.count(a)) {
          Initialize(a);
          candidates.push_back(a);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores_[a] += score / divider;
      }
    }
    return candidates;
  }

  std::vector<NodeId> Ancestors(NodeId n) const {
    std::vector<NodeId> out;
    for (NodeId a = page_.node(n).parent; a != kNoNode; a = page_.node(a).parent) out.push_back(a);
    return out;
  }

  NodeId PickTopCandidate(const std::vector<NodeId>& candidates) {
    std::vector<NodeId> top;
    for (NodeId c : candidates) {
      double& score = scores_[c];
      score *= 1 - page_.LinkDensity(c);
      auto at = std::find_if(top.begin(), top.end(), [&](NodeId t) { return score > scores_[t]; });
      top.insert(at, c);
      if (top.size() > kTopCandidates) top.pop_back();
    }
    const NodeId body = page_.body();
    if (top.empty() || top.front() == body) {
      // No clear container: the whole body is the candidate.
      NodeId all = page_.Create(GUMBO_TAG_DIV);
      while (page_.node(body).first_child != kNoNode)
        page_.Append(all, page_.node(body).first_child);
      page_.Append(body, all);
      Initialize(all);
      return all;
    }
    NodeId best = top.front();
    // Several strong candidates with a common ancestor: the ancestor holds the article.
    std::vector<std::vector<NodeId>> alternatives;
    for (size_t i = 1; i < top.size(); ++i) {
      if (scores_[top[i]] / scores_[best] >= 0.75) alternatives.push_back(Ancestors(top[i]));
    }
    if (alternatives.size() >= kMinAlternativeCandidates) {
      for (NodeId a = page_.node(best).parent; a != kNoNode && a != body;
           a = page_.node(a).parent) {
        size_t lists = 0;
        for (const auto& ancestors : alternatives) {
          lists += std::find(ancestors.begin(), ancestors.end(), a) != ancestors.end();
        }
        if (lists >= kMinAlternativeCandidates) {
          best = a;
          break;
        }
      }
    }
    if (!scores_.count(best)) Initialize(best);
    // Climb while the parents' scores keep up: more content may be lurking beside.
    double last = scores_[best];
    const double threshold = last / 3;
    for (NodeId a = page_.node(best).parent; a != kNoNode && a != body; a = page_.node(a).parent) {
      auto it = scores_.find(a);
      if (it == scores_.end()) continue;
      if (it->second < threshold) break;
      if (it->second > last) {
        best = a;
        break;
      }
      last = it->second;
    }
    // An only child: its parent is the better container for sibling joining.
    for (NodeId a = page_.node(best).parent; a != body && page_.CountElementChildren(a) == 1;
         a = page_.node(a).parent) {
      best = a;
    }
    if (!scores_.count(best)) Initialize(best);
    return best;
  }

  // The top candidate and those of its siblings that look like part of the article.
  NodeId GatherSiblings(NodeId top) {
    NodeId article = page_.Create(GUMBO_TAG_DIV);
    const double top_score = scores_[top];
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string_view top_class = page_.Attr(top, "class");
    NodeId parent = page_.node(top).parent;
    std::vector<NodeId> siblings =
        parent == kNoNode ? std::vector<NodeId>{top} : page_.ElementChildren(parent);
    for (NodeId s : siblings) {
      bool append = s == top;
      if (!append) {
        double bonus =
            !top_class.empty() && page_.Attr(s, "class") == top_class ? top_score * 0.2 : 0;
        auto it = scores_.find(s);
        if (it != scores_.end() && it->second + bonus >= threshold) {
          append = true;
        } else if (page_.tag(s) == GUMBO_TAG_P) {
          double density = page_.LinkDensity(s);
          std::string text = page_.InnerText(s);
          size_t length = CodePoints(text);
          bool sentence =
              text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
          append = (length > 80 && density < 0.25) ||
                   (length < 80 && length > 0 && density == 0 && sentence);
        }
      }
      if (!append) continue;
      GumboTag t = page_.tag(s);
      if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_SECTION &&
          t != GUMBO_TAG_P) {
        page_.SetTag(s, GUMBO_TAG_DIV);
      }
      page_.Append(article, s);
    }
    return article;
  }

  // Removes every `tag` element under `root` for which drop(node) holds.
  template <typename Drop>
  void RemoveWhere(NodeId root, GumboTag tag, Drop drop) {
    for (NodeId n : page_.Descendants(root, tag)) {
      if (drop(n)) page_.Detach(n);
    }
  }

  void Clean(NodeId article) {
    MarkDataTables(article);
    CleanConditionally(article, GUMBO_TAG_FORM);
    CleanConditionally(article, GUMBO_TAG_FIELDSET);
    for (GumboTag t :
         {GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_FOOTER, GUMBO_TAG_LINK, GUMBO_TAG_ASIDE}) {
      RemoveWhere(article, t, [](NodeId) { return true; });
    }
    RemoveShareWidgets(article);
    for (GumboTag t : {GUMBO_TAG_IFRAME, GUMBO_TAG_INPUT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT,
                       GUMBO_TAG_BUTTON}) {
      RemoveWhere(article, t, [](NodeId) { return true; });
    }
    for (GumboTag t : {GUMBO_TAG_H1, GUMBO_TAG_H2}) {
      RemoveWhere(article, t, [&](NodeId n) { return ClassWeight(n) < 0; });
    }
    CleanConditionally(article, GUMBO_TAG_TABLE);
    CleanConditionally(article, GUMBO_TAG_UL);
    CleanConditionally(article, GUMBO_TAG_DIV);
    RemoveBoilerplate(page_, article);
  }

  void RemoveShareWidgets(NodeId article) {
    for (NodeId top : page_.ElementChildren(article)) {
      for (NodeId n = page_.Next(top, top); n != kNoNode;) {
        if (!page_.node(n).is_text && HintsShare(page_.MatchString(n)) &&
            page_.TextLength(n) < kShareTextThreshold) {
          NodeId next = page_.Next(n, top, /*skip_children=*/true);
          page_.Detach(n);
          n = next;
        } else {
          n = page_.Next(n, top);
        }
      }
    }
  }

  void MarkDataTables(NodeId article) {
    for (NodeId table : page_.Descendants(article, GUMBO_TAG_TABLE)) {
      if (IsDataTable(table)) data_tables_.insert(table);
    }
  }

  bool IsDataTable(NodeId table) const {
    if (page_.Attr(table, "role") == "presentation" || page_.Attr(table, "datatable") == "0")
      return false;
    if (page_.HasAttr(table, "summary")) return true;
    for (GumboTag t : {GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TFOOT,
                       GUMBO_TAG_THEAD, GUMBO_TAG_TH}) {
      if (page_.CountDescendants(table, t) > 0) return true;
    }
    if (page_.CountDescendants(table, GUMBO_TAG_TABLE) > 0) return false;
    size_t rows = 0, columns = 0;
    for (NodeId tr : page_.Descendants(table, GUMBO_TAG_TR)) {
      ++rows;
      columns = std::max(columns, page_.CountDescendants(tr, GUMBO_TAG_TD));
    }
    return rows >= 10 || columns > 4 || rows * columns > 10;
  }

  bool InsideDataTable(NodeId n) const {
    for (NodeId a = page_.node(n).parent; a != kNoNode; a = page_.node(a).parent) {
      if (data_tables_.count(a)) return true;
    }
    return false;
  }

  // Share of the text of `n` inside descendants with one of `tags`.
  double TextDensity(NodeId n, std::initializer_list<GumboTag> tags) const {
    size_t length = page_.TextLength(n);
    if (length == 0) return 0;
    size_t inside = 0;
    for (GumboTag t : tags) {
      for (NodeId d : page_.Descendants(n, t)) inside += page_.TextLength(d);
    }
    return static_cast<double>(inside) / static_cast<double>(length);
  }

  // True when some text under `n` sits inside a paragraph-like descendant (p, div, li, td,
  // span, ...): Readability's "text density of textish tags" is not zero.
  bool HasTextInTextBlocks(NodeId n) const {
    for (NodeId t = page_.Next(n, n); t != kNoNode; t = page_.Next(t, n)) {
      if (!page_.node(t).is_text || !page_.HasText(t)) continue;
      for (NodeId a = page_.node(t).parent; a != n && a != kNoNode; a = page_.node(a).parent) {
        switch (page_.tag(a)) {
          case GUMBO_TAG_SPAN:
          case GUMBO_TAG_LI:
          case GUMBO_TAG_TD:
          case GUMBO_TAG_BLOCKQUOTE:
          case GUMBO_TAG_DL:
          case GUMBO_TAG_DIV:
          case GUMBO_TAG_IMG:
          case GUMBO_TAG_OL:
          case GUMBO_TAG_P:
          case GUMBO_TAG_PRE:
          case GUMBO_TAG_TABLE:
          case GUMBO_TAG_UL:
            return true;
          default:
            break;
        }
      }
    }
    return false;
  }

  // Drops `tag` elements that look like clutter: link lists, image galleries, forms, ...
  void CleanConditionally(NodeId article, GumboTag tag) {
    if (!Has(kCleanConditionally)) return;
    RemoveWhere(article, tag, [&](NodeId n) { return LooksLikeClutter(n, tag); });
  }

  bool LooksLikeClutter(NodeId n, GumboTag tag) const {
    bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    const size_t length = page_.TextLength(n);
    if (!is_list && length > 0) {
      size_t list_length = 0;
      for (GumboTag t : {GUMBO_TAG_UL, GUMBO_TAG_OL}) {
        for (NodeId l : page_.Descendants(n, t)) list_length += page_.TextLength(l);
      }
      is_list = static_cast<double>(list_length) / static_cast<double>(length) > 0.9;
    }
    if ((tag == GUMBO_TAG_TABLE && data_tables_.count(n)) || InsideDataTable(n) ||
        page_.HasAncestor(n, GUMBO_TAG_CODE, kNearAncestors)) {
      return false;
    }
    for (NodeId table : page_.Descendants(n, GUMBO_TAG_TABLE)) {
      if (data_tables_.count(table)) return false;
    }
    const double weight = ClassWeight(n);
    if (weight < 0) return true;
    std::string text = page_.InnerText(n);
    if (std::count(text.begin(), text.end(), ',') >= 10) return false;
    if (IsAdOrLoadingText(text)) return true;
    const double p = static_cast<double>(page_.CountDescendants(n, GUMBO_TAG_P));
    const double img = static_cast<double>(page_.CountDescendants(n, GUMBO_TAG_IMG));
    const double li = static_cast<double>(page_.CountDescendants(n, GUMBO_TAG_LI)) - 100;
    const double input = static_cast<double>(page_.CountDescendants(n, GUMBO_TAG_INPUT));
    const double heading_density = TextDensity(
        n, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6});
    size_t embeds = 0;
    for (GumboTag t : {GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_IFRAME})
      embeds += page_.CountDescendants(n, t);
    const double link_density = page_.LinkDensity(n);
    const bool in_figure = page_.HasAncestor(n, GUMBO_TAG_FIGURE, kNearAncestors);
    bool clutter = (img > 1 && p / img < 0.5 && !in_figure) || (!is_list && li > p) ||
                   (input > std::floor(p / 3)) ||
                   (!is_list && !in_figure && heading_density < 0.9 && length < 25 &&
                    (img == 0 || img > 2) && link_density > 0) ||
                   (!is_list && weight < 25 && link_density > 0.2) ||
                   (weight >= 25 && link_density > 0.5) || (embeds == 1 && length < 75) ||
                   embeds > 1 || (img == 0 && !HasTextInTextBlocks(n));
    if (is_list && clutter) {
      // A plain list of images stays.
      for (NodeId child : page_.ElementChildren(n)) {
        if (page_.CountElementChildren(child) > 1) return true;
      }
      if (img == static_cast<double>(page_.CountDescendants(n, GUMBO_TAG_LI))) return false;
    }
    return clutter;
  }

  Page page_;
  const unsigned flags_;
  const std::string_view title_;
  const bool byline_known_;
  std::unordered_map<NodeId, double> scores_;
  std::unordered_set<NodeId> data_tables_;
};

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string current;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

size_t JoinedLength(const std::vector<std::string>& words) {
  size_t n = words.empty() ? 0 : words.size() - 1;
  for (const auto& w : words) n += w.size();
  return n;
}

}  // namespace

double TextSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::unordered_set<std::string> in_a(wa.begin(), wa.end());
  std::vector<std::string> unique_b;
  for (const auto& w : wb) {
    if (!in_a.count(w)) unique_b.push_back(w);
  }
  return 1 - static_cast<double>(JoinedLength(unique_b)) / static_cast<double>(JoinedLength(wb));
}

std::string ExtractArticleText(const ParsedHtml& parsed, const ArticleHints& hints) {
  // Each retry drops one more filter; if none yields enough text, the longest attempt wins.
  std::string best;
  size_t best_length = 0;
  for (unsigned flags :
       {kStripUnlikely | kWeightClasses | kCleanConditionally, kWeightClasses | kCleanConditionally,
        static_cast<unsigned>(kCleanConditionally), 0u}) {
    ArticlePass pass(parsed, flags, hints);
    NodeId article = pass.Run();
    size_t length = pass.page().TextLength(article);
    if (length >= kCharThreshold) return RenderText(pass.page(), article);
    if (length > best_length || best.empty()) {
      best = RenderText(pass.page(), article);
      best_length = length;
    }
  }
  return best;
}

}  // namespace actorgraph::importers::html
