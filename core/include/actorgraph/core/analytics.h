// Graph analytics with Boost.Graph over a GraphSnapshot, with the conventions of
// peers/graph_truth.py (NetworkX and igraph): the graph is undirected; degree is in + out
// edges (parallel edges counted) and its centrality degree / (n - 1); PageRank (damping 0.85,
// dangling mass spread uniformly, scores summing to 1) and betweenness (normalised like
// NetworkX: 2 / ((n - 1)(n - 2)) per unordered pair) run on the simple graph (parallel edges
// and self loops collapsed); components are connected components, isolated nodes included.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core {

enum class Metric { kPageRank, kBetweenness, kDegree };
std::optional<Metric> ParseMetric(std::string_view name);  // "pagerank", "betweenness", "degree"

// Betweenness is O(nodes * edges): larger (filtered) graphs are refused with ResourceExhausted.
inline constexpr double kMaxBetweennessWork = 4e8;

struct ScoredNode {
  GraphSnapshot::Index node = 0;
  double score = 0;
};

struct ComponentList {
  std::vector<std::vector<GraphSnapshot::Index>> components;  // largest first, members by degree
};

// One score per snapshot node, over the edges of `edge_types` (empty: every edge); nodes
// without such edges are isolated in that graph.
Result<std::vector<double>> ComputeMetric(const GraphSnapshot& snap, Metric metric,
                                          const std::vector<EdgeType>& edge_types);
ComponentList ConnectedComponents(const GraphSnapshot& snap,
                                  const std::vector<EdgeType>& edge_types);

// Caches metric results per (snapshot version, metric, edge types). Thread-safe.
class AnalyticsCache {
 public:
  explicit AnalyticsCache(SnapshotCache& snapshots) : snapshots_(snapshots) {}
  // The `limit` best nodes among `node_types` (empty: all), best first, ties by id (as text).
  Result<std::vector<ScoredNode>> Top(Metric metric, const std::vector<EdgeType>& edge_types,
                                      const std::vector<NodeType>& node_types, size_t limit,
                                      std::shared_ptr<const GraphSnapshot>* snapshot);
  Result<std::shared_ptr<const ComponentList>> Components(
      const std::vector<EdgeType>& edge_types, std::shared_ptr<const GraphSnapshot>* snapshot);

 private:
  void DropIfStale(uint64_t version);  // mu_ held

  SnapshotCache& snapshots_;
  std::mutex mu_;
  uint64_t version_ = UINT64_MAX;
  std::map<std::pair<int, std::vector<EdgeType>>, std::shared_ptr<const std::vector<double>>>
      scores_;
  std::map<std::vector<EdgeType>, std::shared_ptr<const ComponentList>> components_;
};

}  // namespace actorgraph::core
