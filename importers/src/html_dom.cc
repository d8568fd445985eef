#include "html_dom.h"

#include <iconv.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_set>

#include "actorgraph/core/names.h"

namespace actorgraph::importers::html {
namespace {

constexpr size_t kCharsetWindow = 4096;  // where a <meta charset> must appear

bool IStartsWith(std::string_view s, size_t at, std::string_view prefix) {
  return s.size() - at >= prefix.size() &&
         strncasecmp(s.data() + at, prefix.data(), prefix.size()) == 0;
}

size_t IFind(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (IStartsWith(s, i, needle)) return i;
  }
  return std::string_view::npos;
}

// The length of the raw-text element name ("script"/"style") opening at `lt`, or 0.
size_t RawTextTagAt(std::string_view in, size_t lt) {
  for (std::string_view name : {std::string_view("script"), std::string_view("style")}) {
    size_t end = lt + 1 + name.size();
    if (IStartsWith(in, lt + 1, name) &&
        (end == in.size() || std::isspace(static_cast<unsigned char>(in[end])) || in[end] == '>' ||
         in[end] == '/')) {
      return name.size();
    }
  }
  return 0;
}

// Elements that never nest (void) or whose end tag pages often leave out: not counted
// towards the nesting depth, since a page's unclosed <p>s and <li>s are not deep nesting.
bool NestingNeutral(std::string_view name) {
  static const std::unordered_set<std::string_view> kNeutral = {
      "area",   "base",     "br",     "col",   "embed", "hr",      "img",   "input", "link",
      "meta",   "param",    "source", "track", "wbr",   "p",       "li",    "dt",    "dd",
      "option", "optgroup", "tr",     "td",    "th",    "thead",   "tbody", "tfoot", "colgroup",
      "rt",     "rp",       "html",   "head",  "body",  "!doctype"};
  return kNeutral.count(name) > 0;
}

// Tracks element nesting in the raw markup and drops the tags of elements nested deeper
// than kMaxNesting (their content stays): gumbo's time grows with the square of the depth.
class NestingLimiter {
 public:
  // Whether the tag at `lt` (a '<') is to be kept.
  bool Keep(std::string_view in, size_t lt) {
    bool keep = KeepTag(in, lt);
    exceeded_ = exceeded_ || !keep;
    return keep;
  }
  // Whether some element was nested deeper than kMaxNesting.
  bool exceeded() const { return exceeded_; }

 private:
  bool KeepTag(std::string_view in, size_t lt) {
    size_t at = lt + 1;
    bool end = at < in.size() && in[at] == '/';
    at += end;
    size_t name_end = at;
    while (name_end < in.size() && name_end - at < kMaxNameLength &&
           (std::isalnum(static_cast<unsigned char>(in[name_end])) || in[name_end] == '!')) {
      ++name_end;
    }
    if (name_end == at) return true;  // not a tag: a stray '<'
    char name[kMaxNameLength + 1];
    for (size_t k = at; k < name_end; ++k)
      name[k - at] = static_cast<char>(std::tolower(static_cast<unsigned char>(in[k])));
    if (NestingNeutral(std::string_view(name, name_end - at))) return true;
    if (end) {
      if (suppressed_ > 0) {
        --suppressed_;
        return false;
      }
      depth_ -= depth_ > 0;
      return true;
    }
    if (depth_ >= kMaxNesting) {
      ++suppressed_;
      return false;
    }
    ++depth_;
    return true;
  }

  static constexpr size_t kMaxNesting = 1000;
  static constexpr size_t kMaxNameLength = 16;
  size_t depth_ = 0;
  size_t suppressed_ = 0;
  bool exceeded_ = false;
};

// Copies `in` without comments and without the bodies of <script> and <style> elements,
// which carry no text and cost most of gumbo's time (JSON-LD bodies go to `json_ld`), and
// with nesting beyond NestingLimiter's bound flattened. Returns false when it flattened some.
bool StripRawText(std::string_view in, std::string& out, std::vector<std::string>& json_ld) {
  out.reserve(in.size());
  NestingLimiter nesting;
  size_t i = 0;
  while (i < in.size()) {
    size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) lt = in.size();
    out.append(in, i, lt - i);
    if (lt == in.size()) break;
    if (in.compare(lt, 4, "<!--") == 0) {
      size_t end = in.find("-->", lt + 4);
      i = end == std::string_view::npos ? in.size() : end + 3;
      continue;
    }
    size_t name_len = RawTextTagAt(in, lt);
    if (name_len == 0) {
      if (nesting.Keep(in, lt)) {
        out.push_back('<');
        i = lt + 1;
      } else {
        size_t gt = in.find('>', lt);
        i = gt == std::string_view::npos ? in.size() : gt + 1;
      }
      continue;
    }
    size_t gt = in.find('>', lt);
    if (gt == std::string_view::npos) break;  // a truncated start tag: drop it
    std::string_view start_tag = in.substr(lt, gt + 1 - lt);
    std::string closing = "</" + std::string(in.substr(lt + 1, name_len));
    size_t close = IFind(in, closing, gt + 1);
    if (close == std::string_view::npos) close = in.size();
    std::string lowered_tag(start_tag);
    std::transform(lowered_tag.begin(), lowered_tag.end(), lowered_tag.begin(), ::tolower);
    if (lowered_tag.find("ld+json") != std::string::npos)
      json_ld.emplace_back(in.substr(gt + 1, close - gt - 1));
    out.append(start_tag);
    i = close;
  }
  return !nesting.exceeded();
}

// The charset a page declares in its first bytes, lower-cased, or "".
std::string DeclaredCharset(std::string_view html) {
  std::string head(html.substr(0, kCharsetWindow));
  std::transform(head.begin(), head.end(), head.begin(), ::tolower);
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  size_t end = at;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
          head[end] == '_' || head[end] == ':' || head[end] == '.')) {
    ++end;
  }
  return head.substr(at, end - at);
}

// `html` as UTF-8: transcoded with iconv when it is not UTF-8 and declares a charset iconv
// knows; otherwise repaired (invalid sequences become U+FFFD).
std::string ToUtf8(std::string_view html) {
  if (core::IsValidUtf8(html)) return std::string(html);
  std::string charset = DeclaredCharset(html);
  iconv_t cd = charset.empty() || charset == "utf-8" || charset == "utf8"
                   ? reinterpret_cast<iconv_t>(-1)
                   : iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return core::RepairUtf8(html);
  std::string out(html.size() * 3 + 16, '\0');
  char* in_ptr = const_cast<char*>(html.data());
  size_t in_left = html.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
      if (errno == E2BIG) break;
      ++in_ptr;  // an unconvertible byte: skip it
      --in_left;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return core::RepairUtf8(out);
}

bool Droppable(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* width) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
    *width = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *width = 2;  // no-break space
    return true;
  }
  return false;
}

// Feeds text runs and counts (or builds) the trimmed, white-space-collapsed text.
class NormalisedText {
 public:
  explicit NormalisedText(std::string* out) : out_(out) {}
  void Add(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      size_t width = 1;
      if (IsSpaceAt(s, i, &width)) {
        pending_space_ = started_;
      } else {
        if (pending_space_) {
          ++length_;
          if (out_) out_->push_back(' ');
          pending_space_ = false;
        }
        started_ = true;
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++length_;
        if (out_) out_->push_back(s[i]);
      }
      i += width;
    }
  }
  size_t length() const { return length_; }

 private:
  std::string* out_;
  size_t length_ = 0;
  bool started_ = false;
  bool pending_space_ = false;
};

}  // namespace

ParsedHtml::ParsedHtml(std::string_view html) {
  std::string utf8 = ToUtf8(html);
  too_deep_ = !StripRawText(utf8, source_, json_ld_);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
}

ParsedHtml::~ParsedHtml() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* ParsedHtml::root() const { return output_->root; }

Page::Page(const ParsedHtml& parsed) {
  const GumboNode* html = parsed.root();
  const GumboNode* body = nullptr;
  const GumboVector& top = html->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    auto* child = static_cast<const GumboNode*>(top.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) body = child;
  }
  nodes_.reserve(4096);
  body_ = Add(body ? body : html, false);
  // Copies the gumbo tree iteratively (pages can nest deeply).
  std::vector<std::pair<const GumboNode*, NodeId>> stack = {{body ? body : html, body_}};
  while (!stack.empty()) {
    auto [g, id] = stack.back();
    stack.pop_back();
    const GumboVector& kids = g->v.element.children;
    std::vector<std::pair<const GumboNode*, NodeId>> elements;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT || k->type == GUMBO_NODE_TEMPLATE) {
        if (Droppable(k->v.element.tag)) continue;
        NodeId child = Add(k, false);
        Link(id, child);
        elements.emplace_back(k, child);
      } else if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE ||
                 k->type == GUMBO_NODE_CDATA) {
        Link(id, Add(k, true));
      }
    }
    stack.insert(stack.end(), elements.rbegin(), elements.rend());
  }
}

NodeId Page::Add(const GumboNode* g, bool is_text) {
  Node n;
  n.source = g;
  n.is_text = is_text;
  if (is_text) {
    n.text = g->v.text.text;
  } else {
    n.tag = g->v.element.tag;
  }
  nodes_.push_back(n);
  return static_cast<NodeId>(nodes_.size() - 1);
}

void Page::Link(NodeId parent, NodeId child) {
  Node& p = nodes_[parent];
  Node& c = nodes_[child];
  c.parent = parent;
  c.prev = p.last_child;
  c.next = kNoNode;
  if (p.last_child != kNoNode) {
    nodes_[p.last_child].next = child;
  } else {
    p.first_child = child;
  }
  p.last_child = child;
}

std::string_view Page::Attr(NodeId id, const char* name) const {
  const GumboNode* g = nodes_[id].source;
  if (!g || nodes_[id].is_text) return {};
  const GumboAttribute* a = gumbo_get_attribute(&g->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool Page::HasAttr(NodeId id, const char* name) const {
  const GumboNode* g = nodes_[id].source;
  return g && !nodes_[id].is_text && gumbo_get_attribute(&g->v.element.attributes, name) != nullptr;
}

std::string_view Page::Text(NodeId id) const {
  const Node& n = nodes_[id];
  return n.text;
}

std::string Page::MatchString(NodeId id) const {
  std::string s(Attr(id, "class"));
  s.push_back(' ');
  s.append(Attr(id, "id"));
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

std::vector<NodeId> Page::ElementChildren(NodeId id) const {
  std::vector<NodeId> out;
  for (NodeId c = nodes_[id].first_child; c != kNoNode; c = nodes_[c].next) {
    if (!nodes_[c].is_text) out.push_back(c);
  }
  return out;
}

size_t Page::CountElementChildren(NodeId id) const {
  size_t n = 0;
  for (NodeId c = nodes_[id].first_child; c != kNoNode; c = nodes_[c].next) n += !nodes_[c].is_text;
  return n;
}

bool Page::HasAncestor(NodeId id, GumboTag t, int max_depth) const {
  int depth = 0;
  for (NodeId a = nodes_[id].parent; a != kNoNode; a = nodes_[a].parent) {
    if (max_depth > 0 && ++depth > max_depth) return false;
    if (nodes_[a].tag == t) return true;
  }
  return false;
}

NodeId Page::Next(NodeId id, NodeId root, bool skip_children) const {
  if (!skip_children && nodes_[id].first_child != kNoNode) return nodes_[id].first_child;
  for (NodeId n = id; n != kNoNode && n != root; n = nodes_[n].parent) {
    if (nodes_[n].next != kNoNode) return nodes_[n].next;
  }
  return kNoNode;
}

std::vector<NodeId> Page::Descendants(NodeId id, GumboTag t) const {
  std::vector<NodeId> out;
  for (NodeId n = Next(id, id); n != kNoNode; n = Next(n, id)) {
    if (!nodes_[n].is_text && nodes_[n].tag == t) out.push_back(n);
  }
  return out;
}

size_t Page::CountDescendants(NodeId id, GumboTag t) const {
  size_t count = 0;
  for (NodeId n = Next(id, id); n != kNoNode; n = Next(n, id)) {
    count += !nodes_[n].is_text && nodes_[n].tag == t;
  }
  return count;
}

size_t Page::TextLength(NodeId id) const {
  NormalisedText text(nullptr);
  ForEachTextIn(id, [&](std::string_view s) { text.Add(s); });
  return text.length();
}

bool Page::HasText(NodeId id) const {
  for (NodeId n = id; n != kNoNode; n = Next(n, id)) {
    if (!nodes_[n].is_text) continue;
    std::string_view s = nodes_[n].text;
    for (size_t i = 0; i < s.size(); ++i) {
      size_t width = 1;
      if (!IsSpaceAt(s, i, &width)) return true;
      i += width - 1;
    }
  }
  return false;
}

std::string Page::InnerText(NodeId id) const {
  std::string out;
  NormalisedText text(&out);
  ForEachTextIn(id, [&](std::string_view s) { text.Add(s); });
  return out;
}

double Page::LinkDensity(NodeId id) const {
  size_t length = TextLength(id);
  if (length == 0) return 0;
  double link_length = 0;
  for (NodeId n = Next(id, id); n != kNoNode;) {
    if (!nodes_[n].is_text && nodes_[n].tag == GUMBO_TAG_A) {
      double coefficient = Attr(n, "href").starts_with("#") ? 0.3 : 1.0;
      link_length += coefficient * static_cast<double>(TextLength(n));
      n = Next(n, id, /*skip_children=*/true);
    } else {
      n = Next(n, id);
    }
  }
  return link_length / static_cast<double>(length);
}

void Page::Detach(NodeId id) {
  Node& n = nodes_[id];
  if (n.parent == kNoNode) return;
  Node& p = nodes_[n.parent];
  if (n.prev != kNoNode) {
    nodes_[n.prev].next = n.next;
  } else {
    p.first_child = n.next;
  }
  if (n.next != kNoNode) {
    nodes_[n.next].prev = n.prev;
  } else {
    p.last_child = n.prev;
  }
  n.parent = n.prev = n.next = kNoNode;
}

void Page::Replace(NodeId old_child, NodeId replacement) {
  Detach(replacement);
  Node& o = nodes_[old_child];
  Node& r = nodes_[replacement];
  r.parent = o.parent;
  r.prev = o.prev;
  r.next = o.next;
  if (o.parent != kNoNode) {
    Node& p = nodes_[o.parent];
    if (o.prev != kNoNode) {
      nodes_[o.prev].next = replacement;
    } else {
      p.first_child = replacement;
    }
    if (o.next != kNoNode) {
      nodes_[o.next].prev = replacement;
    } else {
      p.last_child = replacement;
    }
  }
  o.parent = o.prev = o.next = kNoNode;
}

NodeId Page::Create(GumboTag t) {
  Node n;
  n.tag = t;
  nodes_.push_back(n);
  return static_cast<NodeId>(nodes_.size() - 1);
}

void Page::Append(NodeId parent, NodeId child) {
  Detach(child);
  Link(parent, child);
}

}  // namespace actorgraph::importers::html
