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

namespace {

// The fields of a node and of an edge, listed once for both encoders below, in key order
// (the order nlohmann's std::map-backed objects print).
template <typename Sink>
void NodeFields(const core::Node& node, Sink& sink) {
  sink("aliases", node.aliases);
  sink("first_seen", node.first_seen);
  sink("id", IdToString(node.id));
  sink("last_seen", node.last_seen);
  sink("name", node.name);
  sink("type", std::string(core::NodeTypeName(node.type)));
}

template <typename Sink>
void EdgeFields(const core::Edge& edge, Sink& sink) {
  sink("confidence", edge.confidence);
  sink("evidence_count", uint64_t{edge.evidence_count});
  sink("first_seen", edge.first_seen);
  sink("id", EdgeIdToString(edge.key));
  sink("last_seen", edge.last_seen);
  sink("source", IdToString(edge.key.src));
  sink("target", IdToString(edge.key.dst));
  if (!edge.title.empty()) sink("title", edge.title);
  sink("type", std::string(core::EdgeTypeName(edge.key.type)));
}

struct TreeSink {
  json& j;
  template <typename T>
  void operator()(const char* key, const T& value) {
    j[key] = value;
  }
};

struct WriterSink {
  JsonWriter& w;
  void operator()(const char* key, const std::string& v) { w.Key(key).String(v); }
  void operator()(const char* key, const std::vector<std::string>& v) { w.Key(key).Strings(v); }
  void operator()(const char* key, uint64_t v) { w.Key(key).Uint(v); }
  void operator()(const char* key, double v) { w.Key(key).Double(v); }
};

}  // namespace

json NodeToJson(const core::Node& node) {
  json j = json::object();
  TreeSink sink{j};
  NodeFields(node, sink);
  return j;
}

json EdgeToJson(const core::Edge& edge) {
  json j = json::object();
  TreeSink sink{j};
  EdgeFields(edge, sink);
  return j;
}

void WriteNode(JsonWriter& w, const core::Node& node, std::initializer_list<CountField> extra) {
  WriterSink sink{w.BeginObject()};
  NodeFields(node, sink);
  for (const auto& [key, value] : extra) w.Key(key).Uint(value);
  w.EndObject();
}

void WriteEdge(JsonWriter& w, const core::Edge& edge) {
  WriterSink sink{w.BeginObject()};
  EdgeFields(edge, sink);
  w.EndObject();
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
