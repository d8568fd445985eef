// Duplicate suggestions and distinct-actor judgements: GET /curations/suggestions ranks pairs
// of nodes that are likely one actor (core/duplicates.h), POST /curations/distinct records that
// two nodes are different actors (core/curation.h RecordDistinct), a curation step like a merge.
#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/curation.h"
#include "api_context.h"
#include "node_param.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

json ReasonToJson(const core::DuplicateReason& r) {
  json j = {{"code", r.code}, {"value", r.value}};
  if (!r.forms.empty()) j["forms"] = r.forms;
  return j;
}

void Suggestions(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  core::DuplicateQuery q;
  std::vector<core::NodeType> types = NodeTypesParam(req, "type");
  if (types.size() > 1) Fail(400, "invalid_argument", "suggestions take one 'type'");
  if (!types.empty()) q.type = types[0];
  q.limit = LimitParam(req, 50);
  q.cursor = Param(req, "cursor").value_or("");
  auto reader = ctx.store.Read();
  core::DuplicatePage page = Unwrap(ctx.duplicates.Page(*reader, q));
  json items = json::array();
  for (const auto& s : page.items) {
    json reasons = json::array();
    for (const auto& r : s.reasons) reasons.push_back(ReasonToJson(r));
    items.push_back({{"a", NodeToJson(Unwrap(reader->GetNode(s.a)))},
                     {"b", NodeToJson(Unwrap(reader->GetNode(s.b)))},
                     {"score", s.score},
                     {"merge_into", IdToString(s.survivor)},
                     {"reasons", std::move(reasons)}});
  }
  SendJson(res, 200,
           {{"items", std::move(items)},
            {"next_cursor", page.next_cursor.empty() ? json(nullptr) : json(page.next_cursor)}});
}

void Distinct(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string who = ctx.AuthorizeWrite(req);
  json body = JsonBody(req);
  OnlyFields(body, {"a", "b"});
  auto reader = ctx.store.Read();
  core::NodeId a = NodeField(*reader, body, "a"), b = NodeField(*reader, body, "b");
  SendJson(res, 200, {{"curation", Unwrap(core::RecordDistinct(ctx.store, a, b, who)).ToJson()}});
}

}  // namespace

void AddSuggestionRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Get("/api/v1/curations/suggestions", Bound(ctx, Suggestions));
  routes.Post("/api/v1/curations/distinct", Bound(ctx, Distinct));
}

}  // namespace actorgraph::api
