#include "record_codec.h"

#include <cstring>

namespace actorgraph::storage {

namespace {

// Appends to a string it does not own.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Double(double d) {
    char buf[8];
    std::memcpy(buf, &d, 8);
    out_.append(buf, 8);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      auto b = static_cast<unsigned char>(in_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  template <typename T>
  bool Int(T* v) {
    uint64_t x;
    if (!Varint(&x)) return false;
    *v = static_cast<T>(x);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Double(double* d) {
    if (in_.size() - pos_ < 8) return false;
    std::memcpy(d, in_.data() + pos_, 8);
    pos_ += 8;
    return true;
  }
  bool Done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

constexpr uint64_t kMaxListLength = 1 << 24;

}  // namespace

void AppendNode(std::string& out, const core::Node& node) {
  Writer w(out);
  w.Varint(static_cast<uint8_t>(node.type));
  w.String(node.name);
  w.Varint(node.aliases.size());
  for (const auto& a : node.aliases) w.String(a);
  w.String(node.first_seen);
  w.String(node.last_seen);
}

bool DecodeNode(std::string_view in, core::NodeId id, core::Node* node) {
  Reader r(in);
  uint8_t type;
  uint64_t n;
  node->id = id;
  if (!r.Int(&type) || type < 1 || type > 5 || !r.String(&node->name) || !r.Varint(&n) ||
      n > kMaxListLength || n > in.size())  // each alias takes at least one byte
    return false;
  node->type = static_cast<core::NodeType>(type);
  node->aliases.assign(n, {});
  for (auto& a : node->aliases)
    if (!r.String(&a)) return false;
  return r.String(&node->first_seen) && r.String(&node->last_seen) && r.Done();
}

void AppendEdge(std::string& out, const core::Edge& edge) {
  Writer w(out);
  w.String(edge.title);
  w.Double(edge.confidence);
  w.Varint(edge.evidence_count);
  w.String(edge.first_seen);
  w.String(edge.last_seen);
}

bool DecodeEdge(std::string_view in, const core::EdgeKey& key, core::Edge* edge) {
  Reader r(in);
  edge->key = key;
  return r.String(&edge->title) && r.Double(&edge->confidence) && r.Int(&edge->evidence_count) &&
         r.String(&edge->first_seen) && r.String(&edge->last_seen) && r.Done();
}

void AppendEvidence(std::string& out, const core::Evidence& ev) {
  Writer w(out);
  w.Varint(ev.article_id);
  w.String(ev.sentence);
  w.Varint(ev.begin);
  w.Varint(ev.end);
  w.Double(ev.confidence);
  w.String(ev.extractor_version);
  w.String(ev.date);
}

bool DecodeEvidence(std::string_view in, core::EvidenceId id, core::Evidence* ev) {
  Reader r(in);
  ev->id = id;
  return r.Varint(&ev->article_id) && r.String(&ev->sentence) && r.Int(&ev->begin) &&
         r.Int(&ev->end) && r.Double(&ev->confidence) && r.String(&ev->extractor_version) &&
         r.String(&ev->date) && r.Done();
}

std::string EncodeArticle(const core::Article& a) {
  std::string out;
  Writer w(out);
  w.String(a.content_hash);
  w.String(a.url);
  w.String(a.title);
  w.String(a.date);
  w.String(a.text);
  w.Varint(a.mentions.size());
  for (core::NodeId n : a.mentions) w.Varint(n);
  w.String(a.language);
  w.String(a.author);
  w.String(a.canonical_url);
  w.String(a.site_name);
  return out;
}

bool DecodeArticle(std::string_view in, core::ArticleId id, core::Article* a) {
  Reader r(in);
  uint64_t n;
  a->id = id;
  if (!r.String(&a->content_hash) || !r.String(&a->url) || !r.String(&a->title) ||
      !r.String(&a->date) || !r.String(&a->text) || !r.Varint(&n) || n > kMaxListLength ||
      n > in.size())  // each mention takes at least one byte: no huge allocation from a short
                      // record
    return false;
  a->mentions.assign(n, 0);
  for (auto& m : a->mentions)
    if (!r.Varint(&m)) return false;
  a->language.clear();
  a->author.clear();
  a->canonical_url.clear();
  a->site_name.clear();
  if (r.Done()) return true;  // a version-1 record: no language
  if (!r.String(&a->language)) return false;
  if (r.Done()) return true;  // a version-2 record: no page metadata
  return r.String(&a->author) && r.String(&a->canonical_url) && r.String(&a->site_name) && r.Done();
}

std::string EncodeCount(uint64_t count) {
  std::string out;
  Writer w(out);
  w.Varint(count);
  return out;
}

uint64_t DecodeCount(std::string_view in) {
  Reader r(in);
  uint64_t v = 0;
  return r.Varint(&v) && r.Done() ? v : 0;
}

std::string EncodeNode(const core::Node& node) {
  std::string out;
  AppendNode(out, node);
  return out;
}

std::string EncodeEdge(const core::Edge& edge) {
  std::string out;
  AppendEdge(out, edge);
  return out;
}

std::string EncodeEvidence(const core::Evidence& ev) {
  std::string out;
  AppendEvidence(out, ev);
  return out;
}

}  // namespace actorgraph::storage
