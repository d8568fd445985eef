// End-to-end: the read endpoints on the dev corpus as imported by the real importer.
#include <catch2/catch.hpp>
#include <set>

#include "api/api_test_support.h"

using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// The best-connected node of the corpus graph (by the degree endpoint).
json Hub() {
  auto r = Get(CorpusServer(), "/api/v1/analytics/degree?limit=1");
  REQUIRE(r.status == 200);
  REQUIRE(r.body["results"].size() == 1);
  return r.body["results"][0]["node"];
}

}  // namespace

TEST_CASE("health and stats", "[api][read]") {
  auto& s = CorpusServer();
  REQUIRE(s.articles() >= 10);
  auto health = Get(s, "/api/v1/health");
  CHECK(health.status == 200);
  CHECK(health.body == json{{"status", "ok"}, {"writes", "ok"}});
  auto probe = Get(s, "/api/v1/health?writes=1");  // writes work: 200
  CHECK(probe.status == 200);
  auto stats = Get(s, "/api/v1/stats");
  REQUIRE(stats.status == 200);
  CHECK(stats.body["articles"] == s.articles());
  CHECK(stats.body["node_count"].get<int>() > 50);
  CHECK(stats.body["edge_count"].get<int>() > 30);
  CHECK(stats.body["nodes"].contains("person"));
}

TEST_CASE("search finds exact, prefix and misspelt names, ranked", "[api][read]") {
  auto& s = CorpusServer();
  json hub = Hub();
  std::string name = hub["name"];
  auto exact = Get(s, "/api/v1/search?q=" + httplib::detail::encode_query_param(name));
  REQUIRE(exact.status == 200);
  REQUIRE(!exact.body["results"].empty());
  CHECK(exact.body["results"][0]["node"]["id"] == hub["id"]);
  CHECK(exact.body["results"][0]["match"] == "exact");
  CHECK(exact.body["results"][0]["score"] == 1.0);
  CHECK(exact.body["results"][0]["matched"] == name);

  // A prefix of a multi-word name, and the same name with a typo.
  auto bosch = Get(s, "/api/v1/search?q=Bosch%20Mob");
  REQUIRE(bosch.status == 200);
  REQUIRE(!bosch.body["results"].empty());
  for (const auto& hit : bosch.body["results"]) {
    CHECK(hit["match"] == "prefix");
    CHECK(hit["matched"].get<std::string>().rfind("Bosch Mob", 0) == 0);
  }
  auto typo = Get(s, "/api/v1/search?q=Siemans");
  REQUIRE(typo.status == 200);
  bool found = false;
  for (const auto& hit : typo.body["results"]) {
    CHECK(hit["match"] == "fuzzy");
    found = found || hit["matched"].get<std::string>().find("Siemens") != std::string::npos;
  }
  CHECK(found);

  // Ranks: exact before prefix before fuzzy.
  auto mixed = Get(s, "/api/v1/search?q=unido&limit=50");
  REQUIRE(mixed.body["results"].size() >= 2);
  int last = 3;
  for (const auto& hit : mixed.body["results"]) {
    int rank = hit["match"] == "exact" ? 3 : hit["match"] == "prefix" ? 2 : 1;
    CHECK(rank <= last);
    last = rank;
  }

  auto typed = Get(s, "/api/v1/search?q=bosch&type=event");
  for (const auto& hit : typed.body["results"]) CHECK(hit["node"]["type"] == "event");

  CHECK(ErrorCode(Get(s, "/api/v1/search")) == "missing_parameter");
  CHECK(Get(s, "/api/v1/search?q=%21%21").status == 400);
  CHECK(Get(s, "/api/v1/search?q=x&type=robot").status == 400);
  CHECK(Get(s, "/api/v1/search?q=x&limit=1001").status == 400);
  CHECK(Get(s, "/api/v1/search?q=x&limit=0").status == 400);
  CHECK(ErrorCode(Get(s, "/api/v1/search?q=" + std::string(201, 'a'))) == "out_of_range");
}

TEST_CASE("a node with its degree; unknown and malformed ids", "[api][read]") {
  auto& s = CorpusServer();
  json hub = Hub();
  auto r = Get(s, "/api/v1/nodes/" + hub["id"].get<std::string>());
  REQUIRE(r.status == 200);
  CHECK(r.body["name"] == hub["name"]);
  CHECK(r.body["degree"]["total"].get<int>() >= 2);
  int sum = 0;
  for (const auto& [type, n] : r.body["degree"]["out"].items()) sum += n.get<int>();
  for (const auto& [type, n] : r.body["degree"]["in"].items()) sum += n.get<int>();
  CHECK(sum == r.body["degree"]["total"]);

  auto missing = Get(s, "/api/v1/nodes/12345");
  CHECK(missing.status == 404);
  CHECK(ErrorCode(missing) == "not_found");
  CHECK(Get(s, "/api/v1/nodes/abc").status == 400);
  CHECK(Get(s, "/api/v1/nodes/99999999999999999999999").status == 400);
  CHECK(ErrorCode(Get(s, "/api/v1/nowhere")) == "no_route");
}

TEST_CASE("neighbours page through every edge exactly once, with a total", "[api][read]") {
  auto& s = CorpusServer();
  json hub = Hub();
  std::string base = "/api/v1/nodes/" + hub["id"].get<std::string>() + "/neighbors";
  auto all = Get(s, base + "?limit=1000");
  REQUIRE(all.status == 200);
  size_t total = all.body["total"];
  CHECK(all.body["items"].size() == total);
  CHECK(all.body["next_cursor"].is_null());

  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = Get(s, base + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(page.status == 200);
    CHECK(page.body["total"] == total);
    CHECK(page.body["items"].size() <= 2);
    for (const auto& item : page.body["items"]) {
      CHECK(seen.insert(item["edge"]["id"].get<std::string>()).second);
      std::string self =
          item["direction"] == "out" ? item["edge"]["source"] : item["edge"]["target"];
      CHECK(self == hub["id"]);
      std::string other =
          item["direction"] == "out" ? item["edge"]["target"] : item["edge"]["source"];
      CHECK(other == item["neighbor"]["id"]);
    }
    cursor = page.body["next_cursor"].is_null() ? "" : page.body["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty());
  CHECK(seen.size() == total);
  CHECK(pages >= static_cast<int>(total / 2));

  // Filters: direction, edge type, node type, confidence and dates.
  auto out = Get(s, base + "?direction=out&limit=1000");
  auto in = Get(s, base + "?direction=in&limit=1000");
  CHECK(out.body["total"].get<size_t>() + in.body["total"].get<size_t>() == total);
  for (const auto& item : out.body["items"]) CHECK(item["direction"] == "out");
  std::string some_type = all.body["items"][0]["neighbor"]["type"];
  auto typed = Get(s, base + "?node_type=" + some_type + "&limit=1");
  REQUIRE(typed.status == 200);
  CHECK(typed.body["total"].get<size_t>() >= 1);
  CHECK(typed.body["items"][0]["neighbor"]["type"] == some_type);
  auto strict = Get(s, base + "?min_confidence=1");
  CHECK(strict.body["total"] == 0);
  CHECK(strict.body["items"].empty());
  auto future = Get(s, base + "?since=2999-01-01");
  CHECK(future.body["total"] == 0);

  CHECK(ErrorCode(Get(s, base + "?cursor=zz")) == "invalid_argument");
  CHECK(Get(s, base + "?direction=up").status == 400);
  CHECK(Get(s, base + "?since=yesterday").status == 400);
  CHECK(Get(s, base + "?min_confidence=2").status == 400);
  CHECK(Get(s, base + "?limit=5000").status == 400);
  CHECK(Get(s, "/api/v1/nodes/1/neighbors").status == 404);
}

TEST_CASE("an edge with its evidence and articles, by id and by its ends", "[api][read]") {
  auto& s = CorpusServer();
  json hub = Hub();
  auto page = Get(s, "/api/v1/nodes/" + hub["id"].get<std::string>() + "/neighbors?limit=1");
  REQUIRE(page.body["items"].size() == 1);
  json edge = page.body["items"][0]["edge"];
  auto by_id = Get(s, "/api/v1/edges/" + edge["id"].get<std::string>());
  REQUIRE(by_id.status == 200);
  CHECK(by_id.body["source_node"]["id"] == edge["source"]);
  CHECK(by_id.body["target_node"]["id"] == edge["target"]);
  REQUIRE(by_id.body["evidence"].size() == edge["evidence_count"].get<size_t>());
  const json& ev = by_id.body["evidence"][0];
  CHECK(!ev["sentence"].get<std::string>().empty());
  CHECK(ev["end"].get<int>() > ev["begin"].get<int>());
  CHECK(ev["article"]["id"] == ev["article_id"]);
  CHECK(ev["article"]["url"].get<std::string>().find("/dev/") != std::string::npos);

  auto by_ends = Get(s, "/api/v1/edges?source=" + edge["source"].get<std::string>() +
                            "&type=" + edge["type"].get<std::string>() +
                            "&target=" + edge["target"].get<std::string>());
  REQUIRE(by_ends.status == 200);
  CHECK(by_ends.body == by_id.body);

  CHECK(Get(s, "/api/v1/edges/1-works-for-2").status == 404);
  CHECK(ErrorCode(Get(s, "/api/v1/edges/1-flies-to-2")) == "invalid_id");
  // Without a target, the source's edges of the type (edge_listing_test.cc); 1 is no node.
  CHECK(Get(s, "/api/v1/edges?source=1&type=works-for").status == 404);
  CHECK(Get(s, "/api/v1/edges?type=works-for").status == 400);
  CHECK(Get(s, "/api/v1/edges?source=1&type=likes&target=2").status == 400);
}

TEST_CASE("co-occurrence counts shared articles", "[api][read]") {
  auto& s = CorpusServer();
  json hub = Hub();
  auto r = Get(s, "/api/v1/nodes/" + hub["id"].get<std::string>() + "/cooccurrence?limit=5");
  REQUIRE(r.status == 200);
  REQUIRE(!r.body["items"].empty());
  CHECK(r.body["items"].size() <= 5);
  int previous = 1 << 30;
  for (const auto& item : r.body["items"]) {
    int count = item["count"];
    CHECK(count >= 1);
    CHECK(count <= r.body["articles"].get<int>());
    CHECK(count <= previous);
    previous = count;
    CHECK(item["node"]["id"] != hub["id"]);
  }
  CHECK(Get(s, "/api/v1/nodes/7/cooccurrence").status == 404);
}

TEST_CASE("events come as a dated timeline with their actors", "[api][read]") {
  auto& s = CorpusServer();
  auto r = Get(s, "/api/v1/events");
  REQUIRE(r.status == 200);
  REQUIRE(!r.body["events"].empty());
  std::string previous;
  bool undated_seen = false, with_people = false;
  for (const auto& ev : r.body["events"]) {
    CHECK(ev["node"]["type"] == "event");
    std::string date = ev["date"];
    if (date.empty())
      undated_seen = true;
    else {
      CHECK(!undated_seen);
      CHECK(date >= previous);
      previous = date;
    }
    with_people = with_people || !ev["speakers"].empty() || !ev["organizers"].empty();
  }
  CHECK(with_people);
  auto window = Get(s, "/api/v1/events?from=2019-01-01&to=2019-12-31");
  for (const auto& ev : window.body["events"]) {
    CHECK(ev["date"].get<std::string>() >= "2019-01-01");
    CHECK(ev["date"].get<std::string>() <= "2019-12-31");
  }
  // Filtered by a place one event is in, by id and by name.
  for (const auto& ev : r.body["events"]) {
    if (ev["locations"].empty()) continue;
    json place = ev["locations"][0];
    auto by_id = Get(s, "/api/v1/events?location=" + place["id"].get<std::string>());
    auto by_name =
        Get(s, "/api/v1/events?location=" + httplib::detail::encode_query_param(place["name"]));
    REQUIRE(by_id.status == 200);
    CHECK(!by_id.body["events"].empty());
    CHECK(by_id.body == by_name.body);
    break;
  }
  CHECK(Get(s, "/api/v1/events?location=Atlantis").status == 404);
  CHECK(Get(s, "/api/v1/events?from=2019").status == 400);
}

TEST_CASE("the OpenAPI document names every route", "[api][read]") {
  auto r = Get(CorpusServer(), "/api/v1/openapi.json");
  REQUIRE(r.status == 200);
  CHECK(r.body["openapi"].get<std::string>().rfind("3.", 0) == 0);
  for (const char* path : {"/health",
                           "/stats",
                           "/search",
                           "/nodes/{id}",
                           "/nodes/{id}/neighbors",
                           "/nodes/{id}/cooccurrence",
                           "/edges/{edge_id}",
                           "/edges",
                           "/paths",
                           "/subgraph",
                           "/analytics/{metric}",
                           "/events",
                           "/articles",
                           "/articles/{id}",
                           "/nodes/{id}/merge",
                           "/curations",
                           "/curations/{id}",
                           "/curations/{id}/undo",
                           "/curations/suggestions",
                           "/curations/distinct",
                           "/edges/{edge_id}/evidence/{evidence_id}",
                           "/export",
                           "/feeds",
                           "/feeds/{id}",
                           "/openapi.json"})
    CHECK(r.body["paths"].contains(path));
}
