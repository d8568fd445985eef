// Routes over the in-memory snapshot: paths, subgraph (ego network), analytics, events.
#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/events.h"
#include "actorgraph/core/names.h"
#include "actorgraph/core/paths.h"
#include "api_context.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

constexpr size_t kComponentMembersShown = 20;

core::GraphSnapshot::Index NodeIndex(const core::GraphSnapshot& snap, core::NodeId id) {
  auto i = snap.Find(id);
  if (i == core::GraphSnapshot::kNone) Fail(404, "not_found", "no node " + IdToString(id));
  return i;
}

void Paths(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::NodeId from = IdParam(req, "from"), to = IdParam(req, "to");
  core::PathQuery q;
  q.max_depth = SizeParam(req, "max_depth", 6, 1, kMaxPathDepth);
  q.k = SizeParam(req, "k", 1, 1, kMaxPaths);
  q.filter = FilterParams(req);
  auto snap = ctx.Snapshot();
  q.from = NodeIndex(*snap, from);
  q.to = NodeIndex(*snap, to);
  json paths = json::array();
  for (const auto& p : core::ShortestPaths(*snap, q)) {
    json nodes = json::array(), edges = json::array();
    for (auto i : p.nodes) nodes.push_back(NodeToJson(snap->node(i)));
    for (uint32_t e : p.edges) edges.push_back(EdgeToJson(snap->edge(e)));
    paths.push_back({{"length", p.edges.size()}, {"nodes", nodes}, {"edges", edges}});
  }
  SendJson(res, 200, {{"paths", paths}});
}

void Subgraph(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::NodeId center = IdParam(req, "center");
  core::EgoQuery q;
  q.depth = SizeParam(req, "depth", 1, 0, kMaxSubgraphDepth);
  q.max_nodes = SizeParam(req, "max_nodes", 200, 1, kMaxSubgraphNodes);
  q.filter = FilterParams(req);
  auto snap = ctx.Snapshot();
  q.center = NodeIndex(*snap, center);
  core::EgoNetwork ego = core::Ego(*snap, q);
  // Written straight into the body (a dashboard asks for this on every click).
  JsonWriter w;
  w.BeginObject().Key("center").String(IdToString(center)).Key("edges").BeginArray();
  for (uint32_t e : ego.edges) WriteEdge(w, snap->edge(e));
  w.EndArray().Key("nodes").BeginArray();
  for (auto i : ego.nodes) WriteNode(w, snap->node(i), {{"degree_total", snap->Degree(i)}});
  w.EndArray().Key("truncated").Bool(ego.truncated).EndObject();
  SendJsonText(res, 200, w.Take());
}

void Analytics(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string metric_name = req.matches[1];
  std::vector<core::EdgeType> edge_types = EdgeTypesParam(req, "edge_type");
  size_t limit = LimitParam(req, 20);
  std::shared_ptr<const core::GraphSnapshot> snap;
  if (metric_name == "components") {
    auto list = Unwrap(ctx.analytics.Components(edge_types, &snap));
    json components = json::array();
    for (size_t c = 0; c < list->components.size() && c < limit; ++c) {
      const auto& members = list->components[c];
      json nodes = json::array();
      for (size_t m = 0; m < members.size() && m < kComponentMembersShown; ++m)
        nodes.push_back(NodeToJson(snap->node(members[m])));
      components.push_back({{"size", members.size()}, {"nodes", nodes}});
    }
    SendJson(
        res, 200,
        {{"metric", "components"}, {"count", list->components.size()}, {"components", components}});
    return;
  }
  auto metric = core::ParseMetric(metric_name);
  if (!metric)
    Fail(404, "not_found",
         "no metric '" + metric_name + "' (pagerank, betweenness, degree, components)");
  auto top =
      Unwrap(ctx.analytics.Top(*metric, edge_types, NodeTypesParam(req, "type"), limit, &snap));
  json results = json::array();
  for (const auto& s : top) {
    json r = {{"node", NodeToJson(snap->node(s.node))}, {"score", s.score}};
    if (*metric == core::Metric::kDegree) r["degree"] = snap->Degree(s.node);
    results.push_back(std::move(r));
  }
  SendJson(res, 200,
           {{"metric", metric_name}, {"nodes", snap->node_count()}, {"results", results}});
}

// A location given by id or by name (or alias).
core::GraphSnapshot::Index LocationParam(ApiContext& ctx, const core::GraphSnapshot& snap,
                                         const std::string& text) {
  core::NodeId id = 0;
  if (ParseId(text, &id) && snap.Find(id) != core::GraphSnapshot::kNone) return snap.Find(id);
  auto reader = ctx.store.Read();
  for (core::NodeId candidate : reader->LookupExact(core::FoldName(text))) {
    auto i = snap.Find(candidate);
    if (i != core::GraphSnapshot::kNone && snap.node(i).type == core::NodeType::kLocation) return i;
  }
  Fail(404, "not_found", "no location '" + text + "'");
}

json NodeList(const core::GraphSnapshot& snap,
              const std::vector<core::GraphSnapshot::Index>& list) {
  json out = json::array();
  for (auto i : list) out.push_back(NodeToJson(snap.node(i)));
  return out;
}

void Events(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::EventQuery q;
  q.from = DateParam(req, "from");
  q.to = DateParam(req, "to");
  q.limit = LimitParam(req, 100);
  auto snap = ctx.Snapshot();
  if (auto loc = Param(req, "location")) q.location = LocationParam(ctx, *snap, *loc);
  json events = json::array();
  for (const auto& ev : core::Timeline(*snap, q))
    events.push_back({{"node", NodeToJson(snap->node(ev.event))},
                      {"date", ev.date},
                      {"locations", NodeList(*snap, ev.locations)},
                      {"organizers", NodeList(*snap, ev.organizers)},
                      {"speakers", NodeList(*snap, ev.speakers)},
                      {"moderators", NodeList(*snap, ev.moderators)}});
  SendJson(res, 200, {{"events", events}});
}

}  // namespace

void AddGraphRoutes(httplib::Server& http, ApiContext& ctx) {
  http.Get("/api/v1/paths", Bound(ctx, Paths));
  http.Get("/api/v1/subgraph", Bound(ctx, Subgraph));
  http.Get(R"(/api/v1/analytics/([^/]+))", Bound(ctx, Analytics));
  http.Get("/api/v1/events", Bound(ctx, Events));
}

}  // namespace actorgraph::api
