#include "actorgraph/core/analytics.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <numeric>

namespace actorgraph::core {

namespace {

using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
using Index = GraphSnapshot::Index;

bool Admits(const std::vector<EdgeType>& types, EdgeType t) {
  return types.empty() || std::find(types.begin(), types.end(), t) != types.end();
}

// The simple undirected graph of the snapshot as a symmetric directed CSR (both arcs of every
// pair, parallel edges and self loops dropped).
Csr SymmetricCsr(const GraphSnapshot& snap, const std::vector<EdgeType>& edge_types) {
  std::vector<std::pair<size_t, size_t>> arcs;
  arcs.reserve(snap.edge_count() * 2);
  for (uint32_t e = 0; e < snap.edge_count(); ++e) {
    if (!Admits(edge_types, snap.edge(e).key.type)) continue;
    Index s = snap.source(e), d = snap.target(e);
    if (s == d) continue;
    arcs.emplace_back(s, d);
    arcs.emplace_back(d, s);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  return Csr(boost::edges_are_sorted, arcs.begin(), arcs.end(), snap.node_count());
}

// Stops PageRank when an iteration moves the scores by less than a relative 1e-13 in total.
class Converged {
 public:
  template <typename RankMap>
  bool operator()(const RankMap& rank, const Csr& g) {
    size_t n = num_vertices(g);
    double change = 0, total = 0;
    if (previous_.size() != n) previous_.assign(n, 0);
    for (size_t v = 0; v < n; ++v) {
      double r = get(rank, v);
      change += std::fabs(r - previous_[v]);
      total += r;
      previous_[v] = r;
    }
    return ++iterations_ >= 1000 || change <= 1e-13 * total;
  }

 private:
  std::vector<double> previous_;
  int iterations_ = 0;
};

std::vector<double> PageRank(const Csr& g) {
  size_t n = num_vertices(g);
  std::vector<double> rank(n, 0), scratch(n, 0);
  if (n == 0) return rank;
  auto index = get(boost::vertex_index, g);
  // Boost leaves out the 1/n of the teleport term and keeps dangling (isolated) nodes at
  // 1 - d; for an undirected graph the result is proportional to NetworkX's, so normalising to
  // a sum of 1 gives the same scores.
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), index), Converged(),
                          0.85, n, boost::make_iterator_property_map(scratch.begin(), index));
  double sum = std::accumulate(rank.begin(), rank.end(), 0.0);
  for (double& r : rank) r /= sum;
  return rank;
}

Result<std::vector<double>> Betweenness(const Csr& g) {
  size_t n = num_vertices(g);
  if (static_cast<double>(n) * static_cast<double>(num_edges(g)) > kMaxBetweennessWork)
    return Status::ResourceExhausted("betweenness over " + std::to_string(n) + " nodes and " +
                                     std::to_string(num_edges(g) / 2) +
                                     " edges is too costly; restrict it with edge_type");
  std::vector<double> score(n, 0);
  auto index = get(boost::vertex_index, g);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(score.begin(), index))
             .vertex_index_map(index));
  // Both arcs of a pair are counted: the raw value is twice the undirected one.
  double scale = n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
  for (double& s : score) s *= scale;
  return score;
}

std::vector<double> DegreeCentrality(const GraphSnapshot& snap,
                                     const std::vector<EdgeType>& edge_types) {
  size_t n = snap.node_count();
  std::vector<double> degree(n, 0);
  for (uint32_t e = 0; e < snap.edge_count(); ++e) {
    if (!Admits(edge_types, snap.edge(e).key.type)) continue;
    degree[snap.source(e)] += 1;
    degree[snap.target(e)] += 1;
  }
  if (n > 1)
    for (double& d : degree) d /= static_cast<double>(n - 1);
  return degree;
}

}  // namespace

std::optional<Metric> ParseMetric(std::string_view name) {
  if (name == "pagerank") return Metric::kPageRank;
  if (name == "betweenness") return Metric::kBetweenness;
  if (name == "degree") return Metric::kDegree;
  return std::nullopt;
}

Result<std::vector<double>> ComputeMetric(const GraphSnapshot& snap, Metric metric,
                                          const std::vector<EdgeType>& edge_types) {
  switch (metric) {
    case Metric::kPageRank:
      return PageRank(SymmetricCsr(snap, edge_types));
    case Metric::kBetweenness:
      return Betweenness(SymmetricCsr(snap, edge_types));
    case Metric::kDegree:
      return DegreeCentrality(snap, edge_types);
  }
  return Status::InvalidArgument("unknown metric");
}

ComponentList ConnectedComponents(const GraphSnapshot& snap,
                                  const std::vector<EdgeType>& edge_types) {
  Csr g = SymmetricCsr(snap, edge_types);
  size_t n = num_vertices(g);
  std::vector<size_t> component(n, 0);
  // On a symmetric graph the strong components are the connected components.
  size_t count =
      n == 0 ? 0
             : boost::strong_components(g, boost::make_iterator_property_map(
                                               component.begin(), get(boost::vertex_index, g)));
  ComponentList out;
  out.components.resize(count);
  for (size_t v = 0; v < n; ++v) out.components[component[v]].push_back(static_cast<Index>(v));
  for (auto& members : out.components)
    std::stable_sort(members.begin(), members.end(),
                     [&](Index a, Index b) { return snap.Degree(a) > snap.Degree(b); });
  std::stable_sort(out.components.begin(), out.components.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

void AnalyticsCache::DropIfStale(uint64_t version) {
  if (version_ == version) return;
  scores_.clear();
  components_.clear();
  version_ = version;
}

Result<std::vector<ScoredNode>> AnalyticsCache::Top(
    Metric metric, const std::vector<EdgeType>& edge_types, const std::vector<NodeType>& node_types,
    size_t limit, std::shared_ptr<const GraphSnapshot>* snapshot) {
  auto snap = snapshots_.Get();
  if (!snap.ok()) return snap.status();
  *snapshot = snap.value();
  const GraphSnapshot& g = *snap.value();
  std::shared_ptr<const std::vector<double>> scores;
  {
    std::lock_guard<std::mutex> lock(mu_);
    DropIfStale(g.version());
    auto& slot = scores_[{static_cast<int>(metric), edge_types}];
    if (!slot) {
      auto computed = ComputeMetric(g, metric, edge_types);
      if (!computed.ok()) return computed.status();
      slot = std::make_shared<const std::vector<double>>(std::move(computed.value()));
    }
    scores = slot;
  }
  std::vector<ScoredNode> ranked;
  for (Index i = 0; i < g.node_count(); ++i)
    if (node_types.empty() ||
        std::find(node_types.begin(), node_types.end(), g.node(i).type) != node_types.end())
      ranked.push_back({i, (*scores)[i]});
  auto better = [&](const ScoredNode& a, const ScoredNode& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::to_string(g.node(a.node).id) < std::to_string(g.node(b.node).id);
  };
  size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), better);
  ranked.resize(keep);
  return ranked;
}

Result<std::shared_ptr<const ComponentList>> AnalyticsCache::Components(
    const std::vector<EdgeType>& edge_types, std::shared_ptr<const GraphSnapshot>* snapshot) {
  auto snap = snapshots_.Get();
  if (!snap.ok()) return snap.status();
  *snapshot = snap.value();
  std::lock_guard<std::mutex> lock(mu_);
  DropIfStale(snap.value()->version());
  auto& slot = components_[edge_types];
  if (!slot)
    slot = std::make_shared<const ComponentList>(ConnectedComponents(*snap.value(), edge_types));
  return slot;
}

}  // namespace actorgraph::core
