#include "actorgraph/api/json_codec.h"

#include <charconv>

namespace actorgraph::api {

using nlohmann::json;

std::string IdToString(uint64_t id) { return std::to_string(id); }

bool ParseId(const std::string& text, uint64_t* id) {
  if (text.empty() || text.size() > 20) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && ptr == text.data() + text.size();
}

std::string EdgeIdToString(const core::EdgeKey& key) {
  return IdToString(key.src) + "-" + core::EdgeTypeName(key.type) + "-" + IdToString(key.dst);
}

bool ParseEdgeId(const std::string& text, core::EdgeKey* key) {
  size_t first = text.find('-'), last = text.rfind('-');
  if (first == std::string::npos || last <= first) return false;
  auto type = core::ParseEdgeType(text.substr(first + 1, last - first - 1));
  if (!type) return false;
  key->type = *type;
  return ParseId(text.substr(0, first), &key->src) && ParseId(text.substr(last + 1), &key->dst);
}

json NodeToJson(const core::Node& node) {
  return {{"id", IdToString(node.id)},     {"type", core::NodeTypeName(node.type)},
          {"name", node.name},             {"aliases", node.aliases},
          {"first_seen", node.first_seen}, {"last_seen", node.last_seen}};
}

json EdgeToJson(const core::Edge& edge) {
  json j = {{"id", EdgeIdToString(edge.key)},
            {"source", IdToString(edge.key.src)},
            {"type", core::EdgeTypeName(edge.key.type)},
            {"target", IdToString(edge.key.dst)},
            {"confidence", edge.confidence},
            {"evidence_count", edge.evidence_count},
            {"first_seen", edge.first_seen},
            {"last_seen", edge.last_seen}};
  if (!edge.title.empty()) j["title"] = edge.title;
  return j;
}

json EvidenceToJson(const core::Evidence& ev) {
  return {{"id", IdToString(ev.id)},
          {"article_id", IdToString(ev.article_id)},
          {"sentence", ev.sentence},
          {"begin", ev.begin},
          {"end", ev.end},
          {"confidence", ev.confidence},
          {"extractor_version", ev.extractor_version},
          {"date", ev.date}};
}

json DegreeToJson(const core::Degree& degree) {
  json out = json::object(), in = json::object();
  for (const auto& [type, n] : degree.out) out[core::EdgeTypeName(type)] = n;
  for (const auto& [type, n] : degree.in) in[core::EdgeTypeName(type)] = n;
  return {{"out", out}, {"in", in}, {"total", degree.total()}};
}

json CountsToJson(const core::GraphCounts& counts) {
  json nodes = json::object(), edges = json::object();
  uint64_t node_total = 0, edge_total = 0;
  for (const auto& [type, n] : counts.nodes) {
    nodes[core::NodeTypeName(type)] = n;
    node_total += n;
  }
  for (const auto& [type, n] : counts.edges) {
    edges[core::EdgeTypeName(type)] = n;
    edge_total += n;
  }
  return {{"nodes", nodes},
          {"edges", edges},
          {"node_count", node_total},
          {"edge_count", edge_total},
          {"articles", counts.articles},
          {"evidence", counts.evidence}};
}

}  // namespace actorgraph::api
