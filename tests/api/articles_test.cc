// End-to-end: GET /articles (pages of the stored articles) and GET /articles/{id} (an article
// with its nodes and the edges it gives evidence for) on the dev corpus.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "api/api_test_support.h"

using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// Every article, paged `limit` at a time through `query` ("" or "&since=...").
std::vector<json> AllArticles(const LiveServer& s, size_t limit, const std::string& query = "") {
  std::vector<json> out;
  std::string cursor;
  do {
    auto page = Get(s, "/api/v1/articles?limit=" + std::to_string(limit) + query +
                           (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(page.status == 200);
    CHECK(page.body["items"].size() <= limit);
    if (query.empty())
      CHECK(page.body["total"] == s.articles());
    else
      CHECK(!page.body.contains("total"));
    for (const auto& item : page.body["items"]) out.push_back(item);
    cursor = page.body["next_cursor"].is_null() ? "" : page.body["next_cursor"].get<std::string>();
  } while (!cursor.empty());
  return out;
}

std::string EvidenceArticle(const json& edge_detail) {
  return edge_detail["evidence"][0]["article_id"];
}

}  // namespace

TEST_CASE("articles page through every stored article once, in id order", "[api][articles]") {
  auto& s = CorpusServer();
  std::vector<json> all = AllArticles(s, 3);
  REQUIRE(all.size() == s.articles());
  std::set<std::string> ids;
  uint64_t previous = 0, nodes = 0;
  for (const auto& a : all) {
    CHECK(ids.insert(a["id"].get<std::string>()).second);
    uint64_t id = std::stoull(a["id"].get<std::string>());
    CHECK(id > previous);
    previous = id;
    CHECK(a["url"].get<std::string>().find("/dev/") != std::string::npos);
    CHECK(a["title"].is_string());  // the dev corpus is plain text: titles may be empty
    CHECK(a.contains("date"));
    CHECK(a.contains("language"));
    nodes += a["counts"]["nodes"].get<uint64_t>();
  }
  CHECK(nodes > s.articles());  // the corpus articles name several actors each
  // One page holds them all when the limit allows.
  auto one = Get(s, "/api/v1/articles?limit=1000");
  CHECK(one.body["items"].size() == all.size());
  CHECK(one.body["next_cursor"].is_null());
}

TEST_CASE("articles filtered by date keep exactly the articles in range", "[api][articles]") {
  auto& s = CorpusServer();
  std::vector<json> all = AllArticles(s, 1000);
  std::vector<std::string> dates;
  for (const auto& a : all)
    if (!a["date"].get<std::string>().empty()) dates.push_back(a["date"]);
  REQUIRE(dates.size() >= 2);
  std::sort(dates.begin(), dates.end());
  std::string since = dates[dates.size() / 2], until = dates.back();
  size_t want = std::count_if(dates.begin(), dates.end(),
                              [&](const std::string& d) { return d >= since && d <= until; });
  std::vector<json> window = AllArticles(s, 2, "&since=" + since + "&until=" + until);
  CHECK(window.size() == want);
  for (const auto& a : window) {
    CHECK(a["date"].get<std::string>() >= since);
    CHECK(a["date"].get<std::string>() <= until);
  }
  CHECK(AllArticles(s, 50, "&since=2999-01-01").empty());
}

TEST_CASE("an article with its nodes and exactly the edges it gives evidence for",
          "[api][articles]") {
  auto& s = CorpusServer();
  auto top = Get(s, "/api/v1/analytics/degree?limit=1");
  std::string hub = top.body["items"][0]["node"]["id"];
  auto page = Get(s, "/api/v1/nodes/" + hub + "/neighbors?limit=1");
  auto edge = Get(s, "/api/v1/edges/" + page.body["items"][0]["edge"]["id"].get<std::string>());
  REQUIRE(edge.status == 200);
  std::string article_id = EvidenceArticle(edge.body);

  auto r = Get(s, "/api/v1/articles/" + article_id);
  REQUIRE(r.status == 200);
  const json& a = r.body;
  CHECK(a["id"] == article_id);
  CHECK(a["counts"]["nodes"] == a["nodes"].size());
  CHECK(a["counts"]["edges"] == a["edges"].size());
  std::set<std::string> node_ids;
  for (const auto& n : a["nodes"]) node_ids.insert(n["id"].get<std::string>());
  CHECK(node_ids.count(edge.body["source"]));
  CHECK(node_ids.count(edge.body["target"]));

  // Every listed edge joins two of its nodes and carries only this article's evidence, whose
  // offsets point at the sentence in the text.
  const std::string text = a["text"];
  size_t evidence = 0;
  std::set<std::string> listed;
  for (const auto& e : a["edges"]) {
    listed.insert(e["id"].get<std::string>());
    CHECK(node_ids.count(e["source"]));
    CHECK(node_ids.count(e["target"]));
    REQUIRE(!e["evidence"].empty());
    for (const auto& ev : e["evidence"]) {
      CHECK(ev["article_id"] == article_id);
      size_t begin = ev["begin"], end = ev["end"];
      REQUIRE(end <= text.size());
      CHECK(text.substr(begin, end - begin) == ev["sentence"].get<std::string>());
      ++evidence;
    }
  }
  CHECK(a["counts"]["evidence"] == evidence);

  // Exactly the edges with evidence from it: every edge of its nodes, checked one by one.
  std::set<std::string> expected;
  for (const auto& id : node_ids) {
    auto all = Get(s, "/api/v1/nodes/" + id + "/neighbors?limit=1000");
    REQUIRE(all.body["next_cursor"].is_null());
    for (const auto& item : all.body["items"]) {
      std::string edge_id = item["edge"]["id"];
      if (expected.count(edge_id)) continue;
      auto detail = Get(s, "/api/v1/edges/" + edge_id);
      REQUIRE(detail.status == 200);
      for (const auto& ev : detail.body["evidence"])
        if (ev["article_id"] == article_id) expected.insert(edge_id);
    }
  }
  CHECK(listed == expected);
  CHECK(listed.count(edge.body["id"]));
}

TEST_CASE("articles: unknown and malformed ids and cursors", "[api][articles]") {
  auto& s = CorpusServer();
  auto missing = Get(s, "/api/v1/articles/12345");
  CHECK(missing.status == 404);
  CHECK(ErrorCode(missing) == "not_found");
  CHECK(ErrorCode(Get(s, "/api/v1/articles/abc")) == "invalid_id");
  CHECK(ErrorCode(Get(s, "/api/v1/articles?cursor=zz")) == "invalid_id");
  CHECK(Get(s, "/api/v1/articles?since=yesterday").status == 400);
  CHECK(Get(s, "/api/v1/articles?limit=0").status == 400);
  CHECK(Get(s, "/api/v1/articles?limit=1001").status == 400);
}
