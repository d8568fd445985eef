// Read routes over the store and the snapshot: search, nodes, neighbours, co-occurrence, edges
// (one by its ends, or a node's edges of one type, paged like neighbours).
#include <map>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/curation.h"
#include "actorgraph/core/write_health.h"
#include "api_context.h"
#include "http_util.h"
#include "node_param.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

constexpr size_t kNeighborScanBudget = 20000;  // edges one filtered page may skip
constexpr size_t kMaxQueryBytes = 200;         // fuzzy matching cost grows with the query

// The node, or 404 (code "merged" naming the survivor when a curator merged it away).
core::Node GetNodeOr404(core::GraphReader& reader, core::NodeId id) {
  auto node = reader.GetNode(id);
  if (!node.ok() && node.status().code() == core::StatusCode::kNotFound)
    if (auto survivor = reader.GetMeta(core::MergedNodeKey(id)))
      Fail(404, "merged", "node " + IdToString(id) + " was merged into " + *survivor);
  return Unwrap(std::move(node));
}

void Search(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::SearchQuery q;
  q.text = RequiredParam(req, "q");
  if (q.text.size() > kMaxQueryBytes)
    Fail(400, "out_of_range", "'q' is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  q.types = NodeTypesParam(req, "type");
  q.limit = LimitParam(req, 20);
  auto reader = ctx.store.Read();
  json results = json::array();
  for (const auto& hit : Unwrap(ctx.searcher.Search(*reader, q))) {
    json node = NodeToJson(hit.node);
    node["degree_total"] = hit.degree;
    results.push_back({{"node", node},
                       {"score", hit.score},
                       {"match", core::MatchKindName(hit.kind)},
                       {"matched", hit.matched}});
  }
  SendJson(res, 200, ListBody(std::move(results), "results"));
}

void GetNode(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::NodeId id = IdText(req.matches[1], "the node id");
  auto reader = ctx.store.Read();
  json j = NodeToJson(GetNodeOr404(*reader, id));
  j["degree"] = DegreeToJson(reader->GetDegree(id));
  SendJson(res, 200, j);
}

core::Direction DirectionParam(const httplib::Request& req, const char* fallback) {
  std::string d = Param(req, "direction").value_or(fallback);
  if (d == "out") return core::Direction::kOut;
  if (d == "in") return core::Direction::kIn;
  if (d == "both") return core::Direction::kBoth;
  Fail(400, "invalid_argument", "'direction' must be out, in or both");
}

// The edges of node `i` in the snapshot that pass the filter (direction and far node included);
// 0 for kNone (a node the snapshot does not hold).
uint64_t CountFiltered(const core::GraphSnapshot& snap, core::GraphSnapshot::Index i,
                       core::Direction dir, const core::EdgeFilter& filter) {
  if (i == core::GraphSnapshot::kNone) return 0;
  uint64_t n = 0;
  for (uint32_t e : snap.Incident(i)) {
    bool out = snap.source(e) == i;
    if ((out && dir == core::Direction::kIn) || (!out && dir == core::Direction::kOut)) continue;
    if (filter.AdmitsEdge(snap.edge(e)) && filter.AdmitsNode(snap.node(snap.Other(e, i)))) ++n;
  }
  return n;
}

uint64_t CountFromDegree(const core::Degree& degree, core::Direction dir,
                         const core::EdgeFilter& filter) {
  uint64_t n = 0;
  auto add = [&](const std::map<core::EdgeType, uint64_t>& by_type) {
    for (const auto& [type, count] : by_type)
      if (filter.edge_types.empty() || filter.edge_types[0] == type) n += count;
  };
  if (dir != core::Direction::kIn) add(degree.out);
  if (dir != core::Direction::kOut) add(degree.in);
  return n;
}

void WriteNeighborItem(JsonWriter& w, const core::Edge& edge, core::Direction side,
                       const core::Node& neighbor) {
  w.BeginObject().Key("direction").String(side == core::Direction::kOut ? "out" : "in");
  WriteEdge(w.Key("edge"), edge);
  WriteNode(w.Key("neighbor"), neighbor);
  w.EndObject();
}

// {"items": [...], "next_cursor": ..., "total": n}. Pages come from `page(q, visit)`, which
// calls visit(edge, side, neighbor) for each entry of the page `q` asks for (neighbor null
// when the far node cannot be read) and returns the next cursor ("" on the last page); pages
// are fetched until `limit` items passed the filter, the listing ends, or the scan budget is
// spent.
template <typename PageFn>
std::string NeighborsBody(uint64_t total, core::NeighborQuery q, const core::EdgeFilter& filter,
                          size_t limit, PageFn page) {
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  size_t items = 0, scanned = 0;
  auto visit = [&](const core::Edge& edge, core::Direction side, const core::Node* neighbor) {
    ++scanned;
    if (!neighbor || !filter.AdmitsEdge(edge) || !filter.AdmitsNode(*neighbor)) return;
    WriteNeighborItem(w, edge, side, *neighbor);
    ++items;
  };
  do {
    q.limit = limit - items;
    q.cursor = page(q, visit);
  } while (!q.cursor.empty() && items < limit && scanned < kNeighborScanBudget);
  w.EndArray().Key("next_cursor");
  q.cursor.empty() ? w.Null() : w.String(q.cursor);
  w.Key("total").Uint(total).EndObject();
  return w.Take();
}

// From the snapshot (current, so equal to the store): no store reads at all.
std::string NeighborsFromSnapshot(const core::GraphSnapshot& snap, core::GraphSnapshot::Index i,
                                  const core::NeighborQuery& q, const core::EdgeFilter& filter,
                                  size_t limit) {
  return NeighborsBody(CountFiltered(snap, i, q.direction, filter), q, filter, limit,
                       [&](const core::NeighborQuery& pq, const auto& visit) {
                         auto page = Unwrap(snap.Neighbors(i, pq));
                         for (const auto& [e, side] : page.edges)
                           visit(snap.edge(e), side, &snap.node(snap.Other(e, i)));
                         return page.next_cursor;
                       });
}

// The same over the store's reader, for when the snapshot is behind the store.
std::string NeighborsFromStore(ApiContext& ctx, core::NodeId id, const core::NeighborQuery& q,
                               const core::EdgeFilter& filter, size_t limit) {
  auto reader = ctx.store.Read();
  GetNodeOr404(*reader, id);
  uint64_t total = 0;
  if (filter.OnlyEdgeTypes()) {
    total = CountFromDegree(reader->GetDegree(id), q.direction, filter);
  } else {
    auto snap = ctx.Snapshot();
    total = CountFiltered(*snap, snap->Find(id), q.direction, filter);
  }
  return NeighborsBody(
      total, q, filter, limit, [&](const core::NeighborQuery& pq, const auto& visit) {
        core::NeighborPage page = Unwrap(reader->Neighbors(id, pq));
        for (const auto& entry : page.entries) {
          auto neighbor = reader->GetNode(entry.neighbor);
          visit(entry.edge, entry.direction, neighbor.ok() ? &neighbor.value() : nullptr);
        }
        return page.next_cursor;
      });
}

// One neighbour page of node `id`: from the snapshot while it is current and holds the node,
// else from the store (404 for an unknown node). The page's edge type is q.edge_type, which
// `filter` must name too (the total is counted through the filter).
std::string NeighborPage(ApiContext& ctx, core::NodeId id, const core::NeighborQuery& q,
                         const core::EdgeFilter& filter, size_t limit) {
  if (auto snap = ctx.snapshots.IfCurrent()) {
    auto i = snap->Find(id);
    if (i != core::GraphSnapshot::kNone) return NeighborsFromSnapshot(*snap, i, q, filter, limit);
  }
  return NeighborsFromStore(ctx, id, q, filter, limit);
}

void Neighbors(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::NodeId id = IdText(req.matches[1], "the node id");
  core::EdgeFilter filter = FilterParams(req);
  if (filter.edge_types.size() > 1) Fail(400, "invalid_argument", "neighbors take one 'edge_type'");
  core::NeighborQuery q;
  q.direction = DirectionParam(req, "both");
  if (!filter.edge_types.empty()) q.edge_type = filter.edge_types[0];
  q.cursor = Param(req, "cursor").value_or("");
  SendJsonText(res, 200, NeighborPage(ctx, id, q, filter, LimitParam(req, 50)));
}

void Cooccurrence(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::NodeId id = IdText(req.matches[1], "the node id");
  size_t limit = LimitParam(req, 20);
  auto snap = ctx.Snapshot();
  auto i = snap->Find(id);
  if (i == core::GraphSnapshot::kNone) Fail(404, "not_found", "no node " + IdToString(id));
  json items = json::array();
  for (const auto& [other, count] : snap->CoMentioned(i, limit))
    items.push_back({{"node", NodeToJson(snap->node(other))}, {"count", count}});
  SendJson(res, 200, {{"articles", snap->ArticlesOf(i).size()}, {"items", items}});
}

void SendEdge(ApiContext& ctx, const core::EdgeKey& key, httplib::Response& res) {
  auto reader = ctx.store.Read();
  json j = EdgeToJson(Unwrap(reader->GetEdge(key)));
  if (auto n = reader->GetNode(key.src); n.ok()) j["source_node"] = NodeToJson(n.value());
  if (auto n = reader->GetNode(key.dst); n.ok()) j["target_node"] = NodeToJson(n.value());
  json evidence = json::array();
  std::map<core::ArticleId, json> articles;
  for (const auto& ev : Unwrap(reader->GetEvidence(key))) {
    json e = EvidenceToJson(ev);
    auto [it, fresh] = articles.try_emplace(ev.article_id);
    if (fresh) {
      auto a = reader->GetArticle(ev.article_id);
      it->second =
          a.ok()
              ? json{{"id", IdToString(a->id)},  {"title", a->title},       {"url", a->url},
                     {"date", a->date},          {"language", a->language}, {"author", a->author},
                     {"site_name", a->site_name}}
              : json(nullptr);
    }
    e["article"] = it->second;
    evidence.push_back(std::move(e));
  }
  j["evidence"] = std::move(evidence);
  SendJson(res, 200, j);
}

void GetEdge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  SendEdge(ctx, EdgeIdText(req.matches[1]), res);
}

// A page of node `source`'s edges of one type, as a neighbour page: out-edges unless
// 'direction' says otherwise, both directions for a symmetric type (stored once, from the
// smaller id), whatever 'direction' says.
void ListEdgesOfType(ApiContext& ctx, const httplib::Request& req, core::NodeId source,
                     core::EdgeType type, httplib::Response& res) {
  core::EdgeFilter filter = FilterParams(req);
  if (!filter.edge_types.empty())
    Fail(400, "invalid_argument", "the edge type is the parameter 'type' here");
  filter.edge_types = {type};
  core::NeighborQuery q;
  q.edge_type = type;
  q.direction = DirectionParam(req, "out");
  if (core::IsSymmetric(type)) q.direction = core::Direction::kBoth;
  q.cursor = Param(req, "cursor").value_or("");
  SendJsonText(res, 200, NeighborPage(ctx, source, q, filter, LimitParam(req, 50)));
}

// GET /edges?source=&type=[&target=]: with a target the one edge between them, without one
// the source's edges of the type. Source and target are ids or names (node_param.h).
void FindEdges(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto type = core::ParseEdgeType(RequiredParam(req, "type"));
  if (!type) Fail(400, "invalid_type", "unknown edge type '" + req.get_param_value("type") + "'");
  auto reader = ctx.store.Read();
  core::NodeId source = NodeParam(*reader, req, "source").id;
  if (!Param(req, "target")) {
    ListEdgesOfType(ctx, req, source, *type, res);
    return;
  }
  core::EdgeKey key{source, *type, NodeParam(*reader, req, "target").id};
  if (core::IsSymmetric(key.type) && key.src > key.dst) std::swap(key.src, key.dst);
  SendEdge(ctx, key, res);
}

// GET /api/v1/health: {"status": "ok", "writes": "ok"} while the store takes writes;
// {"status": "degraded", "writes": "degraded", "writes_error": {"code", "message"}} while they
// fail (a full or failing disk, core/write_health.h: reads are still answered);
// "writes": "read_only" on a --read-only server. Always 200 (the server is alive), except with
// ?writes=1, which answers 503 unless writes work: a probe for whoever routes writes here.
// Asking is also what resumes writes once space is freed, when no write comes to try.
void SendHealth(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::Status writes = core::Status::Ok();
  if (ctx.options.read_only)
    writes = core::Status::PermissionDenied("the server is read-only");
  else if (core::WriteHealth* health = core::WriteHealthOf(ctx.store))
    writes = health->CheckWrites();
  json body = {{"status", "ok"}, {"writes", "ok"}};
  if (ctx.options.read_only) {
    body["writes"] = "read_only";
  } else if (!writes.ok()) {
    body["status"] = "degraded";
    body["writes"] = "degraded";
    body["writes_error"] = {
        {"code", core::IsStorageFull(writes) ? "storage_full" : "storage_error"},
        {"message", writes.message()}};
  }
  bool probe = Param(req, "writes").value_or("0") != "0";
  SendJson(res, probe && !writes.ok() ? 503 : 200, body);
}

}  // namespace

void AddReadRoutes(RouteTable& routes, ApiContext& ctx) {
  auto route = [&ctx](Route fn) { return Bound(ctx, fn); };
  routes.Get("/api/v1/health", Guard([&ctx](const httplib::Request& req, httplib::Response& res) {
               SendHealth(ctx, req, res);
             }));
  routes.Get("/api/v1/stats", Guard([&ctx](const httplib::Request&, httplib::Response& res) {
               SendJson(res, 200, CountsToJson(ctx.store.Read()->Counts()));
             }));
  routes.Get("/api/v1/search", route(Search));
  routes.Get(R"(/api/v1/nodes/([^/]+))", route(GetNode));
  routes.Get(R"(/api/v1/nodes/([^/]+)/neighbors)", route(Neighbors));
  routes.Get(R"(/api/v1/nodes/([^/]+)/cooccurrence)", route(Cooccurrence));
  routes.Get(R"(/api/v1/edges/([^/]+))", route(GetEdge));
  routes.Get("/api/v1/edges", route(FindEdges));
}

}  // namespace actorgraph::api
