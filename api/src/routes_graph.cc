// Routes over the in-memory snapshot: paths, subgraph (ego network), analytics, events.
#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/events.h"
#include "actorgraph/core/paths.h"
#include "api_context.h"
#include "node_param.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

constexpr size_t kComponentMembersShown = 20;

core::GraphSnapshot::Index NodeIndex(const core::GraphSnapshot& snap, core::NodeId id) {
  auto i = snap.Find(id);
  if (i == core::GraphSnapshot::kNone) Fail(404, "not_found", "no node " + IdToString(id));
  return i;
}

// The snapshot index of the node the query parameter `name` names (node_param.h).
core::GraphSnapshot::Index NodeIndexParam(ApiContext& ctx, const core::GraphSnapshot& snap,
                                          const httplib::Request& req, const char* name,
                                          std::optional<core::NodeType> type = std::nullopt) {
  return NodeIndex(snap, NodeParam(*ctx.store.Read(), req, name, type).id);
}

void Paths(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::PathQuery q;
  q.max_depth = SizeParam(req, "max_depth", 6, 1, kMaxPathDepth);
  q.k = SizeParam(req, "k", 1, 1, kMaxPaths);
  q.filter = FilterParams(req);
  auto snap = ctx.Snapshot();
  q.from = NodeIndexParam(ctx, *snap, req, "from");
  q.to = NodeIndexParam(ctx, *snap, req, "to");
  json paths = json::array();
  for (const auto& p : core::ShortestPaths(*snap, q)) {
    json nodes = json::array(), edges = json::array();
    for (auto i : p.nodes) nodes.push_back(NodeToJson(snap->node(i)));
    for (uint32_t e : p.edges) edges.push_back(EdgeToJson(snap->edge(e)));
    paths.push_back({{"length", p.edges.size()}, {"nodes", nodes}, {"edges", edges}});
  }
  SendJson(res, 200, ListBody(std::move(paths), "paths"));
}

void Subgraph(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::EgoQuery q;
  q.depth = SizeParam(req, "depth", 1, 0, kMaxSubgraphDepth);
  q.max_nodes = SizeParam(req, "max_nodes", 200, 1, kMaxSubgraphNodes);
  q.filter = FilterParams(req);
  auto snap = ctx.Snapshot();
  q.center = NodeIndexParam(ctx, *snap, req, "center");
  core::EgoNetwork ego = core::Ego(*snap, q);
  // Written straight into the body (a dashboard asks for this on every click).
  JsonWriter w;
  std::string center = IdToString(snap->node(q.center).id);  // a survivor for a merged id
  w.BeginObject().Key("center").String(center).Key("edges").BeginArray();
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
    json body = ListBody(std::move(components), "components");
    body["metric"] = "components";
    body["count"] = body["total"] = list->components.size();
    SendJson(res, 200, body);
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
  json body = ListBody(std::move(results), "results");
  body["metric"] = metric_name;
  body["nodes"] = snap->node_count();
  SendJson(res, 200, body);
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
  if (Param(req, "location"))
    q.location = NodeIndexParam(ctx, *snap, req, "location", core::NodeType::kLocation);
  json events = json::array();
  for (const auto& ev : core::Timeline(*snap, q))
    events.push_back({{"node", NodeToJson(snap->node(ev.event))},
                      {"date", ev.date},
                      {"locations", NodeList(*snap, ev.locations)},
                      {"organizers", NodeList(*snap, ev.organizers)},
                      {"speakers", NodeList(*snap, ev.speakers)},
                      {"moderators", NodeList(*snap, ev.moderators)}});
  SendJson(res, 200, ListBody(std::move(events), "events"));
}

}  // namespace

void AddGraphRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Get("/api/v1/paths", Bound(ctx, Paths));
  routes.Get("/api/v1/subgraph", Bound(ctx, Subgraph));
  routes.Get(R"(/api/v1/analytics/([^/]+))", Bound(ctx, Analytics));
  routes.Get("/api/v1/events", Bound(ctx, Events));
}

}  // namespace actorgraph::api
