#include "actorgraph/core/graph_snapshot.h"

#include <algorithm>
#include <tuple>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/damaged_records.h"
#include "actorgraph/core/neighbor_cursor.h"

namespace actorgraph::core {

namespace {

template <typename T>
bool Contains(const std::vector<T>& list, T value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// Fills a CSR (offsets of size n+1, values) with each row's values in ascending order.
// `pairs(emit)` calls emit(row, value) for every pair; it is called twice (to count, then to
// place), so the pairs are never held all at once. A counting sort by row, then a sort within
// each row (rows are short).
template <typename V, typename Pairs>
void BuildCsr(size_t n, const Pairs& pairs, std::vector<uint32_t>* offsets,
              std::vector<V>* values) {
  offsets->assign(n + 1, 0);
  pairs([&](uint32_t row, const V&) { ++(*offsets)[row + 1]; });
  for (size_t i = 0; i < n; ++i) (*offsets)[i + 1] += (*offsets)[i];
  values->resize((*offsets)[n]);
  std::vector<uint32_t> fill(offsets->begin(), offsets->end() - 1);
  pairs([&](uint32_t row, V v) { (*values)[fill[row]++] = std::move(v); });
  for (size_t i = 0; i < n; ++i)
    std::sort(values->begin() + (*offsets)[i], values->begin() + (*offsets)[i + 1]);
}

// The pairs of a held list, for BuildCsr.
template <typename V>
auto PairsOf(const std::vector<std::pair<uint32_t, V>>& list) {
  return [&list](const auto& emit) {
    for (const auto& [row, v] : list) emit(row, v);
  };
}

}  // namespace

bool EdgeFilter::AdmitsEdge(const Edge& edge) const {
  if (!Contains(edge_types, edge.key.type)) return false;
  if (edge.confidence < min_confidence) return false;
  if (!since.empty() && edge.last_seen < since) return false;
  if (!until.empty() && (edge.first_seen.empty() || edge.first_seen > until)) return false;
  return true;
}

bool EdgeFilter::AdmitsNode(const Node& node) const { return Contains(node_types, node.type); }

bool EdgeFilter::OnlyEdgeTypes() const {
  return node_types.empty() && since.empty() && until.empty() && min_confidence <= 0;
}

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Build(GraphReader& reader,
                                                                  uint64_t version) {
  Builder builder;
  auto add_node = [&](const Node& node) {
    builder.AddNode(node);
    return true;
  };
  auto add_edge = [&](const Edge& edge) {
    builder.AddEdge(edge);
    return true;
  };
  auto add_article = [&](const Article& article) {
    builder.AddArticle(article.id, article.mentions);
    return true;
  };
  // A record that does not decode is left out (core/damaged_records.h), where the reader can.
  if (DamagedRecordScan* tolerant = DamagedRecordScanOf(reader)) {
    AG_RETURN_IF_ERROR(tolerant->ForEachDecodableNode(add_node));
    AG_RETURN_IF_ERROR(tolerant->ForEachDecodableEdge(add_edge));
    AG_RETURN_IF_ERROR(tolerant->ForEachDecodableArticle(add_article));
  } else {
    AG_RETURN_IF_ERROR(reader.ForEachNode(add_node));
    AG_RETURN_IF_ERROR(reader.ForEachEdge(add_edge));
    AG_RETURN_IF_ERROR(reader.ForEachArticle(add_article));
  }
  for (const auto& m : reader.ScanMeta(kMergedNodePrefix, "", SIZE_MAX))
    if (auto pair = ParseMergedNodeRecord(m)) builder.AddMerged(pair->first, pair->second);
  return builder.Finish(version);
}

void GraphSnapshot::Builder::AddNode(Node node) { nodes_.push_back(std::move(node)); }
void GraphSnapshot::Builder::AddEdge(Edge edge) { edges_.push_back(std::move(edge)); }
void GraphSnapshot::Builder::AddArticle(ArticleId id, std::vector<NodeId> mentions) {
  articles_.emplace_back(id, std::move(mentions));
}
void GraphSnapshot::Builder::AddMerged(NodeId from, NodeId into) { merged_[from] = into; }

void GraphSnapshot::Builder::Append(Builder&& other) {
  auto take = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
    from.clear();
  };
  take(nodes_, other.nodes_);
  take(edges_, other.edges_);
  take(articles_, other.articles_);
  for (const auto& [from, into] : other.merged_) merged_[from] = into;
  other.merged_.clear();
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::Builder::Finish(uint64_t version) {
  auto snap = std::make_shared<GraphSnapshot>();
  snap->version_ = version;
  // Nodes in id order, the last of equal ids kept, merged-away nodes left out. The order is
  // found on (id, arrival) pairs, so that the records themselves move once.
  std::vector<std::pair<NodeId, uint32_t>> node_order(nodes_.size());
  for (uint32_t k = 0; k < nodes_.size(); ++k) node_order[k] = {nodes_[k].id, k};
  std::sort(node_order.begin(), node_order.end());
  snap->nodes_.reserve(node_order.size());
  snap->ids_.reserve(node_order.size());
  for (size_t k = 0; k < node_order.size(); ++k) {
    if (k + 1 < node_order.size() && node_order[k + 1].first == node_order[k].first) continue;
    Node& node = nodes_[node_order[k].second];
    if (node.merged_into != 0) continue;
    snap->ids_.push_back(node.id);
    ++snap->type_counts_[static_cast<size_t>(node.type) & 7];
    snap->nodes_.push_back(std::move(node));
  }
  nodes_ = {};

  // The last edge of each key is kept (found by sorting the keys, not the records); the kept
  // records stay in arrival order and move at most once, front to back.
  struct EdgeOrder {
    NodeId src;
    uint8_t type;
    NodeId dst;
    uint32_t arrival;
    bool operator<(const EdgeOrder& o) const {
      return std::tie(src, type, dst, arrival) < std::tie(o.src, o.type, o.dst, o.arrival);
    }
    bool SameKey(const EdgeOrder& o) const {
      return src == o.src && type == o.type && dst == o.dst;
    }
  };
  std::vector<bool> kept_key(edges_.size(), false);
  {
    std::vector<EdgeOrder> edge_order(edges_.size());
    for (uint32_t k = 0; k < edges_.size(); ++k)
      edge_order[k] = {edges_[k].key.src, static_cast<uint8_t>(edges_[k].key.type),
                       edges_[k].key.dst, k};
    std::sort(edge_order.begin(), edge_order.end());
    for (size_t k = 0; k < edge_order.size(); ++k)
      if (k + 1 == edge_order.size() || !edge_order[k].SameKey(edge_order[k + 1]))
        kept_key[edge_order[k].arrival] = true;
  }
  size_t n = snap->nodes_.size();
  snap->out_degree_.assign(n, 0);
  size_t kept = 0;
  for (size_t k = 0; k < edges_.size(); ++k) {
    if (!kept_key[k]) continue;  // a later edge with the same key replaced it
    Index s = snap->Find(edges_[k].key.src), d = snap->Find(edges_[k].key.dst);
    if (s == kNone || d == kNone) continue;  // a dangling edge is not part of the graph
    snap->ends_.emplace_back(s, d);
    ++snap->out_degree_[s];
    if (kept != k) edges_[kept] = std::move(edges_[k]);
    ++kept;
  }
  edges_.resize(kept);
  snap->edges_ = std::move(edges_);
  edges_ = {};

  // Each node's incidence list in listing order: (side, type, far node), and indices follow
  // ids, so sorting by far index sorts by far id.
  auto position = [](bool incoming, EdgeType type, Index far) {
    return (uint64_t{incoming} << 40) | (uint64_t{static_cast<uint8_t>(type)} << 32) | far;
  };
  std::vector<std::pair<uint64_t, uint32_t>> slots;  // (position, edge)
  BuildCsr(
      n,
      [&](const auto& emit) {
        for (uint32_t e = 0; e < snap->edges_.size(); ++e) {
          auto [s, d] = snap->ends_[e];
          EdgeType type = snap->edges_[e].key.type;
          emit(s, std::pair(position(false, type, d), e));
          emit(d, std::pair(position(true, type, s), e));
        }
      },
      &snap->incident_offsets_, &slots);
  snap->incident_.resize(slots.size());
  for (size_t k = 0; k < slots.size(); ++k) snap->incident_[k] = slots[k].second;

  auto survivor = [&](NodeId id) {
    for (int hops = 0; hops < 64; ++hops) {
      auto it = merged_.find(id);
      if (it == merged_.end()) break;
      id = it->second;
    }
    return id;
  };
  std::vector<std::pair<uint32_t, Index>> mentions, mentioned_in;
  for (const auto& [article_id, mentioned] : articles_) {
    uint32_t a = static_cast<uint32_t>(snap->article_ids_.size());
    snap->article_ids_.push_back(article_id);
    std::vector<Index> seen;
    for (NodeId id : mentioned) {
      Index i = snap->Find(survivor(id));
      if (i == kNone || std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
      seen.push_back(i);
      mentions.push_back({a, i});
      mentioned_in.push_back({i, a});
    }
  }
  articles_ = {};
  merged_ = {};
  BuildCsr(snap->article_ids_.size(), PairsOf(mentions), &snap->mention_offsets_, &snap->mentions_);
  mentions = {};
  BuildCsr(snap->nodes_.size(), PairsOf(mentioned_in), &snap->mentioned_in_offsets_,
           &snap->mentioned_in_);
  return snap;
}

GraphSnapshot::Index GraphSnapshot::Find(NodeId id) const {
  // Node ids are hashes, spread evenly over 64 bits: interpolation narrows [lo, hi) to a few
  // entries in two or three steps; a binary search finishes (and bounds the worst case).
  size_t lo = 0, hi = ids_.size();
  for (int step = 0; step < 3 && hi - lo > 16; ++step) {
    NodeId first = ids_[lo], last = ids_[hi - 1];
    if (id < first || id > last) return kNone;
    auto guess = lo + static_cast<size_t>(static_cast<long double>(id - first) /
                                          static_cast<long double>(last - first + 1) *
                                          static_cast<long double>(hi - lo));
    size_t window = 8 + (hi - lo) / 64;
    size_t wlo = guess > lo + window ? guess - window : lo, whi = std::min(hi, guess + window + 1);
    if (ids_[wlo] <= id && (whi == hi || id < ids_[whi]))
      lo = wlo, hi = whi;
    else if (id < ids_[wlo])
      hi = wlo;
    else
      lo = whi;
  }
  auto it = std::lower_bound(ids_.begin() + static_cast<long>(lo),
                             ids_.begin() + static_cast<long>(hi), id);
  return it != ids_.begin() + static_cast<long>(hi) && *it == id
             ? static_cast<Index>(it - ids_.begin())
             : kNone;
}

std::span<const uint32_t> GraphSnapshot::Incident(Index i) const {
  return {incident_.data() + incident_offsets_[i], incident_offsets_[i + 1] - incident_offsets_[i]};
}

std::span<const GraphSnapshot::Index> GraphSnapshot::ArticlesOf(Index i) const {
  return {mentioned_in_.data() + mentioned_in_offsets_[i],
          mentioned_in_offsets_[i + 1] - mentioned_in_offsets_[i]};
}

std::span<const GraphSnapshot::Index> GraphSnapshot::MentionsOf(uint32_t article) const {
  return {mentions_.data() + mention_offsets_[article],
          mention_offsets_[article + 1] - mention_offsets_[article]};
}

std::vector<std::pair<GraphSnapshot::Index, uint32_t>> GraphSnapshot::CoMentioned(
    Index i, size_t limit) const {
  std::unordered_map<Index, uint32_t> counts;
  for (Index a : ArticlesOf(i))
    for (Index other : MentionsOf(a))
      if (other != i) ++counts[other];
  std::vector<std::pair<Index, uint32_t>> out(counts.begin(), counts.end());
  auto better = [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return nodes_[a.first].id < nodes_[b.first].id;
  };
  size_t keep = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + keep, out.end(), better);
  out.resize(keep);
  return out;
}

Result<GraphSnapshot::NeighborPage> GraphSnapshot::Neighbors(Index i,
                                                             const NeighborQuery& q) const {
  NodeId id = nodes_[i].id;
  std::optional<NeighborCursor> resume;
  if (!q.cursor.empty()) {
    resume = DecodeNeighborCursor(id, q.cursor);
    if (!resume) return Status::InvalidArgument("invalid cursor");
  }
  NeighborPage page;
  size_t limit = q.limit == 0 ? 1 : q.limit;
  auto half = [&](std::span<const uint32_t> edges, Direction side) {
    if (q.direction != Direction::kBoth && q.direction != side) return true;
    auto key_of = [&](uint32_t e) { return std::pair(edges_[e].key.type, nodes_[Other(e, i)].id); };
    auto begin = edges.begin(), end = edges.end();
    if (q.edge_type) {
      begin = std::partition_point(begin, end,
                                   [&](uint32_t e) { return edges_[e].key.type < *q.edge_type; });
      end = std::partition_point(begin, end,
                                 [&](uint32_t e) { return edges_[e].key.type <= *q.edge_type; });
    }
    if (resume)
      begin = std::partition_point(begin, end, [&](uint32_t e) {
        auto [type, far] = key_of(e);
        return !resume->Before(side, type, far);
      });
    for (auto it = begin; it != end; ++it) {
      if (page.edges.size() == limit) {
        auto [type, far] = key_of(page.edges.back().first);
        page.next_cursor = EncodeNeighborCursor(id, {page.edges.back().second, type, far});
        return false;
      }
      page.edges.emplace_back(*it, side);
    }
    return true;
  };
  if (half(Outgoing(i), Direction::kOut)) half(Incoming(i), Direction::kIn);
  return page;
}

Result<std::shared_ptr<const GraphSnapshot>> SnapshotCache::Get() {
  std::lock_guard<std::mutex> build_lock(build_mu_);
  uint64_t version = store_.Version();
  if (auto current = IfCurrent()) return current;
  auto reader = store_.Read();
  auto built = GraphSnapshot::Build(*reader, version);
  if (!built.ok()) return built.status();
  std::lock_guard<std::mutex> lock(current_mu_);
  current_ = built.value();
  return current_;
}

std::shared_ptr<const GraphSnapshot> SnapshotCache::IfCurrent() {
  std::shared_ptr<const GraphSnapshot> current;
  {
    std::lock_guard<std::mutex> lock(current_mu_);
    current = current_;
  }
  if (current && current->version() == store_.Version()) return current;
  return nullptr;
}

}  // namespace actorgraph::core
