#include "node_param.h"

#include <algorithm>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/curation.h"
#include "actorgraph/core/names.h"
#include "http_util.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

constexpr int kMaxMergeHops = 64;  // a merge chain longer than this is treated as broken

std::vector<core::Node> NodesNamed(core::GraphReader& reader, const std::string& text) {
  std::vector<core::Node> out;
  for (core::NodeId id : reader.LookupExact(core::FoldName(text))) {
    auto node = LiveNode(reader, id);
    if (!node) continue;
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const core::Node& n) { return n.id == node->id; });
    if (!seen) out.push_back(std::move(*node));
  }
  return out;
}

[[noreturn]] void FailAmbiguous(core::GraphReader& reader, const std::string& text,
                                const std::vector<core::Node>& nodes) {
  std::vector<std::pair<uint64_t, const core::Node*>> ranked;
  for (const auto& n : nodes) ranked.push_back({reader.GetDegree(n.id).total(), &n});
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second->id < b.second->id;
  });
  json candidates = json::array();
  for (size_t i = 0; i < ranked.size() && i < kMaxCandidates; ++i)
    candidates.push_back({{"id", IdToString(ranked[i].second->id)},
                          {"name", ranked[i].second->name},
                          {"type", core::NodeTypeName(ranked[i].second->type)},
                          {"degree", ranked[i].first}});
  Fail(409, "ambiguous",
       std::to_string(nodes.size()) + " nodes are named '" + text + "': ask again by id",
       {{"candidates", std::move(candidates)}});
}

}  // namespace

std::optional<core::Node> LiveNode(core::GraphReader& reader, core::NodeId id) {
  for (int hop = 0; hop < kMaxMergeHops; ++hop) {
    auto node = reader.GetNode(id);
    if (node.ok()) {
      if (node->merged_into == 0) return std::move(node.value());
      id = node->merged_into;
      continue;
    }
    if (node.status().code() != core::StatusCode::kNotFound) ThrowIfError(node.status());
    auto survivor = reader.GetMeta(core::MergedNodeKey(id));
    if (!survivor || !ParseId(*survivor, &id)) return std::nullopt;
  }
  return std::nullopt;
}

core::Node ResolveNode(core::GraphReader& reader, const std::string& text,
                       std::optional<core::NodeType> type) {
  std::vector<core::Node> nodes;
  core::NodeId id = 0;
  if (ParseId(text, &id))
    if (auto node = LiveNode(reader, id)) nodes.push_back(std::move(*node));
  if (nodes.empty()) nodes = NodesNamed(reader, text);
  if (type)
    nodes.erase(std::remove_if(nodes.begin(), nodes.end(),
                               [&](const core::Node& n) { return n.type != *type; }),
                nodes.end());
  if (nodes.size() == 1) return std::move(nodes[0]);
  if (nodes.empty())
    Fail(404, "not_found",
         std::string("no ") + (type ? core::NodeTypeName(*type) : "node") + " '" + text + "'");
  FailAmbiguous(reader, text, nodes);
}

core::Node NodeParam(core::GraphReader& reader, const httplib::Request& req, const char* name,
                     std::optional<core::NodeType> type) {
  return ResolveNode(reader, RequiredParam(req, name), type);
}

core::NodeId NodeField(core::GraphReader& reader, const nlohmann::json& body, const char* name) {
  if (!body.contains(name))
    Fail(400, "missing_field", std::string("the field '") + name + "' is required");
  const nlohmann::json& v = body[name];
  if (v.is_number_unsigned()) return v.get<core::NodeId>();
  if (v.is_string()) return ResolveNode(reader, v.get<std::string>()).id;
  Fail(400, "invalid_id", std::string("'") + name + "' must be a node id or name");
}

}  // namespace actorgraph::api
