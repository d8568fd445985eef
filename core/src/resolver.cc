#include "actorgraph/core/resolver.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "actorgraph/core/hashing.h"
#include "actorgraph/core/judgements.h"
#include "actorgraph/core/name_rules.h"
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

// The folded forms under which an entity may be found in the graph: its forms, a two-word
// person name reversed and with its initials spaced or joined ("T.V." = "T V"), then its
// reference names (EntityFact::known_as). An event is never
// found under a generic name ("general meeting": name_rules.h IsGenericEventName).
std::vector<std::string> Lookups(const EntityFact& e, const std::vector<std::string>& forms) {
  std::vector<std::string> lookups;
  auto add = [&](const std::string& f) {
    if (f.empty()) return;
    if (e.type == NodeType::kPerson && WordCount(f) < 2) return;
    if (e.type == NodeType::kEvent && IsGenericEventName(f)) return;
    if (std::find(lookups.begin(), lookups.end(), f) == lookups.end()) lookups.push_back(f);
  };
  for (const auto& f : forms) add(f);
  if (e.type == NodeType::kPerson) {
    for (const auto& f : forms) add(SwappedTwoWordName(f));
    std::vector<std::string> names{e.name};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& n : names)
      for (const auto& v : InitialsVariants(n)) add(FoldName(v));
  }
  for (const auto& k : e.known_as) add(FoldName(k));
  return lookups;
}

// Days since 1970-01-01 of a YYYY-MM-DD date, or nullopt when `date` is not one.
std::optional<int64_t> DayNumber(const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3 || m < 1 ||
      m > 12 || d < 1 || d > 31)
    return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// How far apart, at most, the articles naming one edition of an event under its series name
// ("Acme Summit") may be, from the first of them: a season of announcements and reports,
// well short of a yearly series' next edition.
constexpr int64_t kEditionWindowDays = 90;

// How many index entries one legal-name prefix scan reads at most ("acme " finds "acme corp",
// "acme co ltd", but also "acme widgets ..."): a bound on the work per company mention.
constexpr size_t kLegalPrefixLimit = 256;

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
  // `content_hash`: the article's (ArticleContentHash), which scopes the ids of its events
  // that name no edition.
  ArticleResolver(GraphReader& reader, const ArticleFacts& facts, std::string content_hash)
      : reader_(reader), facts_(facts), content_hash_(std::move(content_hash)) {}

  Result<NodeId> ResolveEntity(const EntityFact& e) {
    std::vector<std::string> forms = MatchableForms(e);
    // An event named with its edition ("Acme Summit 2031", alias "Acme Summit") is found
    // across articles under its edition only.
    bool names_edition = e.type == NodeType::kEvent &&
                         std::any_of(forms.begin(), forms.end(),
                                     [](const std::string& f) { return NamesEventEdition(f); });
    for (const auto& form : Lookups(e, forms)) {
      bool edition = e.type != NodeType::kEvent || NamesEventEdition(form);
      for (NodeId id : Candidates(form)) {
        Node* node = LoadNode(id);
        if (!node || !TypesCompatible(node->type, e.type)) continue;
        if (edition || !stored_nodes_.count(id) || (!names_edition && WithinEditionWindow(*node)))
          return AddForms(*node, e, forms);
      }
    }
    if (e.type == NodeType::kCompany)
      if (Node* node = FindByLegalNameCore(forms)) return AddForms(*node, e, forms);
    std::string folded = FoldName(e.name);
    if (folded.empty()) return Status::InvalidArgument("entity with an empty name");
    // An event whose name names no edition, or is generic, gets an id of its article's own
    // (storage/FORMAT.md).
    bool article_scoped =
        e.type == NodeType::kEvent && (!NamesEventEdition(folded) || IsGenericEventName(folded));
    std::string id_name = article_scoped ? folded + '\x1f' + content_hash_ : folded;
    for (uint32_t probe = 0; probe < 64; ++probe) {
      NodeId id = NodeIdFor(e.type, id_name, probe);
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
      if (existing->type == e.type && FoldName(existing->name) == folded &&
          !(article_scoped && stored_nodes_.count(id)))
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
    edge.confidence =
        edge.evidence_count == 0 ? r.confidence : CombineConfidence(edge.confidence, r.confidence);
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

  // The one company node of the graph that one of `forms` names once legal forms are set
  // aside on either side (name_rules.h LegalNameCore): "acme corp" finds "acme" or
  // "acme co ltd", "acme" finds "acme corp". Null when none does, when several nodes share
  // that core (a parent and its subsidiary: "Acme SE", "Acme Corporation"), and when this
  // article itself names another company of that core: the article tells them apart.
  Node* FindByLegalNameCore(const std::vector<std::string>& forms) {
    std::set<NodeId> found;
    auto add_company = [&](NodeId id) {
      Node* node = LoadNode(id);
      if (node && node->type == NodeType::kCompany) found.insert(id);
    };
    for (const auto& f : forms) {
      std::string core = LegalNameCore(f);
      const std::string& bare = core.empty() ? f : core;
      if (ArticleNamesOtherCompanyOfCore(bare, forms)) return nullptr;
      if (!core.empty())
        for (NodeId id : Lookup(core)) add_company(id);
      for (const IndexEntry& entry : reader_.LookupPrefix(bare + " ", kLegalPrefixLimit))
        if (LegalNameCore(entry.folded_name) == bare) add_company(entry.node);
    }
    return found.size() == 1 ? LoadNode(*found.begin()) : nullptr;
  }

  // Whether a company of this article other than the one of `forms` has a form whose legal
  // core (or the form itself, without a legal form) is `core`.
  bool ArticleNamesOtherCompanyOfCore(const std::string& core,
                                      const std::vector<std::string>& forms) {
    if (!company_cores_) {
      company_cores_.emplace();
      for (const auto& e : facts_.entities) {
        if (e.type != NodeType::kCompany) continue;
        for (const auto& f : MatchableForms(e)) {
          std::string c = LegalNameCore(f);
          (*company_cores_)[c.empty() ? f : c].insert(f);
        }
      }
    }
    auto it = company_cores_->find(core);
    if (it == company_cores_->end()) return false;
    for (const auto& f : it->second)
      if (std::find(forms.begin(), forms.end(), f) == forms.end()) return true;
    return false;
  }

  // Whether `node` was first seen within kEditionWindowDays of this article's date (both
  // dates known).
  bool WithinEditionWindow(const Node& node) {
    auto mine = DayNumber(facts_.date), first = DayNumber(node.first_seen);
    return mine && first && std::llabs(*mine - *first) <= kEditionWindowDays;
  }

  // The reader's LookupExact, each folded name read once per article (the reader is a
  // snapshot, so a second read would return the same ids).
  const std::vector<NodeId>& Lookup(const std::string& folded) {
    auto it = lookups_.find(folded);
    if (it == lookups_.end()) it = lookups_.emplace(folded, reader_.LookupExact(folded)).first;
    return it->second;
  }

  // The nodes under a folded name: the graph's (Lookup), then those this article has put
  // under it so far, so that an entity also finds an earlier entity of its own article.
  std::vector<NodeId> Candidates(const std::string& folded) {
    std::vector<NodeId> ids = Lookup(folded);
    if (auto it = article_forms_.find(folded); it != article_forms_.end())
      for (NodeId id : it->second)
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    return ids;
  }

  // Whether the graph holds any suppression record (one prefix probe per article): without
  // one, the per-relation suppression lookups are skipped.
  bool HasSuppressions() {
    if (!has_suppressions_) has_suppressions_ = !reader_.ScanMeta(kSuppressPrefix, "", 1).empty();
    return *has_suppressions_;
  }

  // Whether the graph has any distinct-actor judgement (one prefix probe per article).
  bool HasJudgements() {
    if (!has_judgements_) has_judgements_ = HasDistinctJudgements(reader_);
    return *has_judgements_;
  }

  // Whether `folded` names, in the graph or earlier in this article, a node that a curator
  // judged a different actor from `id` (judgements.h): such a form is never given to `id`, so
  // the two stay apart however an article ties their names together.
  bool ClaimedByDistinct(const std::string& folded, NodeId id) {
    if (!HasJudgements()) return false;
    for (NodeId other : Candidates(folded))
      if (other != id && JudgedDistinct(reader_, id, other)) return true;
    return false;
  }

  // Records the entity's surface forms on the node and in the index (except the forms of a
  // node judged distinct from it); extends its dates.
  NodeId AddForms(Node& node, const EntityFact& e, const std::vector<std::string>& forms) {
    bool changed = !stored_nodes_.count(node.id);  // a new node is always written
    // The folded forms the node already carries, each folded once (a node gathers aliases).
    std::set<std::string> known{FoldName(node.name)};
    for (const auto& a : node.aliases) known.insert(FoldName(a));
    std::vector<std::string> surfaces{e.name};
    surfaces.insert(surfaces.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& s : surfaces) {
      std::string f = FoldName(s);
      if (!f.empty() && !ClaimedByDistinct(f, node.id) && known.insert(f).second) {
        node.aliases.push_back(s);
        changed = true;
      }
    }
    for (const auto& f : forms) {
      if (ClaimedByDistinct(f, node.id)) continue;
      auto& mine = article_forms_[f];
      if (std::find(mine.begin(), mine.end(), node.id) == mine.end()) mine.push_back(node.id);
      const std::vector<NodeId>& indexed = Lookup(f);
      if (std::find(indexed.begin(), indexed.end(), node.id) == indexed.end() &&
          indexed_.insert({f, node.id}).second)
        index_.push_back({f, node.id});
    }
    std::string first = MinDate(node.first_seen, facts_.date),
                last = MaxDate(node.last_seen, facts_.date);
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
  std::string content_hash_;
  std::map<NodeId, Node> nodes_;
  std::set<NodeId> stored_nodes_;  // the nodes of nodes_ that the graph already holds
  std::set<NodeId> changed_nodes_;
  std::map<std::string, std::vector<NodeId>> lookups_;
  std::map<std::string, std::vector<NodeId>> article_forms_;  // folded form -> this article's nodes
  std::optional<bool> has_suppressions_;
  std::optional<bool> has_judgements_;
  // Legal-name core -> the folded forms of this article's companies with that core.
  std::optional<std::map<std::string, std::set<std::string>>> company_cores_;
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
  return std::string(kSuppressPrefix) + "edge/" + Hex64(e.src) + "/" + EdgeTypeName(e.type) + "/" +
         Hex64(e.dst);
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

    ArticleResolver resolver(*reader, facts, hash);
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
    article.author = facts.author;
    article.canonical_url = facts.canonical_url;
    article.site_name = facts.site_name;
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
