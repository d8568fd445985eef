// Distinct-actor judgements: a curator's record that two nodes are different actors (see
// curation.h RecordDistinct). Entity resolution honours them (resolver.h) and duplicate
// suggestions leave such pairs out (duplicates.h).
//
// A judgement is kept as two meta records, one per order of the pair,
// "distinct/<16 hex a>/<16 hex b>" -> the decimal id of the curation step that recorded it, so
// that the judgements of one node are one prefix scan and a pair is one point read.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

inline constexpr const char* kDistinctPrefix = "distinct/";

// The meta key of the judgement "a is not b" in that order (the other order is the other key).
std::string DistinctPairKey(NodeId a, NodeId b);
// (a, b) of a "distinct/" record key, nullopt when malformed.
std::optional<std::pair<NodeId, NodeId>> ParseDistinctPairKey(const std::string& key);

// Whether a curator judged `a` and `b` different actors (one point read).
bool JudgedDistinct(GraphReader& reader, NodeId a, NodeId b);
// Whether the graph holds any judgement at all (one prefix probe).
bool HasDistinctJudgements(GraphReader& reader);
// The nodes judged different from `id`, in id order.
std::vector<NodeId> JudgedDistinctFrom(GraphReader& reader, NodeId id);

}  // namespace actorgraph::core
