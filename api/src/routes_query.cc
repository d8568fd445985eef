// POST /api/v1/query: the openCypher subset of core/query.h over the current snapshot.
// {"query", "parameters", "limit", "timeout_ms"} -> {"columns", "rows", "row_count",
// "elapsed_ms"}; with Accept: application/jsonl, a {"columns"} line then one JSON array a row.
// A read: it runs on a read-only server and needs no token.
#include <chrono>

#include "actorgraph/api/query_json.h"
#include "api_context.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

constexpr size_t kDefaultQueryRows = 1000;
constexpr size_t kMaxQueryRows = 100000;
constexpr int64_t kDefaultQueryMillis = 10000;
constexpr int64_t kMaxQueryMillis = 60000;
constexpr size_t kMaxQueryBytes = 100 << 10;

int64_t IntField(const json& body, const char* name, int64_t fallback, int64_t min, int64_t max) {
  if (!body.contains(name)) return fallback;
  const json& v = body[name];
  if (!v.is_number_integer() || v.get<int64_t>() < min || v.get<int64_t>() > max)
    Fail(400, "invalid_" + std::string(name),
         "\"" + std::string(name) + "\" must be an integer in [" + std::to_string(min) + ", " +
             std::to_string(max) + "]");
  return v.get<int64_t>();
}

bool WantsJsonLines(const httplib::Request& req) {
  std::string accept = req.get_header_value("Accept");
  return accept.find("application/jsonl") != std::string::npos ||
         accept.find("application/x-ndjson") != std::string::npos;
}

void Query(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto started = std::chrono::steady_clock::now();
  json body = JsonBody(req);
  OnlyFields(body, {"query", "parameters", "limit", "timeout_ms"});
  if (!body.contains("query") || !body["query"].is_string())
    Fail(400, "missing_query", "the body needs \"query\": a string of openCypher");
  const std::string text = body["query"].get<std::string>();
  if (text.size() > kMaxQueryBytes)
    Fail(400, "query_too_long",
         "the query is " + std::to_string(text.size()) + " bytes long; the limit is " +
             std::to_string(kMaxQueryBytes));
  core::query::Parameters parameters;
  if (body.contains("parameters")) {
    std::string error;
    auto parsed = ParametersFromJson(body["parameters"], &error);
    if (!parsed) Fail(400, "invalid_parameters", error);
    parameters = std::move(*parsed);
  }
  core::query::QueryOptions options;
  options.max_rows = static_cast<size_t>(
      IntField(body, "limit", kDefaultQueryRows, 1, static_cast<int64_t>(kMaxQueryRows)));
  options.timeout = std::chrono::milliseconds(
      IntField(body, "timeout_ms", kDefaultQueryMillis, 1, kMaxQueryMillis));
  options.max_query_bytes = kMaxQueryBytes;
  auto snap = ctx.Snapshot();
  auto reader = ctx.store.Read();
  auto outcome = core::query::Run(snap, reader.get(), text, parameters, options);
  if (!outcome.ok()) {
    SendJson(res, outcome.error->http_status, QueryErrorToJson(*outcome.error));
    return;
  }
  const auto& result = outcome.result;
  if (WantsJsonLines(req)) {
    std::string out = json{{"columns", result.columns}}.dump() + "\n";
    for (const auto& row : result.rows) out += QueryRowToJson(*snap, row).dump() + "\n";
    res.status = 200;
    res.set_content(std::move(out), "application/jsonl");
    return;
  }
  json rows = json::array();
  for (const auto& row : result.rows) rows.push_back(QueryRowToJson(*snap, row));
  double elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  json reply = {{"columns", result.columns},
                {"rows", std::move(rows)},
                {"row_count", result.rows.size()},
                {"elapsed_ms", elapsed}};
  if (result.explain) reply["explain"] = true;
  SendJson(res, 200, reply);
}

}  // namespace

void AddQueryRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Post("/api/v1/query", Bound(ctx, Query), RouteTable::Access::kRead);
}

}  // namespace actorgraph::api
