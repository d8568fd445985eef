#include "html_text.h"

#include "html_hints.h"

namespace actorgraph::importers::html {
namespace {

constexpr size_t kShareWidgetMaxLength = 500;  // longer "share" blocks may be content

enum class Break { kNone, kSpace, kLine, kParagraph };

Break BreakAround(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
      return Break::kLine;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_IMG:
      return Break::kSpace;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
      return Break::kParagraph;
    default:
      return Break::kNone;
  }
}

// Appends words with the strongest pending separator between them.
class TextSink {
 public:
  void Request(Break b) {
    if (b > pending_) pending_ = b;
  }
  void Add(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = s[i];
      bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
        Request(Break::kSpace);
        i += nbsp;
        continue;
      }
      if (!out_.empty()) {
        switch (pending_) {
          case Break::kParagraph:
            out_ += "\n\n";
            break;
          case Break::kLine:
            out_ += '\n';
            break;
          case Break::kSpace:
            out_ += ' ';
            break;
          case Break::kNone:
            break;
        }
      }
      pending_ = Break::kNone;
      out_.push_back(static_cast<char>(c));
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  Break pending_ = Break::kNone;
};

bool IsNavigation(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

// Renders the subtree at `root`; `skip(node)` prunes subtrees.
template <typename Skip>
std::string Render(const Page& page, NodeId root, Skip skip) {
  TextSink sink;
  struct Frame {
    NodeId node;
    bool leaving;  // the element's children are done: owe its closing break
  };
  std::vector<Frame> stack = {{root, false}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const Node& node = page.node(frame.node);
    if (node.is_text) {
      sink.Add(page.Text(frame.node));
      continue;
    }
    if (frame.leaving || skip(frame.node)) {
      sink.Request(BreakAround(node.tag));
      continue;
    }
    sink.Request(BreakAround(node.tag));
    stack.push_back({frame.node, true});
    for (NodeId c = node.last_child; c != kNoNode; c = page.node(c).prev)
      stack.push_back({c, false});
  }
  return sink.Take();
}

}  // namespace

std::string RenderText(const Page& page, NodeId root) {
  return Render(page, root, [](NodeId) { return false; });
}

std::string HtmlToText(std::string_view html) {
  ParsedHtml parsed(html);
  Page page(parsed);
  return Render(page, page.body(), [&](NodeId n) {
    return IsNavigation(page.tag(n)) || IsUnlikelyRole(page.Attr(n, "role")) ||
           (HintsShare(page.MatchString(n)) && page.TextLength(n) < kShareWidgetMaxLength);
  });
}

}  // namespace actorgraph::importers::html
