// End-to-end: every list endpoint answers its list under "items"; the keys lists had before
// ("results", "components", "events", "paths") still carry the same list (deprecated aliases).
#include <catch2/catch.hpp>

#include "api/api_test_support.h"

using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// The non-empty "items" of a 200 answer, equal to its deprecated alias `old_key` when given.
json Items(const Reply& r, const char* old_key = nullptr) {
  REQUIRE(r.status == 200);
  REQUIRE(r.body["items"].is_array());
  CHECK(!r.body["items"].empty());
  if (old_key) CHECK(r.body[old_key] == r.body["items"]);
  return r.body["items"];
}

}  // namespace

TEST_CASE("every list endpoint answers items, equal to its old key", "[api][lists]") {
  auto& s = CorpusServer();
  json search = Items(Get(s, "/api/v1/search?q=unido"), "results");
  CHECK(search[0]["node"].contains("id"));
  json degree = Items(Get(s, "/api/v1/analytics/degree?limit=5"), "results");
  CHECK(degree.size() == 5);
  Items(Get(s, "/api/v1/analytics/pagerank?limit=3"), "results");
  auto components = Get(s, "/api/v1/analytics/components?limit=2");
  Items(components, "components");
  CHECK(components.body["total"] == components.body["count"]);
  json events = Items(Get(s, "/api/v1/events"), "events");
  CHECK(events[0]["node"]["type"] == "event");

  std::string hub = degree[0]["node"]["id"];
  json neighbors = Items(Get(s, "/api/v1/nodes/" + hub + "/neighbors?limit=1"));
  std::string next = neighbors[0]["neighbor"]["id"];
  json paths = Items(Get(s, "/api/v1/paths?from=" + hub + "&to=" + next), "paths");
  CHECK(paths[0]["length"] == 1);
  Items(Get(s, "/api/v1/nodes/" + hub + "/cooccurrence"));
  Items(Get(s, "/api/v1/articles?limit=2"));
}

TEST_CASE("the OpenAPI document marks the old list keys deprecated", "[api][lists]") {
  json doc = Get(CorpusServer(), "/api/v1/openapi.json").body;
  CHECK(doc["info"]["description"].get<std::string>().find("kept until API version 2") !=
        std::string::npos);
  const json& schemas = doc["components"]["schemas"];
  for (auto [schema, old_key] : {std::pair{"SearchResults", "results"},
                                 {"MetricTop", "results"},
                                 {"ComponentList", "components"},
                                 {"Events", "events"},
                                 {"Paths", "paths"}}) {
    INFO(schema);
    const json& properties = schemas[schema]["properties"];
    CHECK(properties["items"]["type"] == "array");
    CHECK(properties[old_key]["deprecated"] == true);
    CHECK(properties[old_key]["items"] == properties["items"]["items"]);
  }
  for (const char* paged : {"NeighborPage", "CurationPage", "ArticlePage"})
    CHECK(schemas[paged]["properties"].contains("next_cursor"));
}
