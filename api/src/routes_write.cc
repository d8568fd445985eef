// Write routes: article ingestion and curation (merge, undo, edit, delete), all behind
// ApiContext::AuthorizeWrite; the graph logic lives in importers/ and core/curation.
#include <algorithm>
#include <cctype>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/curation.h"
#include "actorgraph/importers/pipeline.h"
#include "actorgraph/importers/readers.h"
#include "api_context.h"
#include "iso_date.h"
#include "node_param.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

std::string StringField(const json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return "";
  if (!body[name].is_string())
    Fail(400, "invalid_argument", std::string("'") + name + "' must be a string");
  return body[name].get<std::string>();
}

importers::Document JsonArticle(const httplib::Request& req) {
  json body = JsonBody(req);
  OnlyFields(body,
             {"url", "title", "date", "text", "html", "author", "canonical_url", "site_name"});
  std::string url = StringField(body, "url"), title = StringField(body, "title");
  std::string date = StringField(body, "date"), html = StringField(body, "html");
  std::string text = StringField(body, "text");
  if (!date.empty() && !IsIsoDate(date))
    Fail(400, "invalid_date", "'date' must be a day of the calendar, YYYY-MM-DD");
  importers::Document doc;
  if (!html.empty())
    doc = Unwrap(importers::ReadHtml(html, url));
  else if (!text.empty())
    doc.url = url, doc.text = text;
  else
    Fail(400, "missing_field", "an article needs 'text' or 'html'");
  if (!title.empty()) doc.title = title;
  if (!date.empty()) doc.date = date;
  // What the caller knows of the page, as a JSON Lines dump gives it; over what the HTML says.
  for (auto [field, into] : {std::pair{"author", &doc.author},
                             {"canonical_url", &doc.canonical_url},
                             {"site_name", &doc.site_name}})
    if (std::string value = StringField(body, field); !value.empty()) *into = value;
  return doc;
}

importers::Document ArticleFromRequest(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (type.rfind("application/json", 0) == 0) return JsonArticle(req);
  if (type.rfind("text/html", 0) == 0) return Unwrap(importers::ReadHtml(req.body));
  if (type.empty() || type.rfind("text/plain", 0) == 0)
    return Unwrap(importers::ReadText(req.body));
  Fail(415, "unsupported_media_type",
       "send application/json, text/plain or text/html, not " + type);
}

void PostArticle(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  ctx.AuthorizeWrite(req);
  if (req.body.empty()) Fail(400, "empty_body", "the article is empty");
  if (!ctx.options.extractor)
    Fail(503, "no_extractor", "this server was started without an extractor");
  core::IngestResult result =
      Unwrap(importers::IngestDocument(ctx.store, *ctx.options.extractor, ArticleFromRequest(req)));
  auto reader = ctx.store.Read();
  json nodes = json::array(), edges = json::array();
  std::vector<core::NodeId> ids = result.nodes;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (core::NodeId id : ids)
    if (auto n = reader->GetNode(id); n.ok()) nodes.push_back(NodeToJson(n.value()));
  for (const auto& key : result.edges)
    if (auto e = reader->GetEdge(key); e.ok()) edges.push_back(EdgeToJson(e.value()));
  SendJson(res, result.article_was_new ? 201 : 200,
           {{"article_id", IdToString(result.article_id)},
            {"new", result.article_was_new},
            {"nodes", nodes},
            {"edges", edges},
            {"extraction_limits", result.extraction_limits},
            {"added",
             {{"nodes", result.stats.nodes_added},
              {"edges", result.stats.edges_added},
              {"evidence", result.stats.evidence_added}}}});
}

void SendCuration(httplib::Response& res, const core::Curation& c) {
  SendJson(res, 200, {{"curation", c.ToJson()}});
}

void Merge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  core::NodeId from = IdText(req.matches[1], "the node id");
  json body = JsonBody(req);
  OnlyFields(body, {"into"});
  core::NodeId into = NodeField(*ctx.store.Read(), body, "into");
  SendCuration(res, Unwrap(core::MergeNodes(ctx.store, from, into, who)));
}

void Undo(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  core::CurationId id = IdText(req.matches[1], "the curation id");
  SendCuration(res, Unwrap(core::UndoCuration(ctx.store, id, who)));
}

void PatchNode(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  core::NodeId id = IdText(req.matches[1], "the node id");
  json body = JsonBody(req);
  OnlyFields(body, {"name", "type", "aliases"});
  core::NodeEdit edit;
  if (body.contains("name")) edit.name = StringField(body, "name");
  if (body.contains("type")) {
    edit.type = core::ParseNodeType(StringField(body, "type"));
    if (!edit.type) Fail(400, "invalid_type", "unknown node type '" + body["type"].dump() + "'");
  }
  if (body.contains("aliases")) {
    const json& a = body["aliases"];
    if (!a.is_array() ||
        !std::all_of(a.begin(), a.end(), [](const json& x) { return x.is_string(); }))
      Fail(400, "invalid_argument", "'aliases' must be an array of strings");
    edit.aliases = a.get<std::vector<std::string>>();
  }
  if (!edit.name && !edit.type && !edit.aliases)
    Fail(400, "missing_field", "nothing to change: give name, type or aliases");
  core::Curation c = Unwrap(core::EditNode(ctx.store, id, edit, who));
  SendJson(res, 200,
           {{"node", NodeToJson(Unwrap(ctx.store.Read()->GetNode(id)))}, {"curation", c.ToJson()}});
}

void DeleteEdge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  SendCuration(res, Unwrap(core::DeleteEdge(ctx.store, EdgeIdText(req.matches[1]), who)));
}

void DeleteEvidence(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  core::EdgeKey key = EdgeIdText(req.matches[1]);
  core::EvidenceId ev = IdText(req.matches[2], "the evidence id");
  SendCuration(res, Unwrap(core::DeleteEvidence(ctx.store, key, ev, who)));
}

// A curation without its before/after records (those are at /curations/{id}).
json Summary(const core::Curation& c) {
  json j = c.ToJson();
  j.erase("before");
  j.erase("after");
  return j;
}

void ListCurations(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  size_t limit = LimitParam(req, 50);
  core::CurationId after = 0;
  if (auto cursor = Param(req, "cursor")) after = IdText(*cursor, "the cursor");
  core::CurationPage page = core::ListCurations(*ctx.store.Read(), after, limit);
  json items = json::array();
  for (const auto& c : page.items) items.push_back(Summary(c));
  SendJson(res, 200,
           {{"items", items},
            {"next_cursor", page.next_after ? json(IdToString(*page.next_after)) : json(nullptr)}});
}

void GetCuration(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::CurationId id = IdText(req.matches[1], "the curation id");
  SendJson(res, 200, Unwrap(core::GetCuration(*ctx.store.Read(), id)).ToJson());
}

}  // namespace

void AddWriteRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Post("/api/v1/articles", Bound(ctx, PostArticle));
  routes.Post(R"(/api/v1/nodes/([^/]+)/merge)", Bound(ctx, Merge));
  routes.Patch(R"(/api/v1/nodes/([^/]+))", Bound(ctx, PatchNode));
  routes.Delete(R"(/api/v1/edges/([^/]+))", Bound(ctx, DeleteEdge));
  routes.Delete(R"(/api/v1/edges/([^/]+)/evidence/([^/]+))", Bound(ctx, DeleteEvidence));
  routes.Get("/api/v1/curations", Bound(ctx, ListCurations));
  // Curation ids are decimal: /curations/suggestions and /curations/distinct are other routes.
  routes.Get(R"(/api/v1/curations/([0-9]+))", Bound(ctx, GetCuration));
  routes.Post(R"(/api/v1/curations/([0-9]+)/undo)", Bound(ctx, Undo));
}

}  // namespace actorgraph::api
