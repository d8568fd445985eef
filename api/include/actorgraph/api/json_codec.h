// JSON encodings of the model shared by the HTTP API and the command line.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <utility>

#include "actorgraph/api/json_writer.h"
#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/model.h"

namespace actorgraph::api {

// Ids travel as decimal strings: JavaScript numbers cannot hold every 64-bit id.
std::string IdToString(uint64_t id);
bool ParseId(const std::string& text, uint64_t* id);

// Edge ids are "<src>-<type>-<dst>", e.g. "12-works-for-34".
std::string EdgeIdToString(const core::EdgeKey& key);
bool ParseEdgeId(const std::string& text, core::EdgeKey* key);

nlohmann::json NodeToJson(const core::Node& node);
nlohmann::json EdgeToJson(const core::Edge& edge);
// The same objects written straight into a response (the two encodings are equal); a node
// may carry extra counts after its own fields (e.g. "degree_total").
using CountField = std::pair<const char*, uint64_t>;
void WriteNode(JsonWriter& w, const core::Node& node, std::initializer_list<CountField> extra = {});
void WriteEdge(JsonWriter& w, const core::Edge& edge);
nlohmann::json EvidenceToJson(const core::Evidence& ev);
nlohmann::json DegreeToJson(const core::Degree& degree);
nlohmann::json CountsToJson(const core::GraphCounts& counts);

}  // namespace actorgraph::api
