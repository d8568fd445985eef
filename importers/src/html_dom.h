// A parsed HTML page as a small mutable tree, the working surface of the article extractor.
//
// ParsedHtml owns gumbo's output and is immutable once built. Page is a cheap, editable
// copy of its element/text tree (nodes can be detached, retagged or wrapped), so the
// extractor can retry from a fresh Page without parsing again. Neither is thread-safe;
// distinct objects may be used from distinct threads.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers::html {

using NodeId = int32_t;
inline constexpr NodeId kNoNode = -1;

// The parse of one page. Scripts, styles and comments are dropped before gumbo sees the
// page (the bulk of most pages' bytes); JSON-LD blocks are kept aside in json_ld().
class ParsedHtml {
 public:
  // Parses `html`, transcoding it to UTF-8 first when it declares another charset.
  explicit ParsedHtml(std::string_view html);
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  const GumboNode* root() const;  // the <html> element
  const std::vector<std::string>& json_ld() const { return json_ld_; }
  // True when the markup nested elements deeper than a real page ever does (an "HTML
  // bomb"); the excess nesting was flattened before parsing.
  bool too_deep() const { return too_deep_; }

 private:
  std::string source_;  // the page as parsed (gumbo points into it)
  std::vector<std::string> json_ld_;
  GumboOutput* output_ = nullptr;
  bool too_deep_ = false;
};

// A DOM-like node: links to parent, first/last child and siblings.
struct Node {
  const GumboNode* source = nullptr;  // null for elements the extractor created
  GumboTag tag = GUMBO_TAG_UNKNOWN;   // meaningless for text nodes
  bool is_text = false;
  std::string_view text;  // a text node's text (gumbo owns it)
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId prev = kNoNode;
  NodeId next = kNoNode;
};

// An editable copy of the <body> subtree (plus <html>/<head> as ancestors) of a ParsedHtml,
// which must outlive it.
class Page {
 public:
  explicit Page(const ParsedHtml& parsed);

  NodeId body() const { return body_; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  GumboTag tag(NodeId id) const { return nodes_[id].tag; }
  bool IsElement(NodeId id, GumboTag t) const { return !nodes_[id].is_text && nodes_[id].tag == t; }
  // The value of attribute `name` ("" when absent or for created nodes).
  std::string_view Attr(NodeId id, const char* name) const;
  bool HasAttr(NodeId id, const char* name) const;
  // Text of a text node ("" for elements).
  std::string_view Text(NodeId id) const;
  // The lower-cased "class id" string that class/id hints are matched against.
  std::string MatchString(NodeId id) const;

  // Element children only (text nodes skipped).
  std::vector<NodeId> ElementChildren(NodeId id) const;
  size_t CountElementChildren(NodeId id) const;
  // True when an ancestor (not `id` itself) has tag `t`, within `max_depth` levels (0: any).
  bool HasAncestor(NodeId id, GumboTag t, int max_depth = 0) const;
  // Descendant elements of `id` with tag `t`, in document order.
  std::vector<NodeId> Descendants(NodeId id, GumboTag t) const;
  size_t CountDescendants(NodeId id, GumboTag t) const;
  // Pre-order successor of `id` inside the subtree of `root` (kNoNode past its end); with
  // skip_children, the subtree of `id` is skipped.
  NodeId Next(NodeId id, NodeId root, bool skip_children = false) const;

  // textContent, trimmed, white-space runs counted as one: its length in code points.
  size_t TextLength(NodeId id) const;
  // True when the subtree of `id` has any non-white-space text (cheaper than TextLength).
  bool HasText(NodeId id) const;
  // The same normalised text, materialised.
  std::string InnerText(NodeId id) const;
  // Calls fn(text) for each text node in the subtree of `id` (itself included), in order.
  template <typename Fn>
  void ForEachTextIn(NodeId id, Fn&& fn) const {
    for (NodeId n = id; n != kNoNode; n = Next(n, id)) {
      if (nodes_[n].is_text) fn(Text(n));
    }
  }
  // Share of the text that sits inside links (in-page "#" links count 30%).
  double LinkDensity(NodeId id) const;

  // Edits. Detach unlinks a subtree (its nodes stay allocated but unreachable).
  void Detach(NodeId id);
  void SetTag(NodeId id, GumboTag t) { nodes_[id].tag = t; }
  // Replaces `old_child` by `replacement` (which is first detached from wherever it is).
  void Replace(NodeId old_child, NodeId replacement);
  // Creates a detached element.
  NodeId Create(GumboTag t);
  // Appends `child` (detached first) as the last child of `parent`.
  void Append(NodeId parent, NodeId child);

 private:
  NodeId Add(const GumboNode* g, bool is_text);
  void Link(NodeId parent, NodeId child);

  std::vector<Node> nodes_;
  NodeId body_ = kNoNode;
};

}  // namespace actorgraph::importers::html
