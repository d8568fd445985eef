// End-to-end: ingestion over HTTP, curation (merge, undo, edit, delete) and write safety.
#include <catch2/catch.hpp>

#include "actorgraph/api/json_codec.h"
#include "api/api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

const char* kToken = "s3cret";

api::ServerOptions WithToken() {
  api::ServerOptions o;
  o.token = std::string("alice=") + kToken;
  return o;
}

// POST /api/v1/articles with the token.
Reply Ingest(const LiveServer& s, const std::string& body,
             const std::string& type = "application/json") {
  return Send(s, "POST", "/api/v1/articles", body, kToken, type);
}

// Everything that makes up the graph, read straight from the store: counts, nodes, edges with
// their evidence, and the name index.
json Fingerprint(core::GraphStore& store) {
  auto reader = store.Read();
  json nodes = json::array(), edges = json::array(), index = json::array();
  REQUIRE(reader
              ->ForEachNode([&](const core::Node& n) {
                json j = api::NodeToJson(n);
                j["merged_into"] = n.merged_into;
                nodes.push_back(j);
                return true;
              })
              .ok());
  REQUIRE(reader
              ->ForEachEdge([&](const core::Edge& e) {
                json j = api::EdgeToJson(e);
                j["evidence"] = json::array();
                auto evidence = reader->GetEvidence(e.key);
                REQUIRE(evidence.ok());
                for (const auto& ev : evidence.value())
                  j["evidence"].push_back(api::EvidenceToJson(ev));
                j["degree_src"] = api::DegreeToJson(reader->GetDegree(e.key.src));
                edges.push_back(j);
                return true;
              })
              .ok());
  for (const auto& entry : reader->LookupPrefix("", SIZE_MAX))
    index.push_back({entry.folded_name, entry.node});
  return {{"counts", api::CountsToJson(reader->Counts())},
          {"nodes", nodes},
          {"edges", edges},
          {"index", index}};
}

// Compares two fingerprints part by part, printing the JSON patch between them on a mismatch.
void CheckSame(const json& got, const json& want) {
  for (const char* part : {"counts", "nodes", "edges", "index"}) {
    INFO(part
         << ": "
         << json::diff(want[part], got[part]).dump(1, ' ', false, json::error_handler_t::replace));
    CHECK((got[part] == want[part]));
  }
}

std::string ExactId(const LiveServer& s, const std::string& name) {
  auto r = Get(s, "/api/v1/search?q=" + httplib::detail::encode_query_param(name));
  REQUIRE(r.status == 200);
  REQUIRE(!r.body["results"].empty());
  REQUIRE(r.body["results"][0]["match"] == "exact");
  return r.body["results"][0]["node"]["id"];
}

std::string BoschArticle() { return ReadFile(CorpusDir() + "/bosch-china-xu-daquan-2024.txt"); }

json ArticleJson(const std::string& text) {
  return {{"url", "https://example.org/bosch"},
          {"title", "Bosch bets on China"},
          {"date", "2024-03-01"},
          {"text", text}};
}

}  // namespace

TEST_CASE("POST /articles ingests JSON, text and HTML once", "[api][write]") {
  LiveServer s(WithToken(), false);
  std::string text = BoschArticle();
  auto first = Ingest(s, ArticleJson(text).dump());
  REQUIRE(first.status == 201);
  CHECK(first.body["new"] == true);
  CHECK(first.body["nodes"].size() >= 3);
  CHECK(!first.body["edges"].empty());
  for (const auto& e : first.body["edges"]) CHECK(e["evidence_count"].get<int>() >= 1);
  auto stats = Get(s, "/api/v1/stats");
  CHECK(stats.body["articles"] == 1);
  CHECK(stats.body["node_count"].get<size_t>() >= first.body["nodes"].size());

  auto again = Ingest(s, ArticleJson(text).dump());
  CHECK(again.status == 200);
  CHECK(again.body["new"] == false);
  CHECK(again.body["article_id"] == first.body["article_id"]);
  CHECK(Get(s, "/api/v1/stats").body == stats.body);

  auto plain = Ingest(s,
                      "Siemens opens a plant\n\nKarl Weber, head of Siemens Energy, spoke at the "
                      "Hanover Fair in Hanover.",
                      "text/plain");
  CHECK(plain.status == 201);
  auto html = Ingest(
      s,
      "<html><head><title>Forum</title></head><body><article><h1>Forum opens</h1><p>Maria Rossi, "
      "CEO of Rossi Robotics, spoke at the Milan Robotics Forum in "
      "Milan.</p></article></body></html>",
      "text/html");
  CHECK(html.status == 201);
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 3);

  CHECK(ErrorCode(Ingest(s, "")) == "empty_body");
  CHECK(ErrorCode(Ingest(s, "{\"title\":\"x\"}")) == "missing_field");
  CHECK(ErrorCode(Ingest(s, "{\"text\":5}")) == "invalid_argument");
  CHECK(ErrorCode(Ingest(s, "{\"text\":\"a\",\"date\":\"May\"}")) == "invalid_date");
  CHECK(ErrorCode(Ingest(s, "{not json")) == "invalid_json");
  CHECK(ErrorCode(Ingest(s, "[1]")) == "invalid_json");
  CHECK(ErrorCode(Ingest(s, std::string(100, '[') + std::string(100, ']'))) == "json_too_deep");
  CHECK(Ingest(s, "x", "image/png").status == 415);
  CHECK(ErrorCode(Ingest(s, "{\"text\":\"a\",\"bogus\":1}")) == "unknown_field");
  httplib::Headers gzip{{"Content-Encoding", "gzip"}};
  auto compressed = ToReply(s.Client(kToken)->Post("/api/v1/articles", gzip,
                                                   std::string("\x1f\x8b\x08\0", 4), "text/plain"));
  CHECK(compressed.status == 415);
  CHECK(ErrorCode(compressed) == "unsupported_encoding");
  auto huge = Ingest(s, std::string(9 << 20, 'a'), "text/plain");
  CHECK(huge.status == 413);
  CHECK(ErrorCode(huge) == "body_too_large");
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 3);
}

TEST_CASE("writes need the token; reads do not; read-only refuses writes", "[api][write][auth]") {
  LiveServer s(WithToken(), false);
  std::string body =
      ArticleJson("Anna Berg, director of Nordic Steel, spoke at the Oslo Steel Forum.").dump();
  auto none = Send(s, "POST", "/api/v1/articles", body);
  CHECK(none.status == 401);
  CHECK(ErrorCode(none) == "unauthorized");
  auto wrong = Send(s, "POST", "/api/v1/articles", body, "guess");
  CHECK(wrong.status == 403);
  CHECK(ErrorCode(wrong) == "forbidden");
  CHECK(Send(s, "POST", "/api/v1/articles", body, "s3cre").status == 403);
  CHECK(Send(s, "DELETE", "/api/v1/edges/1-works-for-2").status == 401);
  CHECK(Get(s, "/api/v1/stats").body["articles"] == 0);
  CHECK(Send(s, "POST", "/api/v1/articles", body, kToken).status == 201);
  CHECK(Get(s, "/api/v1/stats").status == 200);

  api::ServerOptions ro;
  ro.read_only = true;
  LiveServer r(ro, false);
  auto refused = Send(r, "POST", "/api/v1/articles", body);
  CHECK(refused.status == 403);
  CHECK(ErrorCode(refused) == "read_only");
  CHECK(Send(r, "PATCH", "/api/v1/nodes/1", "{\"name\":\"x\"}").status == 403);
  CHECK(Get(r, "/api/v1/stats").body["articles"] == 0);
}

TEST_CASE("a non-loopback address needs a token", "[api][auth]") {
  TempDir dir;
  auto store = storage::RocksGraphStore::Open(dir.Sub("db"));
  REQUIRE(store.ok());
  api::ServerOptions o;
  o.host = "0.0.0.0";
  o.port = 0;
  api::Server open(*store.value(), o);
  CHECK(open.Bind().code() == core::StatusCode::kInvalidArgument);
  o.token = "t0ken";
  api::Server guarded(*store.value(), o);
  CHECK(guarded.Bind().ok());
}

TEST_CASE("a merge followed by its undo restores exactly the same graph", "[api][curation]") {
  LiveServer s(WithToken());
  std::string survivor = ExactId(s, "Bosch"), loser = ExactId(s, "Bosch China");
  json before = Fingerprint(s.store());
  auto loser_degree = Get(s, "/api/v1/nodes/" + loser).body["degree"]["total"].get<int>();
  REQUIRE(loser_degree >= 1);

  CHECK(Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{\"into\":\"" + survivor + "\"}")
            .status == 401);
  auto merged = Send(s, "POST", "/api/v1/nodes/" + loser + "/merge",
                     "{\"into\":\"" + survivor + "\"}", kToken);
  REQUIRE(merged.status == 200);
  json curation = merged.body["curation"];
  CHECK(curation["kind"] == "merge");
  CHECK(curation["who"] == "alice");
  CHECK(!curation["when"].get<std::string>().empty());
  CHECK(curation["before"]["nodes"].size() == 2);

  auto gone = Get(s, "/api/v1/nodes/" + loser);
  CHECK(gone.status == 404);
  CHECK(ErrorCode(gone) == "merged");
  auto after = Get(s, "/api/v1/nodes/" + survivor);
  bool alias = false;
  for (const auto& a : after.body["aliases"]) alias = alias || a == "Bosch China";
  CHECK(alias);
  CHECK(ExactId(s, "Bosch China") == survivor);
  json merged_fp = Fingerprint(s.store());
  CHECK(merged_fp["counts"]["node_count"].get<int>() ==
        before["counts"]["node_count"].get<int>() - 1);
  CHECK((merged_fp != before));

  auto listed = Get(s, "/api/v1/curations");
  REQUIRE(listed.body["items"].size() == 1);
  CHECK(listed.body["items"][0]["id"] == curation["id"]);
  CHECK(!listed.body["items"][0].contains("before"));
  CHECK(Get(s, "/api/v1/curations/" + curation["id"].get<std::string>()).body["before"] ==
        curation["before"]);

  auto undone = Send(s, "POST", "/api/v1/curations/" + curation["id"].get<std::string>() + "/undo",
                     "{}", kToken);
  REQUIRE(undone.status == 200);
  CHECK(undone.body["curation"]["kind"] == "undo");
  CHECK(undone.body["curation"]["undoes"] == curation["id"]);
  CheckSame(Fingerprint(s.store()), before);
  CHECK(Get(s, "/api/v1/nodes/" + loser).status == 200);

  // An undone step cannot be undone twice, nor an undo undone.
  CHECK(Send(s, "POST", "/api/v1/curations/" + curation["id"].get<std::string>() + "/undo", "{}",
             kToken)
            .status == 409);
  CHECK(Send(s, "POST",
             "/api/v1/curations/" + undone.body["curation"]["id"].get<std::string>() + "/undo",
             "{}", kToken)
            .status == 409);
  auto page = Get(s, "/api/v1/curations?limit=1");
  CHECK(page.body["items"].size() == 1);
  REQUIRE(page.body["next_cursor"].is_string());
  auto next =
      Get(s, "/api/v1/curations?limit=1&cursor=" + page.body["next_cursor"].get<std::string>());
  CHECK(next.body["items"][0]["kind"] == "undo");
  CHECK(next.body["items"][0]["undoes"] == curation["id"]);
  CHECK(Get(s, "/api/v1/curations/" + curation["id"].get<std::string>()).body["undone_by"] ==
        undone.body["curation"]["id"]);

  CHECK(Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{\"into\":\"" + loser + "\"}", kToken)
            .status == 400);
  CHECK(Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{\"into\":\"42\"}", kToken).status ==
        404);
  CHECK(Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{}", kToken).status == 400);
  std::string person = Get(s, "/api/v1/search?q=xu%20daquan").body["results"][0]["node"]["id"];
  CHECK(
      Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{\"into\":\"" + person + "\"}", kToken)
          .status == 409);
  CHECK(Send(s, "POST", "/api/v1/curations/999/undo", "{}", kToken).status == 404);
}

TEST_CASE("curation outlives ingestion", "[api][curation]") {
  LiveServer s(WithToken(), false);
  std::string text = BoschArticle();
  REQUIRE(Send(s, "POST", "/api/v1/articles", ArticleJson(text).dump(), kToken).status == 201);
  std::string survivor = ExactId(s, "Bosch"), loser = ExactId(s, "Bosch China");
  REQUIRE(
      Send(s, "POST", "/api/v1/nodes/" + loser + "/merge", "{\"into\":" + survivor + "}", kToken)
          .status == 200);

  // An edge deleted by a curator, and one piece of evidence of another.
  auto page = Get(s, "/api/v1/nodes/" + survivor + "/neighbors?limit=1000");
  REQUIRE(page.body["items"].size() >= 2);
  std::string deleted = page.body["items"][0]["edge"]["id"];
  auto del = Send(s, "DELETE", "/api/v1/edges/" + deleted, "", kToken);
  REQUIRE(del.status == 200);
  CHECK(del.body["curation"]["kind"] == "delete-edge");
  CHECK(Get(s, "/api/v1/edges/" + deleted).status == 404);
  CHECK(Send(s, "DELETE", "/api/v1/edges/" + deleted, "", kToken).status == 404);

  int nodes_before = Get(s, "/api/v1/stats").body["node_count"];
  // The same story again, with a new last line: a new article naming the same actors.
  auto again = Send(s, "POST", "/api/v1/articles",
                    ArticleJson(text + "\n\nThis story was updated.").dump(), kToken);
  REQUIRE(again.status == 201);
  CHECK(Get(s, "/api/v1/nodes/" + loser).status == 404);
  CHECK(ExactId(s, "Bosch China") == survivor);
  CHECK(Get(s, "/api/v1/edges/" + deleted).status == 404);
  CHECK(Get(s, "/api/v1/stats").body["node_count"] == nodes_before);

  // Delete one piece of evidence: the edge loses it (or goes when it was the last).
  std::string edge_id = page.body["items"][1]["edge"]["id"];
  auto edge = Get(s, "/api/v1/edges/" + edge_id);
  int count = edge.body["evidence_count"];
  std::string ev = edge.body["evidence"][0]["id"];
  auto dev = Send(s, "DELETE", "/api/v1/edges/" + edge_id + "/evidence/" + ev, "", kToken);
  REQUIRE(dev.status == 200);
  auto edge_after = Get(s, "/api/v1/edges/" + edge_id);
  if (count == 1)
    CHECK(edge_after.status == 404);
  else
    CHECK(edge_after.body["evidence_count"] == count - 1);
  CHECK(Send(s, "DELETE", "/api/v1/edges/" + edge_id + "/evidence/" + ev, "", kToken).status ==
        404);
  CHECK(Send(s, "DELETE", "/api/v1/edges/" + edge_id + "/evidence/xyz", "", kToken).status == 400);
  CHECK(Send(s, "POST", "/api/v1/articles", ArticleJson(text).dump(), kToken).status == 200);
}

TEST_CASE("PATCH edits a node and its index; undo restores it", "[api][curation]") {
  LiveServer s(WithToken(), false);
  REQUIRE(Send(s, "POST", "/api/v1/articles", ArticleJson(BoschArticle()).dump(), kToken).status ==
          201);
  std::string id = ExactId(s, "Bosch China");
  json before = Fingerprint(s.store());
  auto r = Send(s, "PATCH", "/api/v1/nodes/" + id,
                R"({"name":"Bosch (China) Investment","aliases":["Bosch China","BCI"]})", kToken);
  REQUIRE(r.status == 200);
  CHECK(r.body["node"]["name"] == "Bosch (China) Investment");
  CHECK(r.body["curation"]["kind"] == "edit-node");
  CHECK(ExactId(s, "BCI") == id);
  CHECK(ExactId(s, "Bosch China Investment") == id);
  CHECK(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({"type":"person"})", kToken).status == 409);
  CHECK(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({"type":"robot"})", kToken).status == 400);
  CHECK(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({"name":"  "})", kToken).status == 400);
  CHECK(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({"aliases":[1]})", kToken).status == 400);
  CHECK(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({})", kToken).status == 400);
  CHECK(ErrorCode(Send(s, "PATCH", "/api/v1/nodes/" + id, R"({"nmae":"x"})", kToken)) ==
        "unknown_field");
  CHECK(Send(s, "PATCH", "/api/v1/nodes/77", R"({"name":"x"})", kToken).status == 404);
  REQUIRE(Send(s, "POST",
               "/api/v1/curations/" + r.body["curation"]["id"].get<std::string>() + "/undo", "{}",
               kToken)
              .status == 200);
  CheckSame(Fingerprint(s.store()), before);
}
