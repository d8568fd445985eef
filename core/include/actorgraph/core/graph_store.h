// GraphStore: the persistence interface the rest of actorgraph programs against.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/graph_delta.h"
#include "actorgraph/core/model.h"
#include "actorgraph/core/status.h"

namespace actorgraph::core {

enum class Direction : uint8_t { kOut = 1, kIn = 2, kBoth = 3 };

struct NeighborQuery {
  Direction direction = Direction::kBoth;
  std::optional<EdgeType> edge_type;  // nullopt: every type
  size_t limit = 50;
  std::string cursor;  // opaque; empty for the first page
};

struct NeighborEntry {
  Edge edge;  // as stored (edge.key.src is the source)
  NodeId neighbor = 0;
  Direction direction = Direction::kOut;  // kOut: the node is the source
};

struct NeighborPage {
  std::vector<NeighborEntry> entries;
  std::string next_cursor;  // empty when this is the last page
};

// Counts kept up to date by every write (no scan).
struct GraphCounts {
  std::map<NodeType, uint64_t> nodes;
  std::map<EdgeType, uint64_t> edges;
  uint64_t articles = 0;
  uint64_t evidence = 0;
};

// Per node and direction, the number of edges of each type (kept by every write).
struct Degree {
  std::map<EdgeType, uint64_t> out;
  std::map<EdgeType, uint64_t> in;
  uint64_t total() const;
};

// A consistent read view: every call on one view sees the same committed state (a snapshot),
// never half a delta. Views are cheap; not thread-safe (one per thread/request).
class GraphReader {
 public:
  virtual ~GraphReader() = default;
  virtual Result<Node> GetNode(NodeId id) = 0;
  virtual Result<Edge> GetEdge(const EdgeKey& key) = 0;
  virtual Result<std::vector<Evidence>> GetEvidence(const EdgeKey& key) = 0;
  // Whether the edge has the piece of evidence `id` (one point read, nothing decoded).
  virtual bool HasEvidence(const EdgeKey& key, EvidenceId id) = 0;
  virtual Result<Article> GetArticle(ArticleId id) = 0;
  // The article registered under a content hash, if any.
  virtual std::optional<ArticleId> FindArticleByHash(const std::string& content_hash) = 0;
  // Node ids indexed under exactly this folded name (names and aliases).
  virtual std::vector<NodeId> LookupExact(const std::string& folded_name) = 0;
  // (folded name, node) pairs whose folded name starts with `folded_prefix`, in byte order.
  virtual std::vector<IndexEntry> LookupPrefix(const std::string& folded_prefix, size_t limit) = 0;
  // One page of a node's edges. Every edge appears exactly once over all pages.
  virtual Result<NeighborPage> Neighbors(NodeId id, const NeighborQuery& query) = 0;
  virtual Degree GetDegree(NodeId id) = 0;
  virtual GraphCounts Counts() = 0;
  virtual std::optional<std::string> GetMeta(const std::string& key) = 0;
  // Meta records whose key starts with `prefix`, in key order, starting after `after`.
  virtual std::vector<MetaPut> ScanMeta(const std::string& prefix, const std::string& after,
                                        size_t limit) = 0;
  // Visits every live node / every edge (outgoing direction) in key order; stop by returning false.
  virtual Status ForEachNode(const std::function<bool(const Node&)>& fn) = 0;
  virtual Status ForEachEdge(const std::function<bool(const Edge&)>& fn) = 0;
  virtual Status ForEachArticle(const std::function<bool(const Article&)>& fn) = 0;
  // Visits the articles whose id is greater than `after`, in id order (0: every article), for
  // pages that resume where the last one stopped; stop by returning false. One seek, then one
  // record read per article visited.
  virtual Status ForEachArticleAfter(ArticleId after,
                                     const std::function<bool(const Article&)>& fn) = 0;
};

struct ApplyStats {
  uint64_t nodes_added = 0;
  uint64_t edges_added = 0;
  uint64_t evidence_added = 0;
  bool article_was_new = false;
};

struct ApplyOptions {
  // true: Apply returns after the write is synced to the write-ahead log (durable).
  // false: the write is visible at once but durable only after the next Sync(); a caller
  // acknowledges nothing before that (group commit for bulk imports).
  bool sync = true;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;
  // Applies the delta in one atomic write. When the delta carries an article whose content
  // hash is already registered, nothing is written and article_was_new is false.
  // Thread-safe; writers are serialised.
  virtual Result<ApplyStats> Apply(const GraphDelta& delta, const ApplyOptions& options = {}) = 0;
  // Makes every write applied so far durable (syncs the write-ahead log). Thread-safe; does
  // not hold the writer lock, so writers go on while it waits for the disk.
  virtual Status Sync() = 0;
  virtual std::unique_ptr<GraphReader> Read() = 0;
  // A number that changes with every applied delta (for caches over the graph).
  virtual uint64_t Version() const = 0;
  // Runs `fn` while holding the writer lock, so that a read-modify-write (resolution, merge)
  // sees no concurrent writer. `fn` may call Apply on this store.
  virtual Status WithWriteLock(const std::function<Status()>& fn) = 0;
};

}  // namespace actorgraph::core
