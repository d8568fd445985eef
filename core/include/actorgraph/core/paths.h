// Traversals over a GraphSnapshot, edges taken in either direction: the k shortest simple
// paths between two nodes (Yen's algorithm over bidirectional
// breadth-first searches), and ego networks.
#pragma once

#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core {

struct Path {
  std::vector<GraphSnapshot::Index> nodes;  // from ... to
  std::vector<uint32_t> edges;              // edges[i] joins nodes[i] and nodes[i + 1]
};

struct PathQuery {
  GraphSnapshot::Index from = 0;
  GraphSnapshot::Index to = 0;
  size_t max_depth = 6;  // most edges on a path
  size_t k = 1;          // most paths
  EdgeFilter filter;     // edges (and inner nodes) a path may use
};

// Up to k simple paths of at most max_depth edges, shortest first (equal lengths in a stable
// order). Paths differ in their node sequence; between two nodes the first admitted edge
// represents their parallel edges. from == to gives the one-node path.
std::vector<Path> ShortestPaths(const GraphSnapshot& snap, const PathQuery& query);

struct EgoQuery {
  GraphSnapshot::Index center = 0;
  size_t depth = 1;
  size_t max_nodes = 200;
  EdgeFilter filter;
};

struct EgoNetwork {
  std::vector<GraphSnapshot::Index> nodes;  // the center first, then by distance
  std::vector<uint32_t> edges;              // every admitted edge among `nodes`
  bool truncated = false;                   // max_nodes cut some reachable node off
};

// The nodes within `depth` admitted edges of the center, nearest first; within one distance
// the best-connected first, so a cut keeps the hubs.
EgoNetwork Ego(const GraphSnapshot& snap, const EgoQuery& query);

}  // namespace actorgraph::core
