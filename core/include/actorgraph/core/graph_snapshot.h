// GraphSnapshot: an immutable in-memory copy of the whole graph (nodes, edges, incidence lists
// in CSR form, article mentions) for the traversals that touch many nodes: paths, ego networks,
// analytics, fuzzy search, co-occurrence, events, and neighbour pages while it is current. The
// snapshot is rebuilt by SnapshotCache when GraphStore::Version() changes.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

// Which edges (and far nodes) a traversal may use. An empty list admits every type.
struct EdgeFilter {
  std::vector<EdgeType> edge_types;
  std::vector<NodeType> node_types;  // types of the nodes reached (the start is always admitted)
  std::string since;  // YYYY-MM-DD: the edge was last seen on or after it (undated edges fail)
  std::string until;  // YYYY-MM-DD: the edge was first seen on or before it (undated edges fail)
  double min_confidence = 0;

  bool AdmitsEdge(const Edge& edge) const;
  bool AdmitsNode(const Node& node) const;
  // True when only the edge type is constrained (counts can come from degree counters).
  bool OnlyEdgeTypes() const;
};

class GraphSnapshot {
 public:
  using Index = uint32_t;  // dense node ordinal in the snapshot
  static constexpr Index kNone = UINT32_MAX;

  // Reads every node, edge and article through `reader` (one consistent view). Mentions of
  // nodes that were merged away are counted for their survivor (the "merged/" meta records).
  static Result<std::shared_ptr<const GraphSnapshot>> Build(GraphReader& reader, uint64_t version);

  // Collects a graph from any source (Build's reader, a bulk loader's input) and builds its
  // snapshot. Nodes and edges may come in any order; a later node with the same id replaces
  // the earlier one; nodes that were merged away are left out, and so are edges with an end
  // that is not a live node.
  class Builder {
   public:
    void AddNode(Node node);
    void AddEdge(Edge edge);
    void AddArticle(ArticleId id, std::vector<NodeId> mentions);
    void AddMerged(NodeId from, NodeId into);  // mentions of `from` count for `into`
    // Takes everything `other` collected, as if added here after this builder's own.
    void Append(Builder&& other);
    // The snapshot, labelled with the store version it reflects. The builder is empty after.
    std::shared_ptr<const GraphSnapshot> Finish(uint64_t version);

   private:
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<std::pair<ArticleId, std::vector<NodeId>>> articles_;
    std::unordered_map<NodeId, NodeId> merged_;
  };

  uint64_t version() const { return version_; }
  size_t node_count() const { return nodes_.size(); }
  size_t edge_count() const { return edges_.size(); }
  const Node& node(Index i) const { return nodes_[i]; }
  const Edge& edge(uint32_t e) const { return edges_[e]; }
  Index source(uint32_t e) const { return ends_[e].first; }
  Index target(uint32_t e) const { return ends_[e].second; }
  // The other end of edge `e` seen from node `i`.
  Index Other(uint32_t e, Index i) const { return source(e) == i ? target(e) : source(e); }
  // kNone when the id is not a live node.
  Index Find(NodeId id) const;
  // Edge ordinals incident to node `i` in the neighbour listing order (core/neighbor_cursor.h):
  // outgoing by (type, target id), then incoming by (type, source id). A self-loop is in both.
  std::span<const uint32_t> Incident(Index i) const;
  std::span<const uint32_t> Outgoing(Index i) const { return Incident(i).first(out_degree_[i]); }
  std::span<const uint32_t> Incoming(Index i) const { return Incident(i).subspan(out_degree_[i]); }
  // In + out degree, parallel edges counted (the degree counters' convention).
  size_t Degree(Index i) const { return Incident(i).size(); }
  // How many nodes have type `t` (counted once, when the snapshot is built).
  size_t TypeCount(NodeType t) const { return type_counts_[static_cast<size_t>(t)]; }

  // Articles (dense ordinals) that mention node `i`, and the nodes an article mentions.
  std::span<const Index> ArticlesOf(Index i) const;
  std::span<const Index> MentionsOf(uint32_t article) const;
  size_t article_count() const { return article_ids_.size(); }
  ArticleId article_id(uint32_t article) const { return article_ids_[article]; }
  // (node, number of shared articles) for the nodes mentioned together with node `i`, most
  // shared articles first, ties by id; at most `limit`.
  std::vector<std::pair<Index, uint32_t>> CoMentioned(Index i, size_t limit) const;

  // One page of node `i`'s edges, exactly as GraphReader::Neighbors pages them (same order,
  // same cursors), as edge ordinals. InvalidArgument for a cursor of another node.
  struct NeighborPage {
    std::vector<std::pair<uint32_t, Direction>> edges;  // (edge ordinal, side of node `i`)
    std::string next_cursor;                            // empty on the last page
  };
  Result<NeighborPage> Neighbors(Index i, const NeighborQuery& q) const;

 private:
  uint64_t version_ = 0;
  std::vector<Node> nodes_;  // in id order: the index of a node is its rank by id
  std::vector<NodeId> ids_;  // nodes_[i].id, for Find's binary search
  std::vector<Edge> edges_;
  std::vector<std::pair<Index, Index>> ends_;
  std::vector<uint32_t> incident_offsets_, incident_;
  std::vector<uint32_t> out_degree_;  // per node: how many of its Incident() entries are outgoing
  std::vector<size_t> type_counts_ = std::vector<size_t>(8, 0);  // by NodeType value
  std::vector<ArticleId> article_ids_;
  std::vector<uint32_t> mention_offsets_;
  std::vector<Index> mentions_;
  std::vector<uint32_t> mentioned_in_offsets_;
  std::vector<Index> mentioned_in_;
};

// Holds the snapshot of the store's current version; rebuilds it on the first call after the
// store changed. Thread-safe: concurrent callers share one rebuild, and a snapshot stays valid
// for as long as a caller holds it.
class SnapshotCache {
 public:
  explicit SnapshotCache(GraphStore& store) : store_(store) {}
  Result<std::shared_ptr<const GraphSnapshot>> Get();
  // The snapshot if it matches the store's current version, else null; never builds, never
  // waits for a build.
  std::shared_ptr<const GraphSnapshot> IfCurrent();

 private:
  GraphStore& store_;
  std::mutex build_mu_;    // one build at a time
  std::mutex current_mu_;  // guards current_ only (held for a pointer copy)
  std::shared_ptr<const GraphSnapshot> current_;
};

}  // namespace actorgraph::core
