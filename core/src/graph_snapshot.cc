#include "actorgraph/core/graph_snapshot.h"

#include <algorithm>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/neighbor_cursor.h"

namespace actorgraph::core {

namespace {

template <typename T>
bool Contains(const std::vector<T>& list, T value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// Fills a CSR (offsets of size n+1, values) from (row, value) pairs.
template <typename V>
void BuildCsr(size_t n, std::vector<std::pair<uint32_t, V>>& pairs, std::vector<uint32_t>* offsets,
              std::vector<V>* values) {
  std::sort(pairs.begin(), pairs.end());
  offsets->assign(n + 1, 0);
  values->clear();
  values->reserve(pairs.size());
  for (const auto& [row, v] : pairs) {
    ++(*offsets)[row + 1];
    values->push_back(v);
  }
  for (size_t i = 0; i < n; ++i) (*offsets)[i + 1] += (*offsets)[i];
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
  auto snap = std::make_shared<GraphSnapshot>();
  snap->version_ = version;
  AG_RETURN_IF_ERROR(reader.ForEachNode([&](const Node& node) {
    if (node.merged_into != 0) return true;
    snap->index_.emplace(node.id, static_cast<Index>(snap->nodes_.size()));
    snap->nodes_.push_back(node);
    return true;
  }));
  // node -> (listing position: side, type, far node; edge). Index order is id order (nodes
  // come in key order), so sorting by far index sorts by far id.
  std::vector<std::pair<uint32_t, std::pair<uint64_t, uint32_t>>> incident;
  auto position = [](bool incoming, EdgeType type, Index far) {
    return (uint64_t{incoming} << 40) | (uint64_t{static_cast<uint8_t>(type)} << 32) | far;
  };
  AG_RETURN_IF_ERROR(reader.ForEachEdge([&](const Edge& edge) {
    Index s = snap->Find(edge.key.src), d = snap->Find(edge.key.dst);
    if (s == kNone || d == kNone) return true;  // a dangling edge is not part of the graph
    uint32_t e = static_cast<uint32_t>(snap->edges_.size());
    snap->edges_.push_back(edge);
    snap->ends_.emplace_back(s, d);
    incident.push_back({s, {position(false, edge.key.type, d), e}});
    incident.push_back({d, {position(true, edge.key.type, s), e}});
    return true;
  }));
  snap->out_degree_.assign(snap->nodes_.size(), 0);
  for (const auto& [node, pos_and_edge] : incident)
    if (pos_and_edge.first >> 40 == 0) ++snap->out_degree_[node];
  std::vector<std::pair<uint64_t, uint32_t>> position_and_edge;
  BuildCsr(snap->nodes_.size(), incident, &snap->incident_offsets_, &position_and_edge);
  snap->incident_.reserve(position_and_edge.size());
  for (const auto& [pos, e] : position_and_edge) snap->incident_.push_back(e);

  std::unordered_map<NodeId, NodeId> merged;
  for (const auto& m : reader.ScanMeta(kMergedNodePrefix, "", SIZE_MAX))
    if (auto pair = ParseMergedNodeRecord(m)) merged.insert(*pair);
  auto survivor = [&](NodeId id) {
    for (int hops = 0; hops < 64; ++hops) {
      auto it = merged.find(id);
      if (it == merged.end()) break;
      id = it->second;
    }
    return id;
  };
  std::vector<std::pair<uint32_t, Index>> mentions, mentioned_in;
  AG_RETURN_IF_ERROR(reader.ForEachArticle([&](const Article& article) {
    uint32_t a = static_cast<uint32_t>(snap->article_ids_.size());
    snap->article_ids_.push_back(article.id);
    std::vector<Index> seen;
    for (NodeId id : article.mentions) {
      Index i = snap->Find(survivor(id));
      if (i == kNone || std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
      seen.push_back(i);
      mentions.push_back({a, i});
      mentioned_in.push_back({i, a});
    }
    return true;
  }));
  BuildCsr(snap->article_ids_.size(), mentions, &snap->mention_offsets_, &snap->mentions_);
  BuildCsr(snap->nodes_.size(), mentioned_in, &snap->mentioned_in_offsets_, &snap->mentioned_in_);
  return std::shared_ptr<const GraphSnapshot>(std::move(snap));
}

GraphSnapshot::Index GraphSnapshot::Find(NodeId id) const {
  auto it = index_.find(id);
  return it == index_.end() ? kNone : it->second;
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

std::vector<std::pair<GraphSnapshot::Index, uint32_t>> GraphSnapshot::CoMentioned(Index i,
                                                                                  size_t limit) const {
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

Result<GraphSnapshot::NeighborPage> GraphSnapshot::Neighbors(Index i, const NeighborQuery& q) const {
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
    auto key_of = [&](uint32_t e) {
      return std::pair(edges_[e].key.type, nodes_[Other(e, i)].id);
    };
    auto begin = edges.begin(), end = edges.end();
    if (q.edge_type) {
      begin = std::partition_point(begin, end, [&](uint32_t e) { return edges_[e].key.type < *q.edge_type; });
      end = std::partition_point(begin, end, [&](uint32_t e) { return edges_[e].key.type <= *q.edge_type; });
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
