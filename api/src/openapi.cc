// The OpenAPI 3 document of /api/v1, built once from the route table below.
#include "api_context.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

json Q(const char* name, const char* type, const char* description, bool required = false) {
  return {{"name", name},
          {"in", "query"},
          {"required", required},
          {"description", description},
          {"schema", {{"type", type}}}};
}

json P(const char* name, const char* description) {
  return {{"name", name},
          {"in", "path"},
          {"required", true},
          {"description", description},
          {"schema", {{"type", "string"}}}};
}

json Ref(const char* schema) { return {{"$ref", std::string("#/components/schemas/") + schema}}; }

// What an error status means; 403 and 415 name the codes of api/src/request_guard.h.
std::string ErrorDescription(int status, bool write) {
  switch (status) {
    case 401:
      return "unauthorized: the server has a token and the write sent none";
    case 403:
      return write ? "forbidden (wrong token), read_only, bad_origin (an Origin that is not the "
                     "server's own) or bad_host (a Host that does not name the server)"
                   : "bad_host: the Host header does not name the server (DNS rebinding)";
    case 415:
      return "unsupported_media_type: a write that is not application/json needs a valid "
             "bearer token (a page on another site can send text/plain or a form without a "
             "preflight; it cannot send a JSON body or the Authorization header)";
    case 503:
      return "writes fail (?writes=1 only): the body says why, as with 200";
    case 507:
      return "storage_full: no space left on the database's disk; nothing of the write was "
             "stored, and writes acknowledged before it stay. Send it again once writes work "
             "(GET /health?writes=1 answers 200): they resume by themselves when space is freed";
    default:
      return "error";
  }
}

json Op(const char* summary, json params, const char* ok_schema, std::vector<int> errors,
        bool write = false, const char* body_schema = nullptr, const char* ok_status = "200") {
  json responses = {
      {ok_status,
       {{"description", "OK"}, {"content", {{"application/json", {{"schema", Ref(ok_schema)}}}}}}}};
  errors.push_back(403);  // bad_host, on every request
  if (write) errors.insert(errors.end(), {401, 403, 415, 507});
  for (int status : errors)
    responses[std::to_string(status)] = {
        {"description", ErrorDescription(status, write)},
        {"content", {{"application/json", {{"schema", Ref("Error")}}}}}};
  json op = {{"summary", summary}, {"parameters", std::move(params)}, {"responses", responses}};
  if (write) op["security"] = json::array({{{"bearer", json::array()}}});
  if (body_schema)
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", Ref(body_schema)}}}}}};
  return op;
}

// The article bodies POST /articles takes besides JSON: the text or page itself.
json WithTextBodies(json op) {
  for (const char* type : {"text/plain", "text/html"})
    op["requestBody"]["content"][type] = {{"schema", {{"type", "string"}}}};
  return op;
}

json Limit(int fallback) {
  return Q("limit", "integer", ("page size, 1..1000, default " + std::to_string(fallback)).c_str());
}

json Filters() {
  return json::array({Q("edge_type", "string", "edge types, comma-separated"),
                      Q("node_type", "string", "types of the nodes reached, comma-separated"),
                      Q("since", "string", "YYYY-MM-DD: edges last seen on or after"),
                      Q("until", "string", "YYYY-MM-DD: edges first seen on or before"),
                      Q("min_confidence", "number", "0..1")});
}

json Concat(json a, const json& b) {
  for (const auto& x : b) a.push_back(x);
  return a;
}

json Obj(json properties) { return {{"type", "object"}, {"properties", std::move(properties)}}; }
json Str() { return {{"type", "string"}}; }
json Arr(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json Int() { return {{"type", "integer"}}; }
json Cursor() { return {{"type", "string"}, {"nullable", true}}; }

// The API version until which the deprecated list keys are kept.
constexpr const char* kListAliasesKeptUntil = "2";

// A list endpoint's answer: the list under "items", and under `old_key` the same list, a
// deprecated alias kept until kListAliasesKeptUntil (the compatibility note of the info).
json ListOf(json item, const char* old_key, json more = json::object()) {
  json list = Arr(item);
  json alias = list;
  alias["deprecated"] = true;
  alias["description"] = std::string(
                             "deprecated alias of 'items' (the same list), kept until API "
                             "version ") +
                         kListAliasesKeptUntil;
  list["description"] = "the list";
  more["items"] = std::move(list);
  more[old_key] = std::move(alias);
  return Obj(std::move(more));
}

// A parameter that names a node (api/src/node_param.h).
json NodeQ(const char* name, const char* what, bool required = false) {
  return Q(name, "string",
           (std::string(what) +
            ": a node id, or a name or alias (409 \"ambiguous\" with the candidates when it "
            "names several nodes, 404 when none)")
               .c_str(),
           required);
}

json Schemas() {
  json node = Obj({{"id", Str()},
                   {"type", Str()},
                   {"name", Str()},
                   {"aliases", Arr(Str())},
                   {"first_seen", Str()},
                   {"last_seen", Str()}});
  json edge = Obj({{"id", {{"type", "string"}, {"description", "<source>-<type>-<target>"}}},
                   {"source", Str()},
                   {"target", Str()},
                   {"type", Str()},
                   {"title", Str()},
                   {"confidence", {{"type", "number"}}},
                   {"evidence_count", {{"type", "integer"}}},
                   {"first_seen", Str()},
                   {"last_seen", Str()}});
  return {
      {"Error",
       Obj({{"error",
             Obj({{"code", Str()},
                  {"message",
                   {{"type", "string"},
                    {"description",
                     "409 on an undo: names the later curation step that touched the same "
                     "records, or says a later import did"}}},
                  {"candidates",
                   {{"type", "array"},
                    {"description",
                     "409 ambiguous: the nodes the name names, highest degree first"},
                    {"items",
                     Obj({{"id", Str()}, {"name", Str()}, {"type", Str()}, {"degree", Int()}})}}},
                  {"allow",
                   {{"type", "array"},
                    {"description", "405: the methods the path takes (also the Allow header)"},
                    {"items", Str()}}}})}})},
      {"Node", node},
      {"Edge", edge},
      {"Health", Obj({{"status", Str()},
                      {"writes", Str()},
                      {"writes_error", Obj({{"code", Str()}, {"message", Str()}})}})},
      {"Stats", Obj({{"nodes", {{"type", "object"}}},
                     {"edges", {{"type", "object"}}},
                     {"node_count", {{"type", "integer"}}},
                     {"edge_count", {{"type", "integer"}}},
                     {"articles", {{"type", "integer"}}},
                     {"evidence", {{"type", "integer"}}}})},
      {"SearchResults",
       ListOf(Obj({{"node", Ref("Node")},
                   {"score", {{"type", "number"}}},
                   {"match", {{"type", "string"}, {"enum", {"exact", "prefix", "fuzzy"}}}},
                   {"matched", Str()}}),
              "results")},
      {"NodeDetail",
       {{"allOf",
         {Ref("Node"), Obj({{"degree", Obj({{"out", {{"type", "object"}}},
                                            {"in", {{"type", "object"}}},
                                            {"total", {{"type", "integer"}}}})}})}}}},
      {"NeighborPage",
       Obj({{"total", {{"type", "integer"}}},
            {"items",
             Arr(Obj({{"edge", Ref("Edge")}, {"direction", Str()}, {"neighbor", Ref("Node")}}))},
            {"next_cursor", Cursor()}})},
      {"EdgeOrEdgePage",
       {{"description",
         "with 'target': the edge (EdgeDetail); without: a page of the source's "
         "edges of the type (NeighborPage)"},
        {"oneOf", {Ref("EdgeDetail"), Ref("NeighborPage")}}}},
      {"Cooccurrence",
       Obj({{"articles", {{"type", "integer"}}},
            {"items", Arr(Obj({{"node", Ref("Node")}, {"count", {{"type", "integer"}}}}))}})},
      {"EdgeDetail",
       {{"allOf",
         {Ref("Edge"),
          Obj({{"source_node", Ref("Node")},
               {"target_node", Ref("Node")},
               {"evidence", Arr(Obj({{"id", Str()},
                                     {"article_id", Str()},
                                     {"sentence", Str()},
                                     {"begin", {{"type", "integer"}}},
                                     {"end", {{"type", "integer"}}},
                                     {"confidence", {{"type", "number"}}},
                                     {"date", Str()},
                                     {"article", Obj({{"id", Str()},
                                                      {"title", Str()},
                                                      {"url", Str()},
                                                      {"date", Str()},
                                                      {"language", Str()},
                                                      {"author", Str()},
                                                      {"site_name", Str()}})}}))}})}}}},
      {"Paths",
       ListOf(Obj({{"length", Int()}, {"nodes", Arr(Ref("Node"))}, {"edges", Arr(Ref("Edge"))}}),
              "paths")},
      {"Subgraph", Obj({{"center", Str()},
                        {"nodes", Arr(Ref("Node"))},
                        {"edges", Arr(Ref("Edge"))},
                        {"truncated", {{"type", "boolean"}}}})},
      {"Analytics",
       {{"description", "components: ComponentList; the other metrics: MetricTop"},
        {"oneOf", {Ref("MetricTop"), Ref("ComponentList")}}}},
      {"MetricTop",
       ListOf(Obj({{"node", Ref("Node")}, {"score", {{"type", "number"}}}, {"degree", Int()}}),
              "results", {{"metric", Str()}, {"nodes", Int()}})},
      {"ComponentList", ListOf(Obj({{"size", Int()}, {"nodes", Arr(Ref("Node"))}}), "components",
                               {{"metric", Str()}, {"count", Int()}, {"total", Int()}})},
      {"Events", ListOf(Obj({{"node", Ref("Node")},
                             {"date", Str()},
                             {"locations", Arr(Ref("Node"))},
                             {"organizers", Arr(Ref("Node"))},
                             {"speakers", Arr(Ref("Node"))},
                             {"moderators", Arr(Ref("Node"))}}),
                        "events")},
      {"ArticleSummary",
       Obj({{"id", Str()},
            {"title", Str()},
            {"url", Str()},
            {"date", Str()},
            {"language", Str()},
            {"author",
             {{"type", "string"},
              {"description",
               "the byline's names, comma-separated; \"\" when "
               "the page names none"}}},
            {"canonical_url",
             {{"type", "string"}, {"description", "the page's <link rel=canonical> or og:url"}}},
            {"site_name",
             {{"type", "string"}, {"description", "og:site_name or the JSON-LD publisher"}}},
            {"counts", Obj({{"nodes", Int()}})}})},
      {"ArticlePage",
       Obj({{"items", Arr(Ref("ArticleSummary"))},
            {"next_cursor", Cursor()},
            {"total",
             {{"type", "integer"}, {"description", "every article; absent with since/until"}}}})},
      {"ArticleDetail",
       {{"allOf",
         {Ref("ArticleSummary"),
          Obj({{"content_hash", Str()},
               {"text", Str()},
               {"counts", Obj({{"nodes", Int()}, {"edges", Int()}, {"evidence", Int()}})},
               {"nodes", Arr(Ref("Node"))},
               {"edges",
                Arr({{"allOf", {Ref("Edge"), Obj({{"evidence", Arr(Ref("Evidence"))}})}}})}})}}}},
      {"Evidence",
       Obj({{"id", Str()},
            {"article_id", Str()},
            {"sentence", Str()},
            {"begin", {{"type", "integer"}, {"description", "byte offset in the text"}}},
            {"end", Int()},
            {"confidence", {{"type", "number"}}},
            {"extractor_version", Str()},
            {"date", Str()}})},
      {"ArticleIn",
       Obj({{"url", Str()},
            {"title", Str()},
            {"date",
             {{"type", "string"},
              {"description", "YYYY-MM-DD, a day of the calendar (else 400 invalid_date)"}}},
            {"text", Str()},
            {"html", Str()},
            {"author", {{"type", "string"}, {"description", "the byline; over the page's"}}},
            {"canonical_url", Str()},
            {"site_name", Str()}})},
      {"Ingested",
       Obj({{"article_id", Str()},
            {"new", {{"type", "boolean"}}},
            {"nodes", Arr(Ref("Node"))},
            {"edges", Arr(Ref("Edge"))},
            {"extraction_limits",
             {{"type", "array"},
              {"items", {{"type", "string"}, {"enum", {"sentence_split", "mentions_capped"}}}},
              {"description",
               "the extraction caps the article hit: a sentence over 200 tokens read in pieces, "
               "mentions past 2000 not extracted; the article is stored"}}}})},
      {"MergeIn", Obj({{"into",
                        {{"type", "string"},
                         {"description",
                          "the survivor: a node id, or a name or alias (409 \"ambiguous\" "
                          "with the candidates when it names several nodes)"}}}})},
      {"DistinctIn",
       Obj({{"a", {{"type", "string"}, {"description", "a node id, or a name or alias"}}},
            {"b", {{"type", "string"}, {"description", "a node id, or a name or alias"}}}})},
      {"SuggestionPage",
       Obj({{"items",
             Arr(Obj(
                 {{"a", Ref("Node")},
                  {"b", Ref("Node")},
                  {"score", {{"type", "number"}, {"description", "0..1, higher is likelier"}}},
                  {"merge_into", {{"type", "string"}, {"description", "the node to keep"}}},
                  {"reasons", Arr(Obj({{"code",
                                        {{"type", "string"},
                                         {"enum",
                                          {"same_name", "same_core_name", "same_words", "acronym",
                                           "name_contained", "similar_name", "shared_neighbors",
                                           "adds_place", "co_mentioned", "type_differs"}}}},
                                       {"value", {{"description", "the code's figure or key"}}},
                                       {"forms", Arr(Str())}}))}}))},
            {"next_cursor", {{"type", "string"}, {"nullable", true}}}})},
      {"NodeEdit", Obj({{"name", Str()}, {"type", Str()}, {"aliases", Arr(Str())}})},
      {"Curation", Obj({{"id", Str()},
                        {"kind", Str()},
                        {"who", Str()},
                        {"when", Str()},
                        {"what", {{"type", "object"}}},
                        {"before", {{"type", "object"}}},
                        {"after", {{"type", "object"}}},
                        {"undone_by", Str()},
                        {"undoes", Str()}})},
      {"CurationResult", Obj({{"curation", Ref("Curation")}, {"node", Ref("Node")}})},
      {"CurationPage", Obj({{"items", Arr(Ref("Curation"))}, {"next_cursor", Cursor()}})},
      {"Export",
       {{"type", "string"},
        {"description", "GraphML, GEXF, Cytoscape JSON, CSV or JSON Lines, streamed"}}},
      {"Feed",
       Obj({{"id", {{"type", "string"}, {"description", "16 hex digits, a hash of the url"}}},
            {"url", Str()},
            {"interval_seconds", Int()},
            {"added", {{"type", "string"}, {"description", "ISO 8601 UTC"}}},
            {"last_poll",
             {{"type", "string"},
              {"nullable", true},
              {"description", "the last poll, any outcome"}}},
            {"last_success",
             {{"type", "string"},
              {"nullable", true},
              {"description", "the last poll that read the feed (200 or 304)"}}},
            {"next_poll",
             {{"type", "string"},
              {"nullable", true},
              {"description",
               "after the interval, or a backoff (interval x 2^failures, at most a "
               "day) after errors"}}},
            {"polls", Int()},
            {"items_seen", {{"type", "integer"}, {"description", "distinct items met"}}},
            {"items_ingested",
             {{"type", "integer"}, {"description", "items whose page was fetched and ingested"}}},
            {"items_failed", {{"type", "integer"}, {"description", "page fetches that failed"}}},
            {"consecutive_failures", Int()},
            {"last_error",
             {{"type", "string"},
              {"nullable", true},
              {"description",
               "why the last poll failed (HTTP 404, timed out, robots.txt "
               "disallows it, not an RSS or Atom feed, ...); null after a success"}}},
            {"last_item_error",
             {{"type", "string"},
              {"nullable", true},
              {"description", "the last item page that failed: \"<url>: <reason>\""}}}})},
      {"FeedPage", Obj({{"items", Arr(Ref("Feed"))}, {"total", Int()}})},
      {"FeedIn",
       Obj({{"url",
             {{"type", "string"}, {"description", "the feed's http(s) URL (RSS 2.0 or Atom)"}}},
            {"interval_seconds",
             {{"type", "integer"},
              {"description", "seconds between polls, 1..604800, default 900"}}}})},
      {"FeedRemoved", Obj({{"removed", Str()}})},
      {"OpenApi", {{"type", "object"}}},
      {"QueryRequest",
       Obj({{"query",
             {{"type", "string"},
              {"description",
               "openCypher, read-only subset (README.md, \"Query language\"): MATCH / OPTIONAL "
               "MATCH with node types as labels and edge types (works_for or `works-for`), "
               "*min..max, WHERE, WITH, RETURN, DISTINCT, ORDER BY, SKIP, LIMIT, count, "
               "collect, min, max, sum, avg, $parameters; EXPLAIN shows the plan. At most "
               "100 KB"}}},
            {"parameters",
             {{"type", "object"},
              {"description", "values of $name: strings, numbers, booleans, null or lists"}}},
            {"limit", {{"type", "integer"}, {"description", "row limit, 1..100000 (1000)"}}},
            {"timeout_ms",
             {{"type", "integer"}, {"description", "time limit, 1..60000 ms (10000)"}}}})},
      {"QueryResult",
       Obj({{"columns", Arr(Str())},
            {"rows",
             {{"type", "array"},
              {"description",
               "one array a row, in column order; nodes and edges are Node and Edge objects"},
              {"items", {{"type", "array"}, {"items", json::object()}}}}},
            {"row_count", {{"type", "integer"}}},
            {"elapsed_ms", {{"type", "number"}}},
            {"explain", {{"type", "boolean"}, {"description", "EXPLAIN: rows are plan lines"}}}})},
  };
}

json Document() {
  json id = P("id", "node id (decimal)");
  json edge_id = P("edge_id", "<source>-<type>-<target>");
  json paths = {
      {"/health",
       {{"get",
         Op("Liveness, and whether writes work: status ok|degraded, writes "
            "ok|degraded|read_only, writes_error {code: storage_full|storage_error, message} "
            "while writes fail",
            {Q("writes", "integer",
               "1: answer 503 unless writes work (a probe for whoever routes writes)")},
            "Health", {503})}}},
      {"/stats", {{"get", Op("Counts per node and edge type", json::array(), "Stats", {})}}},
      {"/search",
       {{"get", Op("Search names and aliases: exact > prefix > fuzzy, then degree",
                   {Q("q", "string", "the name", true),
                    Q("type", "string", "node types, comma-separated"), Limit(20)},
                   "SearchResults", {400})}}},
      {"/nodes/{id}",
       {{"get", Op("A node with its degree per edge type", {id}, "NodeDetail", {400, 404})},
        {"patch", Op("Edit a node (name, type, aliases); recorded as a curation", {id},
                     "CurationResult", {400, 404, 409}, true, "NodeEdit")}}},
      {"/nodes/{id}/neighbors",
       {{"get", Op("One page of a node's edges and neighbours, and their total",
                   Concat(json::array({id, Q("direction", "string", "out, in or both (default)"),
                                       Limit(50),
                                       Q("cursor", "string", "next_cursor of the previous page")}),
                          Filters()),
                   "NeighborPage", {400, 404})}}},
      {"/nodes/{id}/cooccurrence",
       {{"get", Op("Actors named in the same articles, with counts", {id, Limit(20)},
                   "Cooccurrence", {400, 404})}}},
      {"/nodes/{id}/merge",
       {{"post", Op("Merge this node into another (undoable)", {id}, "CurationResult",
                    {400, 404, 409}, true, "MergeIn")}}},
      {"/edges/{edge_id}",
       {{"get", Op("An edge with its evidence and articles", {edge_id}, "EdgeDetail", {400, 404})},
        {"delete", Op("Delete an edge; ingestion will not bring it back", {edge_id},
                      "CurationResult", {400, 404}, true)}}},
      {"/edges",
       {{"get",
         Op("With target: the edge of this type between source and target. Without: a page of "
            "the source's edges of this type, like /nodes/{id}/neighbors",
            json::array({NodeQ("source", "the source", true),
                         Q("type", "string", "edge type", true),
                         NodeQ("target", "the target (absent: list the source's edges)"),
                         Q("direction", "string",
                           "without target: out (default), in or both; symmetric types "
                           "(partners-with) are always both"),
                         Limit(50), Q("cursor", "string", "next_cursor of the previous page"),
                         Q("node_type", "string", "without target: far node types"),
                         Q("since", "string", "without target: YYYY-MM-DD"),
                         Q("until", "string", "without target: YYYY-MM-DD"),
                         Q("min_confidence", "number", "without target: 0..1")}),
            "EdgeOrEdgePage", {400, 404, 409})}}},
      {"/edges/{edge_id}/evidence/{evidence_id}",
       {{"delete", Op("Delete one piece of evidence", {edge_id, P("evidence_id", "evidence id")},
                      "CurationResult", {400, 404}, true)}}},
      {"/paths",
       {{"get",
         Op("The shortest path and up to k shortest simple paths (undirected)",
            Concat(json::array({NodeQ("from", "the start", true), NodeQ("to", "the end", true),
                                Q("max_depth", "integer", "1..8, default 6"),
                                Q("k", "integer", "1..20, default 1")}),
                   Filters()),
            "Paths", {400, 404, 409})}}},
      {"/subgraph",
       {{"get", Op("The ego network of a node, cut at max_nodes",
                   Concat(json::array({NodeQ("center", "the center", true),
                                       Q("depth", "integer", "0..4, default 1"),
                                       Q("max_nodes", "integer", "1..5000, default 200")}),
                          Filters()),
                   "Subgraph", {400, 404, 409})}}},
      {"/analytics/{metric}",
       {{"get",
         Op("pagerank, betweenness, degree or components over the graph (cached until it changes)",
            {P("metric", "pagerank | betweenness | degree | components"),
             Q("type", "string", "list only these node types"),
             Q("edge_type", "string", "compute over these edge types only"), Limit(20)},
            "Analytics", {400, 404, 422})}}},
      {"/events",
       {{"get", Op("A timeline of events with places, organisers, speakers, moderators",
                   {Q("from", "string", "YYYY-MM-DD"), Q("to", "string", "YYYY-MM-DD"),
                    Q("location", "string",
                      "a location: its id, or its name or alias (409 when it names several)"),
                    Limit(100)},
                   "Events", {400, 404, 409})}}},
      {"/articles",
       {{"get",
         Op("A page of the stored articles, in id order, with the number of nodes each names",
            {Limit(50), Q("cursor", "string", "next_cursor of the previous page"),
             Q("since", "string", "YYYY-MM-DD: articles dated on or after"),
             Q("until", "string",
               "YYYY-MM-DD: articles dated on or before (with a date filter a page may "
               "hold fewer than limit items and still have a next_cursor)")},
            "ArticlePage", {400})},
        {"post", WithTextBodies(Op(
                     "Ingest one article (JSON, text/plain or text/html; text bodies from "
                     "a page need the bearer token); 201 new, 200 already known; 400 "
                     "invalid_date, duplicate_key; 422 too_complex when its extraction "
                     "passed the CPU budget (2 s), not stored",
                     json::array(), "Ingested", {400, 413, 415, 422}, true, "ArticleIn", "201"))}}},
      {"/articles/{id}",
       {{"get", Op("An article with the nodes it names and the edges it gives evidence for, each "
                   "with that evidence (sentence, offsets into the text)",
                   {P("id", "article id (decimal)")}, "ArticleDetail", {400, 404})}}},
      {"/curations",
       {{"get", Op("Curation steps, oldest first",
                   {Limit(50), Q("cursor", "string", "next_cursor")}, "CurationPage", {400})}}},
      {"/curations/suggestions",
       {{"get", Op("Pairs of nodes that are likely one actor, best first",
                   {Q("type", "string", "pairs with a node of this type"), Limit(50),
                    Q("cursor", "string", "next_cursor")},
                   "SuggestionPage", {400})}}},
      {"/curations/distinct",
       {{"post", Op("Record that two nodes are different actors (undoable; imports honour it)",
                    json::array(), "CurationResult", {400, 404, 409}, true, "DistinctIn")}}},
      {"/curations/{id}",
       {{"get", Op("One curation step with its before/after records", {P("id", "curation id")},
                   "Curation", {400, 404})}}},
      {"/curations/{id}/undo",
       {{"post", Op("Undo a curation step exactly", {P("id", "curation id")}, "CurationResult",
                    {400, 404, 409}, true)}}},
      {"/export",
       {{"get", Op("The graph or an ego network as a file, streamed",
                   {Q("format", "string", "graphml, gexf, cytoscape, csv or jsonl", true),
                    Q("table", "string", "csv: nodes or edges"), NodeQ("center", "the center"),
                    Q("depth", "integer", "0..4")},
                   "Export", {400, 404, 409})}}},
      {"/feeds",
       {{"get", Op("The followed feeds with their last poll, items seen and ingested, last error "
                   "(polled by `serve --follow` and `actorgraph follow`)",
                   json::array(), "FeedPage", {})},
        {"post", Op("Follow a feed (200 with its state when it is already followed; its interval "
                    "is updated); the follower polls it at its next round",
                    json::array(), "Feed", {400}, true, "FeedIn", "201")}}},
      {"/feeds/{id}",
       {{"get", Op("One followed feed", {P("id", "feed id")}, "Feed", {400, 404})},
        {"delete", Op("Stop following a feed (its items stay seen)", {P("id", "feed id")},
                      "FeedRemoved", {400, 404}, true)}}},
      {"/openapi.json", {{"get", Op("This document", json::array(), "OpenApi", {})}}},
      {"/query",
       {{"post", [] {
          json op = Op("Run a read-only openCypher query (a read: no token, served read-only)",
                       json::array(), "QueryResult", {400, 408, 415}, false, "QueryRequest");
          // A POST that reads: no token, served read-only; the guard's Host, Origin and
          // media-type rules for POSTs still hold (403, 415).
          op["x-read-only"] = true;
          op["responses"]["415"]["description"] =
              "unsupported_media_type: a body that is not application/json from a web page";
          op["responses"]["200"]["content"]["application/jsonl"] = {
              {"schema",
               {{"type", "string"},
                {"description",
                 "with Accept: application/jsonl: a {\"columns\"} line, then one JSON array "
                 "a row"}}}};
          op["responses"]["400"]["description"] =
              "syntax_error, unsupported, unknown_label, unknown_property, unknown_variable, "
              "type_mismatch, missing_parameter, invalid_parameters, query_too_long, too_deep, "
              "too_many_rows or too_large; error.position {offset, line, column} locates the "
              "construct";
          op["responses"]["408"]["description"] = "timeout: the query ran past its time limit";
          return op;
        }()}}},
  };
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "actorgraph graph API"},
        {"version", "1.1"},
        {"description",
         std::string("Ids are decimal strings. Errors are {\"error\": {\"code\", \"message\"}}; a "
                     "known path asked with a method it does not take answers 405 with an Allow "
                     "header. Parameters that name a node take its id or its name or alias.\n\n"
                     "Writes (POST, PATCH, DELETE) need the bearer token when the server has "
                     "one; a server without one (loopback only) takes application/json bodies, "
                     "and other bodies only from requests without an Origin (programs, not "
                     "pages). Every request "
                     "must name the server in its Host header, and a write's Origin, when sent, "
                     "must be the server's own: a page on another site can neither write nor "
                     "reach the server by DNS rebinding. No CORS headers are sent.\n\n"
                     "Compatibility (1.1): every list endpoint answers its list under \"items\" "
                     "(with \"next_cursor\" where it pages, \"total\" where known). The keys "
                     "lists had before — \"results\" (search, analytics), \"components\" "
                     "(analytics/components), \"events\" (events), \"paths\" (paths) — still "
                     "carry the same list, are deprecated, and are kept until API version ") +
             kListAliasesKeptUntil + "."}}},
      {"servers", json::array({{{"url", "/api/v1"}}})},
      {"paths", paths},
      {"components",
       {{"schemas", Schemas()},
        {"securitySchemes",
         {{"bearer",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"description",
             "the token of `actorgraph serve --token`, $ACTORGRAPH_TOKEN, or the one serve "
             "makes and prints with --token-file or on a non-loopback host (kept in "
             "<db>/api-token); a loopback server without one needs none"}}}}}}}};
}

}  // namespace

const std::string& OpenApiDocument() {
  static const std::string doc = Document().dump();
  return doc;
}

}  // namespace actorgraph::api
