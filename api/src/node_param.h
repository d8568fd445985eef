// How a request names a node: by decimal id, or by name or alias. Every route parameter that
// names a node (paths from/to, subgraph and export center, edges source/target, events
// location) is resolved here, the same way.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::api {

// At most this many candidates are listed in an "ambiguous" error.
inline constexpr size_t kMaxCandidates = 20;

// The live node that `text` names, read through `reader`:
// - the decimal id of a live node is that node, and the id of a node merged away is its
//   survivor;
// - any other text is folded with core::FoldName and looked up in the exact name index (names
//   and aliases); nodes merged away are replaced by their survivors, duplicates removed.
// With `type`, only nodes of that type count. One node: returned. None: HttpError 404
// "not_found" naming the text. Several: HttpError 409 "ambiguous" whose error object carries
// "candidates": [{id, name, type, degree}], highest degree first (at most kMaxCandidates), so
// that the client can ask again by id.
core::Node ResolveNode(core::GraphReader& reader, const std::string& text,
                       std::optional<core::NodeType> type = std::nullopt);

// The live node `id`, or the survivor it was merged into (merge chains followed); nullopt
// when the id is no node and was never merged.
std::optional<core::Node> LiveNode(core::GraphReader& reader, core::NodeId id);

// The required query parameter `name` (400 "missing_parameter" when absent), resolved by
// ResolveNode.
core::Node NodeParam(core::GraphReader& reader, const httplib::Request& req, const char* name,
                     std::optional<core::NodeType> type = std::nullopt);

// The required field `name` of a JSON body (400 "missing_field" when absent): a JSON number
// is an id as it is; a string is resolved by ResolveNode (an id or a name); anything else is
// 400 "invalid_id".
core::NodeId NodeField(core::GraphReader& reader, const nlohmann::json& body, const char* name);

}  // namespace actorgraph::api
