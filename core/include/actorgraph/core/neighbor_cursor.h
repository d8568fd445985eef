// The cursor of a neighbour page. A node's neighbour listing is its outgoing edges ordered by
// (edge type, target id), then its incoming edges ordered by (edge type, source id); every
// implementation of GraphReader::Neighbors and GraphSnapshot::Neighbors lists in that order,
// so a cursor from one continues correctly in the other.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

// The last edge a page returned, seen from the listed node.
struct NeighborCursor {
  Direction direction = Direction::kOut;  // kOut or kIn: which half of the listing
  EdgeType type = EdgeType::kWorksFor;
  NodeId far = 0;  // the other end of the edge

  // The listing order: true when `this` comes before (direction, type, far).
  bool Before(Direction d, EdgeType t, NodeId f) const;
};

// An opaque token for clients (36 hex digits; it names `node`, so a cursor of one node is
// refused for another).
std::string EncodeNeighborCursor(NodeId node, const NeighborCursor& cursor);
// nullopt when `text` is not a cursor of `node`.
std::optional<NeighborCursor> DecodeNeighborCursor(NodeId node, std::string_view text);

}  // namespace actorgraph::core
