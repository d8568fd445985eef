#include "actorgraph/core/curation.h"

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "actorgraph/core/judgements.h"
#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "unmerge.h"

namespace actorgraph::core {

using nlohmann::json;

namespace {

constexpr const char* kCurationSeqKey = "curation_seq";

std::string Hex16(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::string CurationKey(CurationId id) { return kCurationPrefix + Hex16(id); }

std::string Dec(uint64_t v) { return std::to_string(v); }

uint64_t ParseDec(const json& j) {
  const std::string& s = j.get_ref<const std::string&>();
  return std::stoull(s);
}

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// ---- full-fidelity record encodings for the curation log (ids as decimal strings) ----

struct EdgeState {
  Edge edge;
  std::vector<Evidence> evidence;  // by id
};

json NodeRecord(const Node& n) {
  return {{"id", Dec(n.id)},
          {"type", NodeTypeName(n.type)},
          {"name", n.name},
          {"aliases", n.aliases},
          {"first_seen", n.first_seen},
          {"last_seen", n.last_seen},
          {"merged_into", Dec(n.merged_into)}};
}

Node NodeFromRecord(const json& j) {
  Node n;
  n.id = ParseDec(j.at("id"));
  n.type = ParseNodeType(j.at("type").get<std::string>()).value();
  n.name = j.at("name").get<std::string>();
  n.aliases = j.at("aliases").get<std::vector<std::string>>();
  n.first_seen = j.at("first_seen").get<std::string>();
  n.last_seen = j.at("last_seen").get<std::string>();
  n.merged_into = ParseDec(j.at("merged_into"));
  return n;
}

json EdgeRecord(const EdgeState& s) {
  json evidence = json::array();
  for (const auto& ev : s.evidence)
    evidence.push_back({{"id", Dec(ev.id)},
                        {"article_id", Dec(ev.article_id)},
                        {"sentence", ev.sentence},
                        {"begin", ev.begin},
                        {"end", ev.end},
                        {"confidence", ev.confidence},
                        {"extractor_version", ev.extractor_version},
                        {"date", ev.date}});
  const Edge& e = s.edge;
  return {{"source", Dec(e.key.src)},   {"type", EdgeTypeName(e.key.type)},
          {"target", Dec(e.key.dst)},   {"title", e.title},
          {"confidence", e.confidence}, {"evidence_count", e.evidence_count},
          {"first_seen", e.first_seen}, {"last_seen", e.last_seen},
          {"evidence", evidence}};
}

EdgeKey EdgeKeyFromRecord(const json& j) {
  return {ParseDec(j.at("source")), ParseEdgeType(j.at("type").get<std::string>()).value(),
          ParseDec(j.at("target"))};
}

EdgeState EdgeFromRecord(const json& j) {
  EdgeState s;
  s.edge.key = EdgeKeyFromRecord(j);
  s.edge.title = j.at("title").get<std::string>();
  s.edge.confidence = j.at("confidence").get<double>();
  s.edge.evidence_count = j.at("evidence_count").get<uint32_t>();
  s.edge.first_seen = j.at("first_seen").get<std::string>();
  s.edge.last_seen = j.at("last_seen").get<std::string>();
  for (const auto& e : j.at("evidence")) {
    Evidence ev;
    ev.id = ParseDec(e.at("id"));
    ev.article_id = ParseDec(e.at("article_id"));
    ev.sentence = e.at("sentence").get<std::string>();
    ev.begin = e.at("begin").get<uint32_t>();
    ev.end = e.at("end").get<uint32_t>();
    ev.confidence = e.at("confidence").get<double>();
    ev.extractor_version = e.at("extractor_version").get<std::string>();
    ev.date = e.at("date").get<std::string>();
    s.evidence.push_back(std::move(ev));
  }
  return s;
}

// ---- the records a step touches, as they were and as they become ----

using IndexKey = std::pair<std::string, NodeId>;

struct Records {
  std::map<NodeId, std::optional<Node>> nodes;
  std::map<EdgeKey, std::optional<EdgeState>> edges;
  std::map<IndexKey, bool> index;
  std::map<std::string, std::optional<std::string>> meta;

  json ToJson() const {
    json j = {{"nodes", json::array()},
              {"edges", json::array()},
              {"index", json::array()},
              {"meta", json::object()}};
    for (const auto& [id, n] : nodes)
      if (n) j["nodes"].push_back(NodeRecord(*n));
    for (const auto& [key, s] : edges)
      if (s) j["edges"].push_back(EdgeRecord(*s));
    for (const auto& [entry, present] : index)
      if (present) j["index"].push_back({{"name", entry.first}, {"node", Dec(entry.second)}});
    for (const auto& [key, value] : meta) j["meta"][key] = value ? json(*value) : json(nullptr);
    return j;
  }
};

// Decodes the before and after records of a stored step over the union of their keys.
void DecodeRecords(const json& before_j, const json& after_j, Records* before, Records* after) {
  for (auto [j, out] : {std::pair{&before_j, before}, std::pair{&after_j, after}}) {
    Records* other = out == before ? after : before;
    for (const auto& n : j->at("nodes")) {
      Node node = NodeFromRecord(n);
      other->nodes.try_emplace(node.id);
      out->nodes[node.id] = std::move(node);
    }
    for (const auto& e : j->at("edges")) {
      EdgeState s = EdgeFromRecord(e);
      other->edges.try_emplace(s.edge.key);
      out->edges[s.edge.key] = std::move(s);
    }
    for (const auto& i : j->at("index")) {
      IndexKey key{i.at("name").get<std::string>(), ParseDec(i.at("node"))};
      other->index.try_emplace(key, false);
      out->index[key] = true;
    }
    for (const auto& [key, value] : j->at("meta").items())
      out->meta[key] =
          value.is_null() ? std::nullopt : std::optional<std::string>(value.get<std::string>());
  }
}

std::optional<EdgeState> LoadEdge(GraphReader& reader, const EdgeKey& key, Status* st) {
  auto edge = reader.GetEdge(key);
  if (!edge.ok()) {
    if (edge.status().code() != StatusCode::kNotFound) *st = edge.status();
    return std::nullopt;
  }
  auto evidence = reader.GetEvidence(key);
  if (!evidence.ok()) {
    *st = evidence.status();
    return std::nullopt;
  }
  return EdgeState{edge.value(), evidence.value()};
}

bool IndexHas(GraphReader& reader, const IndexKey& entry) {
  for (NodeId id : reader.LookupExact(entry.first))
    if (id == entry.second) return true;
  return false;
}

// Accumulates one step's before/after records, reading the current state lazily.
class StepBuilder {
 public:
  explicit StepBuilder(GraphReader& reader) : reader_(reader) {}

  std::optional<Node>& NodeAfter(NodeId id) {
    if (!before_.nodes.count(id)) {
      auto node = reader_.GetNode(id);
      std::optional<Node> current = node.ok() ? std::optional<Node>(node.value()) : std::nullopt;
      before_.nodes[id] = current;
      after_.nodes[id] = current;
    }
    return after_.nodes[id];
  }

  Result<std::optional<EdgeState>*> EdgeAfter(const EdgeKey& key) {
    if (!before_.edges.count(key)) {
      Status st;
      auto current = LoadEdge(reader_, key, &st);
      if (!st.ok()) return st;
      before_.edges[key] = current;
      after_.edges[key] = current;
    }
    return &after_.edges[key];
  }

  void SetIndex(const IndexKey& entry, bool present) {
    if (!before_.index.count(entry)) before_.index[entry] = IndexHas(reader_, entry);
    after_.index[entry] = present;
  }

  void SetMeta(const std::string& key, std::optional<std::string> value) {
    if (!before_.meta.count(key)) before_.meta[key] = reader_.GetMeta(key);
    after_.meta[key] = std::move(value);
  }

  const Records& before() const { return before_; }
  const Records& after() const { return after_; }

 private:
  GraphReader& reader_;
  Records before_, after_;
};

// The delta that takes the graph from `from` (its current state) to `to`.
GraphDelta DeltaBetween(const Records& from, const Records& to) {
  GraphDelta d;
  for (const auto& [id, node] : to.nodes) {
    if (node)
      d.put_nodes.push_back(*node);
    else if (from.nodes.at(id))
      d.delete_nodes.push_back(id);
  }
  for (const auto& [key, state] : to.edges) {
    const auto& old = from.edges.at(key);
    if (!state) {
      if (old) d.delete_edges.push_back(key);
      continue;
    }
    d.put_edges.push_back(state->edge);
    std::set<EvidenceId> keep;
    for (const auto& ev : state->evidence) {
      keep.insert(ev.id);
      d.put_evidence.push_back({key, ev});
    }
    if (old)
      for (const auto& ev : old->evidence)
        if (!keep.count(ev.id)) d.delete_evidence.push_back({key, ev.id});
  }
  for (const auto& [entry, present] : to.index) {
    if (present == from.index.at(entry)) continue;
    (present ? d.put_index : d.delete_index).push_back({entry.first, entry.second});
  }
  for (const auto& [key, value] : to.meta) {
    if (value)
      d.put_meta.push_back({key, *value});
    else
      d.delete_meta.push_back(key);
  }
  return d;
}

// The latest step after `id`, not undone and not itself an undo, whose records
// `touches`; defined below, with the curation log's reading.
std::optional<Curation> LaterStepTouching(GraphReader& reader, CurationId id,
                                          const std::function<bool(const Records&)>& touches);

// OK when the stored graph holds exactly `expected` for every record it names. Otherwise
// Conflict naming the record and the step after `step` that changed it (when a curation step
// did; else a later import did).
Status VerifyCurrent(GraphReader& reader, CurationId step, const Records& expected) {
  auto conflict = [&](const std::string& what, const std::function<bool(const Records&)>& touches) {
    if (auto later = LaterStepTouching(reader, step, touches))
      return Status::Conflict(what + " changed since this step: curation " + Dec(later->id) + " (" +
                              later->kind + ") changed it later; undo that one first");
    return Status::Conflict(what +
                            " changed since this step: a later import added to it, in a way that "
                            "depends on this step");
  };
  for (const auto& [id, node] : expected.nodes) {
    auto current = reader.GetNode(id);
    if (current.ok() != node.has_value() ||
        (node && NodeRecord(*node) != NodeRecord(current.value())))
      return conflict("node " + Dec(id), [id = id](const Records& r) { return r.nodes.count(id); });
  }
  for (const auto& [key, state] : expected.edges) {
    Status st;
    auto current = LoadEdge(reader, key, &st);
    AG_RETURN_IF_ERROR(st);
    if (current.has_value() != state.has_value() ||
        (state && EdgeRecord(*state) != EdgeRecord(*current)))
      return conflict("edge " + Dec(key.src) + "-" + EdgeTypeName(key.type) + "-" + Dec(key.dst),
                      [key = key](const Records& r) { return r.edges.count(key); });
  }
  for (const auto& [entry, present] : expected.index)
    if (IndexHas(reader, entry) != present)
      return conflict("the name index entry '" + entry.first + "'",
                      [entry = entry](const Records& r) { return r.index.count(entry); });
  for (const auto& [key, value] : expected.meta)
    if (reader.GetMeta(key) != value)
      return conflict("record " + key, [key = key](const Records& r) { return r.meta.count(key); });
  return Status::Ok();
}

Result<Curation> DecodeCuration(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Status::Corruption("bad curation record");
  try {
    Curation c;
    c.id = ParseDec(j.at("id"));
    c.kind = j.at("kind").get<std::string>();
    c.who = j.at("who").get<std::string>();
    c.when = j.at("when").get<std::string>();
    c.what = j.at("what");
    c.before = j.at("before");
    c.after = j.at("after");
    c.undone_by = j.contains("undone_by") ? ParseDec(j["undone_by"]) : 0;
    c.undoes = j.contains("undoes") ? ParseDec(j["undoes"]) : 0;
    return c;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("bad curation record: ") + e.what());
  }
}

// Records the step built by `fn` and applies it with its log record, under the write lock.
Result<Curation> RunStep(GraphStore& store, const std::string& kind, const std::string& who,
                         json what,
                         const std::function<Status(GraphReader&, StepBuilder&, Curation&)>& fn) {
  Curation c;
  Status st = store.WithWriteLock([&]() -> Status {
    auto reader = store.Read();
    StepBuilder step(*reader);
    c.kind = kind;
    c.who = who;
    c.when = NowUtc();
    c.what = std::move(what);
    auto seq = reader->GetMeta(kCurationSeqKey);
    c.id = (seq ? std::stoull(*seq) : 0) + 1;
    AG_RETURN_IF_ERROR(fn(*reader, step, c));
    GraphDelta delta = DeltaBetween(step.before(), step.after());
    c.before = step.before().ToJson();
    c.after = step.after().ToJson();
    delta.put_meta.push_back({kCurationSeqKey, Dec(c.id)});
    delta.put_meta.push_back({CurationKey(c.id), c.ToJson().dump()});
    auto applied = store.Apply(delta);
    return applied.ok() ? Status::Ok() : applied.status();
  });
  if (!st.ok()) return st;
  return c;
}

std::string MinDate(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}

// Combines `add` into `into` (the same logical edge): union of evidence, recomputed support.
void CombineEdge(EdgeState& into, const EdgeState& add) {
  for (const auto& ev : add.evidence) {
    bool known = false;
    for (const auto& mine : into.evidence) known = known || mine.id == ev.id;
    if (!known) into.evidence.push_back(ev);
  }
  std::sort(into.evidence.begin(), into.evidence.end(),
            [](const Evidence& a, const Evidence& b) { return a.id < b.id; });
  into.edge.evidence_count = static_cast<uint32_t>(into.evidence.size());
  into.edge.confidence = CombineConfidence(into.edge.confidence, add.edge.confidence);
  into.edge.first_seen = MinDate(into.edge.first_seen, add.edge.first_seen);
  into.edge.last_seen = std::max(into.edge.last_seen, add.edge.last_seen);
  if (into.edge.title.empty()) into.edge.title = add.edge.title;
}

// Recomputes an edge's support from its evidence (after evidence was removed).
void RecomputeEdge(EdgeState& s) {
  Edge& e = s.edge;
  e.evidence_count = static_cast<uint32_t>(s.evidence.size());
  e.confidence = 0;
  e.first_seen.clear();
  e.last_seen.clear();
  for (const auto& ev : s.evidence) {
    e.confidence = CombineConfidence(e.confidence, ev.confidence);
    e.first_seen = MinDate(e.first_seen, ev.date);
    e.last_seen = std::max(e.last_seen, ev.date);
  }
}

// Every edge of a node, both directions.
Result<std::vector<Edge>> AllEdges(GraphReader& reader, NodeId id) {
  std::vector<Edge> out;
  NeighborQuery q;
  q.limit = 1000;
  for (;;) {
    auto page = reader.Neighbors(id, q);
    if (!page.ok()) return page.status();
    for (auto& entry : page->entries) out.push_back(std::move(entry.edge));
    if (page->next_cursor.empty()) return out;
    q.cursor = page->next_cursor;
  }
}

std::vector<std::string> FoldedForms(const Node& n) {
  std::vector<std::string> forms;
  auto add = [&](const std::string& raw) {
    std::string f = FoldName(raw);
    bool person_word = n.type == NodeType::kPerson && f.find(' ') == std::string::npos;
    if (!f.empty() && !person_word && std::find(forms.begin(), forms.end(), f) == forms.end())
      forms.push_back(f);
  };
  add(n.name);
  for (const auto& a : n.aliases) add(a);
  return forms;
}

// The type of node `id`, or `self_type` when it is `self` (a node being changed).
NodeType TypeOf(GraphReader& reader, NodeId id, NodeId self, NodeType self_type) {
  if (id == self) return self_type;
  auto node = reader.GetNode(id);
  return node.ok() ? node->type : self_type;
}

Result<Node> RequireNode(GraphReader& reader, NodeId id) {
  auto node = reader.GetNode(id);
  if (!node.ok() && node.status().code() == StatusCode::kNotFound)
    return Status::NotFound("no node " + Dec(id));
  return node;
}

}  // namespace

std::string MergedNodeKey(NodeId merged) { return kMergedNodePrefix + Hex16(merged); }

std::optional<std::pair<NodeId, NodeId>> ParseMergedNodeRecord(const MetaPut& record) {
  std::string prefix = kMergedNodePrefix;
  if (record.key.size() != prefix.size() + 16 || record.key.compare(0, prefix.size(), prefix) != 0)
    return std::nullopt;
  try {
    return std::pair<NodeId, NodeId>{std::stoull(record.key.substr(prefix.size()), nullptr, 16),
                                     std::stoull(record.value)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

json Curation::ToJson() const {
  json j = {{"id", Dec(id)}, {"kind", kind},     {"who", who},    {"when", when},
            {"what", what},  {"before", before}, {"after", after}};
  if (undone_by) j["undone_by"] = Dec(undone_by);
  if (undoes) j["undoes"] = Dec(undoes);
  return j;
}

Result<Curation> MergeNodes(GraphStore& store, NodeId from, NodeId into, const std::string& who) {
  if (from == into) return Status::InvalidArgument("cannot merge a node into itself");
  json what = {{"from", Dec(from)}, {"into", Dec(into)}};
  return RunStep(
      store, "merge", who, what, [&](GraphReader& reader, StepBuilder& step, Curation&) -> Status {
        auto loser = RequireNode(reader, from);
        if (!loser.ok()) return loser.status();
        auto survivor = RequireNode(reader, into);
        if (!survivor.ok()) return survivor.status();
        NodeType lt = loser->type, st = survivor->type;
        if (lt != st && !(IsOrganization(lt) && IsOrganization(st)))
          return Status::Conflict(std::string("cannot merge a ") + NodeTypeName(lt) + " into a " +
                                  NodeTypeName(st));
        if (JudgedDistinct(reader, from, into))
          return Status::Conflict("nodes " + Dec(from) + " and " + Dec(into) +
                                  " were judged different actors; undo that judgement first");
        auto edges = AllEdges(reader, from);
        if (!edges.ok()) return edges.status();
        for (const Edge& edge : edges.value()) {
          auto old_slot = step.EdgeAfter(edge.key);
          if (!old_slot.ok()) return old_slot.status();
          EdgeState moved = **old_slot.value();
          **old_slot = std::nullopt;
          EdgeKey key = edge.key;
          if (key.src == from) key.src = into;
          if (key.dst == from) key.dst = into;
          if (key.src == key.dst) continue;  // an edge between the two: gone with the duplicate
          if (!EdgeAllowed(key.type, TypeOf(reader, key.src, into, st),
                           TypeOf(reader, key.dst, into, st)))
            return Status::Conflict(std::string("the merged node's ") + EdgeTypeName(key.type) +
                                    " edge is not allowed on a " + NodeTypeName(st));
          if (IsSymmetric(key.type) && key.src > key.dst) std::swap(key.src, key.dst);
          moved.edge.key = key;
          auto slot = step.EdgeAfter(key);
          if (!slot.ok()) return slot.status();
          if (*slot.value())
            CombineEdge(**slot.value(), moved);
          else
            *slot.value() = std::move(moved);
        }
        Node merged = survivor.value();
        std::vector<std::string> surfaces{loser->name};
        surfaces.insert(surfaces.end(), loser->aliases.begin(), loser->aliases.end());
        std::set<std::string> folded_known;
        folded_known.insert(FoldName(merged.name));
        for (const auto& a : merged.aliases) folded_known.insert(FoldName(a));
        for (const auto& s : surfaces)
          if (folded_known.insert(FoldName(s)).second) merged.aliases.push_back(s);
        merged.first_seen = MinDate(merged.first_seen, loser->first_seen);
        merged.last_seen = std::max(merged.last_seen, loser->last_seen);
        step.NodeAfter(into) = merged;
        step.NodeAfter(from) = std::nullopt;
        for (const auto& form : FoldedForms(loser.value())) {
          if (!IndexHas(reader, {form, from})) continue;
          step.SetIndex({form, from}, false);
          step.SetIndex({form, into}, true);
        }
        step.SetMeta(MergedNodeKey(from), Dec(into));
        for (NodeId other : JudgedDistinctFrom(reader, from)) {
          std::optional<std::string> judgement = reader.GetMeta(DistinctPairKey(from, other));
          step.SetMeta(DistinctPairKey(from, other), std::nullopt);
          step.SetMeta(DistinctPairKey(other, from), std::nullopt);
          step.SetMeta(DistinctPairKey(into, other), judgement);
          step.SetMeta(DistinctPairKey(other, into), judgement);
        }
        return Status::Ok();
      });
}

Result<Curation> RecordDistinct(GraphStore& store, NodeId a, NodeId b, const std::string& who) {
  if (a == b) return Status::InvalidArgument("a node is always the same actor as itself");
  json what = {{"a", Dec(a)}, {"b", Dec(b)}};
  return RunStep(store, "distinct", who, what,
                 [&](GraphReader& reader, StepBuilder& step, Curation& c) -> Status {
                   for (NodeId id : {a, b})
                     if (auto node = RequireNode(reader, id); !node.ok()) return node.status();
                   if (JudgedDistinct(reader, a, b))
                     return Status::Conflict("nodes " + Dec(a) + " and " + Dec(b) +
                                             " are already judged different actors");
                   step.SetMeta(DistinctPairKey(a, b), Dec(c.id));
                   step.SetMeta(DistinctPairKey(b, a), Dec(c.id));
                   return Status::Ok();
                 });
}

Result<Curation> EditNode(GraphStore& store, NodeId id, const NodeEdit& edit,
                          const std::string& who) {
  json what = {{"node", Dec(id)}};
  if (edit.name) what["name"] = *edit.name;
  if (edit.type) what["type"] = NodeTypeName(*edit.type);
  if (edit.aliases) what["aliases"] = *edit.aliases;
  if (edit.name && FoldName(*edit.name).empty()) return Status::InvalidArgument("empty name");
  return RunStep(store, "edit-node", who, what,
                 [&](GraphReader& reader, StepBuilder& step, Curation&) -> Status {
                   auto node = RequireNode(reader, id);
                   if (!node.ok()) return node.status();
                   Node edited = node.value();
                   if (edit.name) edited.name = *edit.name;
                   if (edit.type) edited.type = *edit.type;
                   if (edit.aliases) edited.aliases = *edit.aliases;
                   if (edited.type != node->type) {
                     auto edges = AllEdges(reader, id);
                     if (!edges.ok()) return edges.status();
                     for (const Edge& e : edges.value()) {
                       if (!EdgeAllowed(e.key.type, TypeOf(reader, e.key.src, id, edited.type),
                                        TypeOf(reader, e.key.dst, id, edited.type)))
                         return Status::Conflict(std::string("a ") + NodeTypeName(edited.type) +
                                                 " cannot keep its " + EdgeTypeName(e.key.type) +
                                                 " edge");
                     }
                   }
                   std::vector<std::string> new_forms = FoldedForms(edited);
                   for (const auto& form : FoldedForms(node.value()))
                     if (std::find(new_forms.begin(), new_forms.end(), form) == new_forms.end() &&
                         IndexHas(reader, {form, id}))
                       step.SetIndex({form, id}, false);
                   for (const auto& form : new_forms)
                     if (!IndexHas(reader, {form, id})) step.SetIndex({form, id}, true);
                   step.NodeAfter(id) = edited;
                   return Status::Ok();
                 });
}

namespace {

json EdgeWhat(const EdgeKey& e) {
  return {{"edge", Dec(e.src) + "-" + EdgeTypeName(e.type) + "-" + Dec(e.dst)}};
}

}  // namespace

Result<Curation> DeleteEdge(GraphStore& store, const EdgeKey& edge, const std::string& who) {
  return RunStep(store, "delete-edge", who, EdgeWhat(edge),
                 [&](GraphReader&, StepBuilder& step, Curation& c) -> Status {
                   auto slot = step.EdgeAfter(edge);
                   if (!slot.ok()) return slot.status();
                   if (!*slot.value()) return Status::NotFound("no such edge");
                   *slot.value() = std::nullopt;
                   step.SetMeta(SuppressedEdgeKey(edge), Dec(c.id));
                   return Status::Ok();
                 });
}

Result<Curation> DeleteEvidence(GraphStore& store, const EdgeKey& edge, EvidenceId evidence,
                                const std::string& who) {
  json what = EdgeWhat(edge);
  what["evidence"] = Dec(evidence);
  return RunStep(store, "delete-evidence", who, what,
                 [&](GraphReader&, StepBuilder& step, Curation& c) -> Status {
                   auto slot = step.EdgeAfter(edge);
                   if (!slot.ok()) return slot.status();
                   std::optional<EdgeState>& state = *slot.value();
                   if (!state) return Status::NotFound("no such edge");
                   auto& evs = state->evidence;
                   auto it = std::find_if(evs.begin(), evs.end(),
                                          [&](const Evidence& e) { return e.id == evidence; });
                   if (it == evs.end())
                     return Status::NotFound("the edge has no evidence " + Dec(evidence));
                   evs.erase(it);
                   if (evs.empty())
                     state = std::nullopt;
                   else
                     RecomputeEdge(*state);
                   step.SetMeta(SuppressedEvidenceKey(evidence), Dec(c.id));
                   return Status::Ok();
                 });
}

namespace {

std::optional<Curation> LaterStepTouching(GraphReader& reader, CurationId id,
                                          const std::function<bool(const Records&)>& touches) {
  std::optional<Curation> latest;
  CurationId after = id;
  while (true) {
    CurationPage page = ListCurations(reader, after, 256);
    for (const Curation& c : page.items) {
      if (c.undone_by || c.kind == "undo") continue;
      Records before, after_records;
      try {
        DecodeRecords(c.before, c.after, &before, &after_records);
      } catch (const std::exception&) {
        continue;  // a damaged record names nothing; `actorgraph check` reports it
      }
      if (touches(after_records)) latest = c;
    }
    if (!page.next_after) return latest;
    after = *page.next_after;
  }
}

// Lets the undo of a merge keep what later ingestion added to the survivor: when the
// survivor changed since the merge only by imports (no later curation step touched it) and
// only in ways UnmergedSurvivor can keep, the records are
// rewritten so that the check expects the survivor as it is now and the undo writes it back
// as it was before the merge plus those changes. Any other change is left for VerifyCurrent
// to report.
void KeepSurvivorChanges(GraphReader& reader, const Curation& merge, Records& before,
                         Records& after) {
  const NodeId from = ParseDec(merge.what.at("from")), into = ParseDec(merge.what.at("into"));
  std::optional<Node>&was = before.nodes[into], &wrote = after.nodes[into];
  const std::optional<Node>& loser = before.nodes[from];
  auto current = reader.GetNode(into);
  if (!was || !wrote || !loser || !current.ok()) return;
  if (NodeRecord(current.value()) == NodeRecord(*wrote)) return;
  // A curation step's change is undone through its own records, not kept here.
  if (LaterStepTouching(reader, merge.id, [into](const Records& r) { return r.nodes.count(into); }))
    return;
  std::vector<std::string> loser_forms{FoldName(loser->name)};
  for (const auto& a : loser->aliases) loser_forms.push_back(FoldName(a));
  auto kept = UnmergedSurvivor(*was, *wrote, current.value(), loser_forms);
  if (!kept) return;
  wrote = current.value();
  was = std::move(*kept);
}

}  // namespace

Result<Curation> UndoCuration(GraphStore& store, CurationId id, const std::string& who) {
  json what = {{"curation", Dec(id)}};
  return RunStep(store, "undo", who, what,
                 [&](GraphReader& reader, StepBuilder& step, Curation& c) -> Status {
                   auto target = GetCuration(reader, id);
                   if (!target.ok()) return target.status();
                   if (target->kind == "undo") return Status::Conflict("an undo cannot be undone");
                   if (target->undone_by)
                     return Status::Conflict("curation " + Dec(id) + " was already undone");
                   Records before, after;
                   try {
                     DecodeRecords(target->before, target->after, &before, &after);
                   } catch (const std::exception& e) {
                     return Status::Corruption(std::string("bad curation record: ") + e.what());
                   }
                   if (target->kind == "merge") KeepSurvivorChanges(reader, *target, before, after);
                   AG_RETURN_IF_ERROR(VerifyCurrent(reader, id, after));
                   for (const auto& [nid, node] : before.nodes) step.NodeAfter(nid) = node;
                   for (const auto& [key, state] : before.edges) {
                     auto slot = step.EdgeAfter(key);
                     if (!slot.ok()) return slot.status();
                     *slot.value() = state;
                   }
                   for (const auto& [entry, present] : before.index) step.SetIndex(entry, present);
                   for (const auto& [key, value] : before.meta) step.SetMeta(key, value);
                   c.undoes = id;
                   target->undone_by = c.id;
                   step.SetMeta(CurationKey(id), target->ToJson().dump());
                   return Status::Ok();
                 });
}

Result<Curation> GetCuration(GraphReader& reader, CurationId id) {
  auto text = reader.GetMeta(CurationKey(id));
  if (!text) return Status::NotFound("no curation " + Dec(id));
  return DecodeCuration(*text);
}

CurationPage ListCurations(GraphReader& reader, CurationId after, size_t limit) {
  CurationPage page;
  auto records = reader.ScanMeta(kCurationPrefix, after ? CurationKey(after) : "", limit + 1);
  for (const auto& m : records) {
    if (page.items.size() == limit) {
      page.next_after = page.items.back().id;
      break;
    }
    auto c = DecodeCuration(m.value);
    if (c.ok()) page.items.push_back(std::move(c.value()));
  }
  return page;
}

}  // namespace actorgraph::core
