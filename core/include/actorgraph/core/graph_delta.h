// GraphDelta: one logical change to the graph (one article, or one curation step). A store
// applies a delta atomically: all of it or none of it becomes visible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/model.h"

namespace actorgraph::core {

struct EvidencePut {
  EdgeKey edge;
  Evidence evidence;
};
struct EvidenceRef {
  EdgeKey edge;
  EvidenceId id = 0;
};
struct IndexEntry {
  std::string folded_name;  // FoldName() of a name or alias
  NodeId node = 0;
};

// A named, opaque record kept beside the graph (curation log entries, judgements).
struct MetaPut {
  std::string key;
  std::string value;
};

struct GraphDelta {
  std::optional<Article> article;     // registered with its content hash
  std::vector<Node> put_nodes;        // full records; insert or replace
  std::vector<NodeId> delete_nodes;   // the node record only; its edges are deleted explicitly
  std::vector<Edge> put_edges;        // full records (with both directions stored)
  std::vector<EdgeKey> delete_edges;  // the edge, its mirror and all its evidence
  std::vector<EvidencePut> put_evidence;
  std::vector<EvidenceRef> delete_evidence;
  std::vector<IndexEntry> put_index;
  std::vector<IndexEntry> delete_index;
  std::vector<MetaPut> put_meta;  // application records under the 'M' kind
  std::vector<std::string> delete_meta;

  bool empty() const {
    return !article && put_nodes.empty() && delete_nodes.empty() && put_edges.empty() &&
           delete_edges.empty() && put_evidence.empty() && delete_evidence.empty() &&
           put_index.empty() && delete_index.empty() && put_meta.empty() && delete_meta.empty();
  }
};

}  // namespace actorgraph::core
