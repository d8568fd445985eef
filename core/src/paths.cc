#include "actorgraph/core/paths.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

namespace actorgraph::core {

namespace {

using Index = GraphSnapshot::Index;
using Pair = std::pair<Index, Index>;

// Bidirectional breadth-first searches that reuse their marks (a generation counter instead
// of clearing): each round expands one whole level of the smaller frontier, and the first
// round where the two searches meet yields a shortest path.
class Bfs {
 public:
  Bfs(const GraphSnapshot& snap, const EdgeFilter& filter)
      : snap_(snap), filter_(filter), forward_(snap.node_count()), backward_(snap.node_count()) {}

  // A shortest path from `from` to `to` (from != to) with at most `max_depth` edges that
  // avoids the `blocked` nodes and the `cut` node pairs (both orders listed).
  std::optional<Path> Run(Index from, Index to, size_t max_depth, const std::vector<char>& blocked,
                          const std::set<Pair>& cut) {
    ++generation_;
    forward_.Start(from, generation_);
    backward_.Start(to, generation_);
    while (!forward_.frontier.empty() && !backward_.frontier.empty() &&
           forward_.level + backward_.level < max_depth) {
      bool fwd = forward_.frontier.size() <= backward_.frontier.size();
      Side& side = fwd ? forward_ : backward_;
      const Side& other = fwd ? backward_ : forward_;
      size_t best = SIZE_MAX;
      Index meet_near = 0, meet_far = 0;
      uint32_t meet_edge = 0;
      next_.clear();
      for (Index u : side.frontier) {
        for (uint32_t e : snap_.Incident(u)) {
          Index v = snap_.Other(e, u);
          if (blocked[v] || side.mark[v] == generation_ || !filter_.AdmitsEdge(snap_.edge(e)))
            continue;
          if (!cut.empty() && cut.count({u, v})) continue;
          if (other.mark[v] == generation_) {
            size_t length = side.level + 1 + other.dist[v];
            if (length < best)
              std::tie(best, meet_near, meet_far, meet_edge) = std::tuple(length, u, v, e);
            continue;
          }
          if (!filter_.AdmitsNode(snap_.node(v))) continue;
          side.Reach(v, u, e, generation_);
          next_.push_back(v);
        }
      }
      ++side.level;
      side.frontier.swap(next_);
      if (best <= max_depth)
        return fwd ? Trace(from, to, meet_near, meet_far, meet_edge)
                   : Trace(from, to, meet_far, meet_near, meet_edge);
    }
    return std::nullopt;
  }

 private:
  struct Side {
    explicit Side(size_t n) : mark(n, 0), dist(n, 0), parent(n, 0), edge(n, 0) {}
    void Start(Index root, uint32_t generation) {
      mark[root] = generation;
      dist[root] = 0;
      frontier.assign(1, root);
      level = 0;
    }
    void Reach(Index v, Index from, uint32_t e, uint32_t generation) {
      mark[v] = generation;
      dist[v] = level + 1;
      parent[v] = from;
      edge[v] = e;
    }
    std::vector<uint32_t> mark, dist;
    std::vector<Index> parent;
    std::vector<uint32_t> edge;
    std::vector<Index> frontier;
    size_t level = 0;
  };

  // The path through `a` (reached from `from`), the edge `e`, and `b` (reached from `to`).
  Path Trace(Index from, Index to, Index a, Index b, uint32_t e) const {
    Path p;
    for (Index v = a; v != from; v = forward_.parent[v]) {
      p.nodes.push_back(v);
      p.edges.push_back(forward_.edge[v]);
    }
    p.nodes.push_back(from);
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.edges.begin(), p.edges.end());
    p.edges.push_back(e);
    p.nodes.push_back(b);
    for (Index v = b; v != to; v = backward_.parent[v]) {
      p.edges.push_back(backward_.edge[v]);
      p.nodes.push_back(backward_.parent[v]);
    }
    return p;
  }

  const GraphSnapshot& snap_;
  const EdgeFilter& filter_;
  uint32_t generation_ = 0;
  Side forward_, backward_;
  std::vector<Index> next_;
};

bool ShorterPath(const Path& a, const Path& b) {
  if (a.nodes.size() != b.nodes.size()) return a.nodes.size() < b.nodes.size();
  return a.nodes < b.nodes;
}

}  // namespace

std::vector<Path> ShortestPaths(const GraphSnapshot& snap, const PathQuery& q) {
  if (q.k == 0 || q.from >= snap.node_count() || q.to >= snap.node_count()) return {};
  if (q.from == q.to) return {Path{{q.from}, {}}};
  Bfs bfs(snap, q.filter);
  std::vector<char> blocked(snap.node_count(), 0);
  auto first = bfs.Run(q.from, q.to, q.max_depth, blocked, {});
  if (!first) return {};
  std::vector<Path> found{std::move(*first)}, candidates;
  auto known = [&](const Path& p) {
    for (const auto& list : {&found, &candidates})
      for (const auto& other : *list)
        if (other.nodes == p.nodes) return true;
    return false;
  };
  while (found.size() < q.k) {
    const Path last = found.back();
    for (size_t j = 0; j + 1 < last.nodes.size() && j < q.max_depth; ++j) {
      Index spur = last.nodes[j];
      std::set<Pair> cut;
      for (const auto& p : found) {
        if (p.nodes.size() > j + 1 &&
            std::equal(last.nodes.begin(), last.nodes.begin() + j + 1, p.nodes.begin())) {
          cut.insert({p.nodes[j], p.nodes[j + 1]});
          cut.insert({p.nodes[j + 1], p.nodes[j]});
        }
      }
      for (size_t r = 0; r < j; ++r) blocked[last.nodes[r]] = 1;
      auto tail = bfs.Run(spur, q.to, q.max_depth - j, blocked, cut);
      for (size_t r = 0; r < j; ++r) blocked[last.nodes[r]] = 0;
      if (!tail) continue;
      Path path;
      path.nodes.assign(last.nodes.begin(), last.nodes.begin() + j);
      path.edges.assign(last.edges.begin(), last.edges.begin() + j);
      path.nodes.insert(path.nodes.end(), tail->nodes.begin(), tail->nodes.end());
      path.edges.insert(path.edges.end(), tail->edges.begin(), tail->edges.end());
      if (!known(path)) candidates.push_back(std::move(path));
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), ShorterPath);
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  return found;
}

EgoNetwork Ego(const GraphSnapshot& snap, const EgoQuery& q) {
  EgoNetwork out;
  if (q.center >= snap.node_count() || q.max_nodes == 0) return out;
  std::vector<char> taken(snap.node_count(), 0), seen(snap.node_count(), 0);
  std::vector<Index> frontier{q.center}, candidates;
  out.nodes.push_back(q.center);
  taken[q.center] = seen[q.center] = 1;
  for (size_t depth = 0; depth < q.depth && !frontier.empty() && !out.truncated; ++depth) {
    candidates.clear();
    for (Index u : frontier) {
      for (uint32_t e : snap.Incident(u)) {
        Index v = snap.Other(e, u);
        if (seen[v] || !q.filter.AdmitsEdge(snap.edge(e)) || !q.filter.AdmitsNode(snap.node(v)))
          continue;
        seen[v] = 1;
        candidates.push_back(v);
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](Index a, Index b) { return snap.Degree(a) > snap.Degree(b); });
    frontier.clear();
    for (Index v : candidates) {
      if (out.nodes.size() == q.max_nodes) {
        out.truncated = true;
        break;
      }
      taken[v] = 1;
      out.nodes.push_back(v);
      frontier.push_back(v);
    }
  }
  for (Index u : out.nodes)
    for (uint32_t e : snap.Outgoing(u))
      if (taken[snap.target(e)] && q.filter.AdmitsEdge(snap.edge(e))) out.edges.push_back(e);
  return out;
}

}  // namespace actorgraph::core
