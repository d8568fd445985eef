#include "actorgraph/core/resolver.h"

#include <charconv>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "actorgraph/core/hashing.h"
#include "actorgraph/core/names.h"

namespace actorgraph::core {

namespace {

bool TypesCompatible(NodeType a, NodeType b) {
  return a == b || (IsOrganization(a) && IsOrganization(b));
}

size_t WordCount(const std::string& folded) {
  return folded.empty() ? 0 : 1 + std::count(folded.begin(), folded.end(), ' ');
}

// "xu daquan" -> "daquan xu"; empty unless the name has exactly two words.
std::string SwappedTwoWordName(const std::string& folded) {
  auto space = folded.find(' ');
  if (space == std::string::npos || folded.find(' ', space + 1) != std::string::npos) return "";
  return folded.substr(space + 1) + " " + folded.substr(0, space);
}

// The folded forms under which an entity may be found (and indexed).
std::vector<std::string> MatchableForms(const EntityFact& e) {
  std::vector<std::string> forms;
  auto add = [&](const std::string& raw) {
    std::string f = FoldName(raw);
    if (f.empty()) return;
    if (e.type == NodeType::kPerson && WordCount(f) < 2) return;  // never match on a surname
    if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(f);
  };
  add(e.name);
  for (const auto& a : e.aliases) add(a);
  return forms;
}

std::string MinDate(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}
std::string MaxDate(const std::string& a, const std::string& b) { return std::max(a, b); }

// Appends v as 16 lower-case hex digits.
void AppendHex64(std::string& out, uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kDigits[(v >> shift) & 15]);
}

std::string Hex64(uint64_t v) {
  std::string out;
  AppendHex64(out, v);
  return out;
}

// Accumulates one article's delta, reading the current graph through `reader`.
class ArticleResolver {
 public:
  ArticleResolver(GraphReader& reader, const ArticleFacts& facts) : reader_(reader), facts_(facts) {}

  Result<NodeId> ResolveEntity(const EntityFact& e) {
    std::vector<std::string> forms = MatchableForms(e);
    std::vector<std::string> lookups = forms;
    if (e.type == NodeType::kPerson)
      for (const auto& f : forms)
        if (auto s = SwappedTwoWordName(f); !s.empty()) lookups.push_back(s);
    for (const auto& form : lookups) {
      for (NodeId id : Lookup(form)) {
        Node* node = LoadNode(id);
        if (node && TypesCompatible(node->type, e.type)) return AddForms(*node, e, forms);
      }
    }
    std::string folded = FoldName(e.name);
    if (folded.empty()) return Status::InvalidArgument("entity with an empty name");
    for (uint32_t probe = 0; probe < 64; ++probe) {
      NodeId id = NodeIdFor(e.type, folded, probe);
      Node* existing = LoadNode(id);
      if (existing == nullptr) {
        Node node;
        node.id = id;
        node.type = e.type;
        node.name = e.name;
        node.first_seen = node.last_seen = facts_.date;
        nodes_[id] = node;
        return AddForms(nodes_[id], e, forms);
      }
      if (existing->type == e.type && FoldName(existing->name) == folded)
        return AddForms(*existing, e, forms);
    }
    return Status::Internal("node id space exhausted for " + e.name);
  }

  Status AddRelation(const RelationFact& r, NodeId from, NodeId to, ArticleId article,
                     std::vector<EdgeKey>* edges) {
    EdgeKey key{from, r.type, to};
    if (IsSymmetric(r.type) && key.src > key.dst) std::swap(key.src, key.dst);
    if (key.src == key.dst) return Status::Ok();
    if (HasSuppressions() && reader_.GetMeta(SuppressedEdgeKey(key))) return Status::Ok();
    EvidenceId ev_id = EvidenceIdFor(article, key, r.begin, r.end);
    if (HasSuppressions() && reader_.GetMeta(SuppressedEvidenceKey(ev_id))) return Status::Ok();
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      auto stored = reader_.GetEdge(key);
      Edge edge;
      if (stored.ok()) {
        edge = stored.value();
        stored_edges_.insert(key);
      } else if (stored.status().code() != StatusCode::kNotFound) {
        return stored.status();
      } else {
        edge.key = key;
      }
      it = edges_.emplace(key, edge).first;
      edges->push_back(key);
    }
    if (!evidence_ids_.insert(ev_id).second) return Status::Ok();
    // Evidence lives under a stored edge only (FORMAT.md invariant 2).
    if (stored_edges_.count(key) && reader_.HasEvidence(key, ev_id)) return Status::Ok();
    Edge& edge = it->second;
    if (edge.title.empty()) edge.title = r.title;
    edge.confidence = edge.evidence_count == 0 ? r.confidence : CombineConfidence(edge.confidence, r.confidence);
    ++edge.evidence_count;
    edge.first_seen = MinDate(edge.first_seen, facts_.date);
    edge.last_seen = MaxDate(edge.last_seen, facts_.date);
    Evidence ev;
    ev.id = ev_id;
    ev.article_id = article;
    ev.sentence = r.sentence;
    ev.begin = r.begin;
    ev.end = r.end;
    ev.confidence = r.confidence;
    ev.extractor_version = facts_.extractor_version;
    ev.date = facts_.date;
    evidence_.push_back({key, ev});
    return Status::Ok();
  }

  void Finish(GraphDelta* delta) {
    for (auto& [id, node] : nodes_) {
      if (changed_nodes_.count(id)) delta->put_nodes.push_back(node);
    }
    for (auto& [key, edge] : edges_) delta->put_edges.push_back(edge);
    delta->put_evidence = std::move(evidence_);
    delta->put_index = std::move(index_);
  }

 private:
  Node* LoadNode(NodeId id) {
    auto it = nodes_.find(id);
    if (it != nodes_.end()) return &it->second;
    auto node = reader_.GetNode(id);
    if (!node.ok()) return nullptr;
    stored_nodes_.insert(id);
    return &nodes_.emplace(id, std::move(node.value())).first->second;
  }

  // The reader's LookupExact, each folded name read once per article (the reader is a
  // snapshot, so a second read would return the same ids).
  const std::vector<NodeId>& Lookup(const std::string& folded) {
    auto it = lookups_.find(folded);
    if (it == lookups_.end()) it = lookups_.emplace(folded, reader_.LookupExact(folded)).first;
    return it->second;
  }

  // Whether the graph holds any suppression record (one prefix probe per article): without
  // one, the per-relation suppression lookups are skipped.
  bool HasSuppressions() {
    if (!has_suppressions_) has_suppressions_ = !reader_.ScanMeta(kSuppressPrefix, "", 1).empty();
    return *has_suppressions_;
  }

  // Records the entity's surface forms on the node and in the index; extends its dates.
  NodeId AddForms(Node& node, const EntityFact& e, const std::vector<std::string>& forms) {
    bool changed = !stored_nodes_.count(node.id);  // a new node is always written
    // The folded forms the node already carries, each folded once (a node gathers aliases).
    std::set<std::string> known{FoldName(node.name)};
    for (const auto& a : node.aliases) known.insert(FoldName(a));
    std::vector<std::string> surfaces{e.name};
    surfaces.insert(surfaces.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& s : surfaces) {
      std::string f = FoldName(s);
      if (!f.empty() && known.insert(f).second) {
        node.aliases.push_back(s);
        changed = true;
      }
    }
    for (const auto& f : forms) {
      const std::vector<NodeId>& indexed = Lookup(f);
      if (std::find(indexed.begin(), indexed.end(), node.id) == indexed.end() &&
          indexed_.insert({f, node.id}).second)
        index_.push_back({f, node.id});
    }
    std::string first = MinDate(node.first_seen, facts_.date), last = MaxDate(node.last_seen, facts_.date);
    if (first != node.first_seen || last != node.last_seen) {
      node.first_seen = first;
      node.last_seen = last;
      changed = true;
    }
    if (changed) changed_nodes_.insert(node.id);
    return node.id;
  }

  GraphReader& reader_;
  const ArticleFacts& facts_;
  std::map<NodeId, Node> nodes_;
  std::set<NodeId> stored_nodes_;  // the nodes of nodes_ that the graph already holds
  std::set<NodeId> changed_nodes_;
  std::map<std::string, std::vector<NodeId>> lookups_;
  std::optional<bool> has_suppressions_;
  std::map<EdgeKey, Edge> edges_;
  std::set<EdgeKey> stored_edges_;  // the edges of edges_ that the graph already holds
  std::set<EvidenceId> evidence_ids_;
  std::vector<EvidencePut> evidence_;
  std::set<std::pair<std::string, NodeId>> indexed_;
  std::vector<IndexEntry> index_;
};

}  // namespace

std::string ArticleContentHash(const ArticleFacts& facts) {
  return ContentHash(facts.text.empty() ? facts.title : facts.text);
}

std::string SuppressedEdgeKey(const EdgeKey& e) {
  return std::string(kSuppressPrefix) + "edge/" + Hex64(e.src) + "/" + EdgeTypeName(e.type) + "/" + Hex64(e.dst);
}

std::string SuppressedEvidenceKey(EvidenceId id) {
  return std::string(kSuppressPrefix) + "evidence/" + Hex64(id);
}

NodeId NodeIdFor(NodeType type, const std::string& folded_name, uint32_t probe) {
  NodeId id = Hash64(std::string(NodeTypeName(type)) + ":" + folded_name) + probe;
  return id == 0 ? 1 : id;  // 0 means "no node"
}

EvidenceId EvidenceIdFor(ArticleId article, const EdgeKey& edge, uint32_t begin, uint32_t end) {
  // "<article hex><src hex><type name><dst hex><begin>:<end>", hashed; built on the stack.
  char buf[128];
  size_t n = 0;
  auto hex = [&](uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) buf[n++] = kDigits[(v >> shift) & 15];
  };
  hex(article);
  hex(edge.src);
  std::string_view type = EdgeTypeName(edge.type);
  type.copy(buf + n, type.size());
  n += type.size();
  hex(edge.dst);
  n = static_cast<size_t>(std::to_chars(buf + n, buf + sizeof buf, begin).ptr - buf);
  buf[n++] = ':';
  n = static_cast<size_t>(std::to_chars(buf + n, buf + sizeof buf, end).ptr - buf);
  return Hash64(std::string_view(buf, n), 7);
}

Result<IngestResult> IngestArticle(GraphStore& store, const ArticleFacts& facts, bool sync) {
  IngestResult result;
  Status st = store.WithWriteLock([&]() -> Status {
    auto reader = store.Read();
    std::string hash = ArticleContentHash(facts);
    if (auto existing = reader->FindArticleByHash(hash)) {
      result.article_id = *existing;
      return Status::Ok();
    }
    ArticleId article_id = Hash64(hash, 3);
    while (article_id == 0 || reader->GetArticle(article_id).ok()) ++article_id;

    ArticleResolver resolver(*reader, facts);
    for (const auto& e : facts.entities) {
      auto id = resolver.ResolveEntity(e);
      if (!id.ok()) return id.status();
      result.nodes.push_back(id.value());
    }
    for (const auto& r : facts.relations) {
      if (r.from >= facts.entities.size() || r.to >= facts.entities.size())
        return Status::InvalidArgument("relation refers to an unknown entity");
      if (!EdgeAllowed(r.type, facts.entities[r.from].type, facts.entities[r.to].type)) continue;
      AG_RETURN_IF_ERROR(resolver.AddRelation(r, result.nodes[r.from], result.nodes[r.to],
                                              article_id, &result.edges));
    }
    GraphDelta delta;
    resolver.Finish(&delta);
    Article article;
    article.id = article_id;
    article.content_hash = hash;
    article.url = facts.url;
    article.title = facts.title;
    article.date = facts.date;
    article.text = facts.text;
    article.language = facts.language;
    article.mentions = result.nodes;
    std::sort(article.mentions.begin(), article.mentions.end());
    article.mentions.erase(std::unique(article.mentions.begin(), article.mentions.end()),
                           article.mentions.end());
    delta.article = std::move(article);
    auto applied = store.Apply(delta, ApplyOptions{.sync = false});
    if (!applied.ok()) return applied.status();
    result.stats = applied.value();
    result.article_was_new = applied->article_was_new;
    result.article_id = article_id;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // The fsync happens outside the writer lock, so that concurrent writers share the wait.
  if (sync && result.article_was_new) AG_RETURN_IF_ERROR(store.Sync());
  return result;
}

}  // namespace actorgraph::core
