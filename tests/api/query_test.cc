// POST /api/v1/query end to end: a real server on 127.0.0.1 over a real RocksDB store; the
// answers' shapes (the API's node and edge objects), JSON Lines, parameters, a read-only
// server, and bad input (a 1 MB query, 10,000 levels of nesting, an exploding expansion, a
// parameter of the wrong type) answered with a 4xx in time while the server keeps serving.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>

#include "api/named_graph.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

Reply QueryBody(const LiveServer& s, const json& body) {
  return Send(s, "POST", "/api/v1/query", body.dump());
}

Reply Query(const LiveServer& s, const std::string& text, json params = json::object()) {
  return QueryBody(s, json{{"query", text}, {"parameters", params}});
}

void CheckServing(const LiveServer& s) {
  auto health = Get(s, "/api/v1/health");
  CHECK(health.status == 200);
  auto r = Query(s, "MATCH (n) RETURN count(*) AS c");
  REQUIRE(r.status == 200);
  int count = r.body["rows"][0][0].get<int>();
  CHECK(count > 0);
}

TEST_CASE("query endpoint: rows hold the API's own node and edge objects", "[api][query]") {
  auto& s = NamedServer();
  auto r = Query(s,
                 "MATCH (p:person)-[r:works_for]->(o {name: $org}) RETURN p, r, o.name AS org "
                 "ORDER BY p.id",
                 {{"org", "Siemens AG"}});
  REQUIRE(r.status == 200);
  CHECK(r.body["columns"] == json::array({"p", "r", "org"}));
  REQUIRE(r.body["rows"].size() == 2);
  CHECK(r.body["row_count"] == 2);
  const json& first = r.body["rows"][0];
  // The same objects GET /nodes/{id} and the edge listing give.
  auto node = Get(s, "/api/v1/nodes/" + std::to_string(named::kAnnaA));
  for (const char* key : {"id", "name", "type", "aliases", "first_seen", "last_seen"})
    CHECK(first[0][key] == node.body[key]);
  CHECK(first[1]["id"] == "21-works-for-11");
  CHECK(first[1]["source"] == "21");
  CHECK(first[1]["target"] == "11");
  CHECK(first[1]["type"] == "works-for");
  CHECK(first[2] == "Siemens AG");
  CHECK(r.body["rows"][1][0]["name"] == "Li Wei");
}

TEST_CASE("query endpoint: a name lookup matches the name exactly, not its folded form",
          "[api][query]") {
  auto& s = NamedServer();
  // The folded index finds "siemens ag" and the alias "Siemens"; the equality does not hold.
  CHECK(Query(s, "MATCH (n {name: 'siemens ag'}) RETURN n").body["rows"].empty());
  CHECK(Query(s, "MATCH (n {name: 'Siemens'}) RETURN n").body["rows"].empty());
  CHECK(Query(s, "MATCH (n) WHERE 'Siemens' IN n.aliases RETURN n.id").body["rows"] ==
        json::array({json::array({"11"})}));
  // Two people share a name: both, and the merged-away company is not a node any more.
  CHECK(
      Query(s, "MATCH (n:person {name: 'Anna Schmidt'}) RETURN n.id ORDER BY n.id").body["rows"] ==
      json::array({json::array({"21"}), json::array({"22"})}));
  CHECK(Query(s, "MATCH (n {id: '14'}) RETURN n").body["rows"].empty());
  auto plan = Query(s, "EXPLAIN MATCH (n {name: 'Li Wei'})-[:speaks_at]->(e) RETURN e");
  REQUIRE(plan.status == 200);
  CHECK(plan.body["explain"] == true);
  CHECK(plan.body["rows"][1][0].get<std::string>().find("by name") != std::string::npos);
}

TEST_CASE("query endpoint: JSON Lines with Accept: application/jsonl", "[api][query]") {
  auto& s = NamedServer();
  auto c = s.Client();
  auto res = c->Post("/api/v1/query", {{"Accept", "application/jsonl"}},
                     json{{"query", "MATCH (p:person) RETURN p.name AS name ORDER BY name"}}.dump(),
                     "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("application/jsonl") == 0);
  std::vector<json> lines;
  std::stringstream ss(res->body);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == json{{"columns", {"name"}}});
  CHECK(lines[1] == json::array({"Anna Schmidt"}));
  CHECK(lines[3] == json::array({"Li Wei"}));
}

TEST_CASE("query endpoint: refusals are 400 with the code and position", "[api][query]") {
  auto& s = NamedServer();
  auto syntax = Query(s, "MATCH (n RETURN n");
  CHECK(syntax.status == 400);
  CHECK(ErrorCode(syntax) == "syntax_error");
  CHECK(syntax.body["error"]["position"] == json{{"offset", 9}, {"line", 1}, {"column", 10}});
  auto write = Query(s, "MATCH (n) DETACH DELETE n");
  CHECK(write.status == 400);
  CHECK(ErrorCode(write) == "unsupported");
  CHECK(write.body["error"]["message"].get<std::string>().find("DETACH") != std::string::npos);
  CHECK(Query(s, "MATCH (n:persons) RETURN n").status == 400);
  CHECK(ErrorCode(QueryBody(s, json{{"text", "RETURN 1"}})) == "unknown_field");
  CHECK(ErrorCode(QueryBody(s, json{{"query", 5}})) == "missing_query");
  CHECK(ErrorCode(QueryBody(s, json{{"query", "RETURN 1"}, {"limit", 0}})) == "invalid_limit");
  CHECK(ErrorCode(QueryBody(s, json{{"query", "RETURN 1"}, {"timeout_ms", "soon"}})) ==
        "invalid_timeout_ms");
  CHECK(ErrorCode(Query(s, "RETURN $p", {{"p", {{"nested", 1}}}})) == "invalid_parameters");
  CHECK(ErrorCode(Query(s, "RETURN $p", {{"p", {{1, 2}}}})) == "invalid_parameters");
  auto rows = QueryBody(s, json{{"query", "MATCH (n) RETURN n"}, {"limit", 3}});
  CHECK(rows.status == 400);
  CHECK(ErrorCode(rows) == "too_many_rows");
  CHECK(QueryBody(s, json{{"query", "MATCH (n) RETURN n LIMIT 3"}, {"limit", 3}}).status == 200);
  // The document lists the route.
  auto doc = Get(s, "/api/v1/openapi.json");
  CHECK(doc.body["paths"].contains("/query"));
}

TEST_CASE("query endpoint: a read-only server answers queries", "[api][query]") {
  api::ServerOptions ro;
  ro.read_only = true;
  LiveServer s(ro, false);
  BuildNamedGraph(s.store());
  auto r = Query(s, "MATCH (e:event)<-[:speaks_at]-(p) RETURN count(p) AS speakers");
  REQUIRE(r.status == 200);
  CHECK(r.body["rows"] == json::array({json::array({2})}));
  CHECK(ErrorCode(Send(s, "POST", "/api/v1/articles", R"({"text": "x"})")) == "read_only");
}

TEST_CASE("query endpoint: bad input is a 4xx in time and the server keeps serving",
          "[api][query][bad_input]") {
  auto& s = CorpusServer();
  using Clock = std::chrono::steady_clock;
  auto within = [](Clock::time_point start, int seconds) {
    return Clock::now() - start < std::chrono::seconds(seconds);
  };

  SECTION("a query 1 MB long") {
    auto start = Clock::now();
    auto r = Query(s, "RETURN '" + std::string(1 << 20, 'x') + "'");
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "query_too_long");
    CHECK(within(start, 2));
  }
  SECTION("nesting 10,000 deep") {
    auto start = Clock::now();
    for (const std::string& q :
         {"RETURN " + std::string(10000, '(') + "1" + std::string(10000, ')'),
          "RETURN " + std::string(10000, '[') + std::string(10000, ']'),
          "MATCH (n) WHERE " + std::string(10000, '(') + "n.name = 'x'" + std::string(10000, ')') +
              " RETURN n"}) {
      auto r = Query(s, q);
      CHECK(r.status == 400);
      CHECK(ErrorCode(r) == "too_deep");
    }
    std::string nots;
    for (int i = 0; i < 10000; ++i) nots += "NOT ";
    CHECK(ErrorCode(Query(s, "MATCH (n) WHERE " + nots + "true RETURN n")) == "too_deep");
    CHECK(within(start, 2));
  }
  SECTION("an expansion that explodes") {
    for (const char* q :
         {"MATCH (a)-[*1..10]-(b) RETURN count(*)", "MATCH (a), (b), (c), (d) RETURN count(*)",
          "MATCH (a)-[*1..10]-(b)--(c) RETURN a, c ORDER BY a.name"}) {
      INFO(q);
      auto start = Clock::now();
      // Another client is served while the query runs.
      auto running = std::async(std::launch::async, [&] {
        return QueryBody(s, json{{"query", q}, {"timeout_ms", 500}, {"limit", 100000}});
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      auto health_start = Clock::now();
      CHECK(Get(s, "/api/v1/health").status == 200);
      CHECK(Clock::now() - health_start < std::chrono::milliseconds(250));
      auto r = running.get();
      CHECK((r.status == 408 || r.status == 400));
      CHECK((ErrorCode(r) == "timeout" || ErrorCode(r) == "too_large"));
      CHECK(within(start, 3));
    }
  }
  SECTION("a parameter of the wrong type") {
    auto start = Clock::now();
    auto name = Query(s, "MATCH (n) WHERE n.name = $name RETURN n", {{"name", 42}});
    CHECK(name.status == 400);
    CHECK(ErrorCode(name) == "type_mismatch");
    CHECK(name.body["error"]["position"]["column"] == 17);
    CHECK(ErrorCode(Query(s, "MATCH (n) RETURN n LIMIT $k", {{"k", "ten"}})) == "type_mismatch");
    CHECK(ErrorCode(Query(s, "MATCH (n) WHERE n.id IN $ids RETURN n", {{"ids", "1"}})) ==
          "type_mismatch");
    CHECK(ErrorCode(Query(s, "MATCH ()-[r]->() WHERE r.confidence > $c RETURN r",
                          {{"c", {0.5}}})) == "type_mismatch");
    CHECK(ErrorCode(Query(s, "MATCH (n) WHERE n.name = $missing RETURN n")) == "missing_parameter");
    CHECK(within(start, 2));
  }
  CheckServing(s);
}

}  // namespace
