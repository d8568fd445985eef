// GET /articles (a page of the stored articles) and GET /articles/{id} (one article with the
// nodes it names and the edges it gives evidence for). POST /articles is in routes_write.cc.
#include <algorithm>
#include <set>

#include "actorgraph/api/json_codec.h"
#include "api_context.h"
#include "node_param.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

// Articles one page may read: with a date filter a page can end short of `limit`, with a
// next_cursor, rather than read the whole table (articles are kept in id order, not by date).
constexpr size_t kArticleScanBudget = 2000;

json ArticleFields(const core::Article& a) {
  return {{"id", IdToString(a.id)},
          {"title", a.title},
          {"url", a.url},
          {"date", a.date},
          {"language", a.language},
          {"author", a.author},
          {"canonical_url", a.canonical_url},
          {"site_name", a.site_name}};
}

// True when the article's date is in [since, until] (empty bounds are open; an undated article
// is in no bounded range).
bool InDateRange(const std::string& date, const std::string& since, const std::string& until) {
  if (since.empty() && until.empty()) return true;
  if (date.empty()) return false;
  return (since.empty() || date >= since) && (until.empty() || date <= until);
}

// {"items": [...], "next_cursor", "total"}, in article id order; the cursor is the last article
// id read. "total" is the number of articles, given when no date filter is set. Each item
// counts the nodes the article names (what the article record keeps); its edges and evidence
// are counted at /articles/{id}.
void ListArticles(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  size_t limit = LimitParam(req, 50);
  core::ArticleId after = 0;
  if (auto cursor = Param(req, "cursor")) after = IdText(*cursor, "the cursor");
  std::string since = DateParam(req, "since"), until = DateParam(req, "until");
  auto reader = ctx.store.Read();
  json items = json::array();
  size_t read = 0;
  core::ArticleId last = 0;
  bool more = false;
  ThrowIfError(reader->ForEachArticleAfter(after, [&](const core::Article& a) {
    if (items.size() == limit || read == kArticleScanBudget) {
      more = true;
      return false;
    }
    ++read;
    last = a.id;
    if (InDateRange(a.date, since, until)) {
      json item = ArticleFields(a);
      item["counts"] = {{"nodes", a.mentions.size()}};
      items.push_back(std::move(item));
    }
    return true;
  }));
  json body = {{"items", std::move(items)},
               {"next_cursor", more ? json(IdToString(last)) : json(nullptr)}};
  if (since.empty() && until.empty()) body["total"] = reader->Counts().articles;
  SendJson(res, 200, body);
}

// The edges between the nodes of `nodes` (snapshot indexes), in key order. An article's edges
// join two nodes it names, so this is where its evidence can be: there is no article -> evidence
// index (storage/FORMAT.md), and scanning the nodes' incidence lists would cost their degree
// (a hub's can be 100,000). Instead every ordered pair and every edge type the model allows
// between them is looked up by binary search in the source's outgoing list, sorted by (type,
// target): O(n^2 log degree) for n nodes, a few thousand lookups for a long article.
std::vector<core::EdgeKey> EdgesAmong(const core::GraphSnapshot& snap,
                                      const std::vector<core::GraphSnapshot::Index>& nodes) {
  std::vector<core::EdgeKey> out;
  for (auto a : nodes) {
    auto outgoing = snap.Outgoing(a);
    for (auto b : nodes) {
      if (a == b) continue;
      const core::Node &from = snap.node(a), &to = snap.node(b);
      for (core::EdgeType type : core::kAllEdgeTypes) {
        if (!core::EdgeAllowed(type, from.type, to.type)) continue;
        auto it =
            std::lower_bound(outgoing.begin(), outgoing.end(), std::pair(type, to.id),
                             [&](uint32_t e, const std::pair<core::EdgeType, core::NodeId>& k) {
                               const core::EdgeKey& key = snap.edge(e).key;
                               return std::pair(key.type, key.dst) < k;
                             });
        if (it != outgoing.end() && snap.edge(*it).key == core::EdgeKey{from.id, type, to.id})
          out.push_back(snap.edge(*it).key);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The article's fields and text; "nodes": the nodes it names (merged ones as their survivors);
// "edges": the edges it gives evidence for, each with that evidence ("evidence": sentence,
// offsets into "text", confidence); "counts" of the three.
void GetArticle(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::ArticleId id = IdText(req.matches[1], "the article id");
  auto reader = ctx.store.Read();
  core::Article article = Unwrap(reader->GetArticle(id));
  auto snap = ctx.Snapshot();
  json nodes = json::array();
  std::set<core::NodeId> seen;
  std::vector<core::GraphSnapshot::Index> in_snapshot;
  for (core::NodeId mention : article.mentions) {
    auto node = LiveNode(*reader, mention);
    if (!node || !seen.insert(node->id).second) continue;
    nodes.push_back(NodeToJson(*node));
    if (auto i = snap->Find(node->id); i != core::GraphSnapshot::kNone) in_snapshot.push_back(i);
  }
  json edges = json::array();
  size_t evidence_count = 0;
  for (const core::EdgeKey& key : EdgesAmong(*snap, in_snapshot)) {
    auto edge = reader->GetEdge(key);
    auto evidence = reader->GetEvidence(key);
    if (!edge.ok() || !evidence.ok()) continue;  // deleted since the snapshot was built
    json mine = json::array();
    for (const auto& ev : evidence.value())
      if (ev.article_id == id) mine.push_back(EvidenceToJson(ev));
    if (mine.empty()) continue;
    evidence_count += mine.size();
    json e = EdgeToJson(edge.value());
    e["evidence"] = std::move(mine);
    edges.push_back(std::move(e));
  }
  json body = ArticleFields(article);
  body["content_hash"] = article.content_hash;
  body["text"] = article.text;
  body["counts"] = {{"nodes", nodes.size()}, {"edges", edges.size()}, {"evidence", evidence_count}};
  body["nodes"] = std::move(nodes);
  body["edges"] = std::move(edges);
  SendJson(res, 200, body);
}

}  // namespace

void AddArticleRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Get("/api/v1/articles", Bound(ctx, ListArticles));
  routes.Get(R"(/api/v1/articles/([^/]+))", Bound(ctx, GetArticle));
}

}  // namespace actorgraph::api
