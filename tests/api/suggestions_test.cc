// End-to-end: duplicate suggestions (GET /curations/suggestions) and distinct-actor judgements
// (POST /curations/distinct) over a real server and RocksDB store, and a judgement honoured by
// later imports.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/resolver.h"
#include "api/api_test_support.h"
#include "support/store_support.h"

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

core::EntityFact Entity(core::NodeType type, std::string name) {
  return {type, std::move(name), {}};
}

// One article naming a company under its legal and its bare name, an agency under its name and
// its acronym, a company contained in another's name and an unrelated one; a person works for
// both forms of the first company (a shared neighbour). Returns the node id of each entity.
std::vector<std::string> IngestDuplicates(core::GraphStore& store) {
  core::ArticleFacts facts;
  facts.text = "Hand-made facts for the suggestion tests.";
  facts.date = "2031-05-01";
  facts.entities = {
      Entity(core::NodeType::kCompany, "Northwind Traders GmbH"),
      Entity(core::NodeType::kCompany, "Northwind Traders"),
      Entity(core::NodeType::kAgency, "United Nations Industrial Development Organization"),
      Entity(core::NodeType::kAgency, "UNIDO"),
      Entity(core::NodeType::kCompany, "Contoso"),
      Entity(core::NodeType::kCompany, "Contoso Shipping"),
      Entity(core::NodeType::kCompany, "Fabrikam Motors"),
      Entity(core::NodeType::kPerson, "Jane Roe")};
  facts.relations = {WholeTextRelation(facts, core::EdgeType::kWorksFor, 7, 0, 0.9),
                     WholeTextRelation(facts, core::EdgeType::kWorksFor, 7, 1, 0.9)};
  auto result = core::IngestArticle(store, facts);
  REQUIRE(result.ok());
  std::vector<std::string> ids;
  for (core::NodeId id : result->nodes) ids.push_back(api::IdToString(id));
  REQUIRE(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  return ids;
}

// Every suggestion, paging with `limit` (and `extra` query parameters).
json AllSuggestions(const LiveServer& s, size_t limit, const std::string& extra = "") {
  json all = json::array();
  std::string cursor;
  for (int pages = 0; pages < 100; ++pages) {
    auto r = Get(s, "/api/v1/curations/suggestions?limit=" + std::to_string(limit) + extra +
                        (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(r.status == 200);
    REQUIRE(r.body["items"].size() <= limit);
    for (const auto& item : r.body["items"]) all.push_back(item);
    if (r.body["next_cursor"].is_null()) return all;
    cursor = r.body["next_cursor"];
  }
  FAIL("the listing never ends");
  return all;
}

// The rank of the pair {x, y} in `items`, or -1.
int RankOf(const json& items, const std::string& x, const std::string& y) {
  for (size_t i = 0; i < items.size(); ++i) {
    std::set<std::string> pair{items[i]["a"]["id"], items[i]["b"]["id"]};
    if (pair == std::set<std::string>{x, y}) return static_cast<int>(i);
  }
  return -1;
}

bool HasReason(const json& item, const std::string& code, const json& value) {
  for (const auto& r : item["reasons"])
    if (r["code"] == code && r["value"] == value) return true;
  return false;
}

std::string DistinctBody(const std::string& a, const std::string& b) {
  return json{{"a", a}, {"b", b}}.dump();
}

}  // namespace

TEST_CASE("suggestions rank likely duplicates first, with their reasons, paged",
          "[api][suggestions]") {
  LiveServer s({}, false);
  auto id = IngestDuplicates(s.store());
  json all = AllSuggestions(s, 1000);
  int legal = RankOf(all, id[0], id[1]), acronym = RankOf(all, id[2], id[3]),
      contained = RankOf(all, id[4], id[5]);
  REQUIRE(legal >= 0);
  REQUIRE(acronym >= 0);
  REQUIRE(contained >= 0);
  CHECK(legal < contained);
  CHECK(acronym < contained);
  CHECK(RankOf(all, id[5], id[6]) == -1);  // "Contoso Shipping", "Fabrikam Motors"
  CHECK(RankOf(all, id[0], id[6]) == -1);
  CHECK(HasReason(all[legal], "same_core_name", "northwind traders"));
  CHECK(HasReason(all[legal], "shared_neighbors", 1));
  CHECK(HasReason(all[acronym], "acronym", "unido"));
  CHECK(HasReason(all[contained], "name_contained", 0.5));
  for (size_t i = 0; i < all.size(); ++i) {
    INFO(all[i].dump());
    CHECK(all[i]["score"].get<double>() > 0);
    CHECK(all[i]["score"].get<double>() <= 1);
    CHECK(!all[i]["reasons"].empty());
    CHECK((all[i]["merge_into"] == all[i]["a"]["id"] || all[i]["merge_into"] == all[i]["b"]["id"]));
    if (i) CHECK(all[i - 1]["score"].get<double>() >= all[i]["score"].get<double>());
  }
  // The legal-name pair keeps the node with more edges (both have one): the longer name.
  CHECK(all[legal]["merge_into"] == id[0]);

  // Pages of one concatenate to the whole listing.
  CHECK(AllSuggestions(s, 1) == all);
  // type= keeps the pairs with a node of that type.
  json agencies = AllSuggestions(s, 1000, "&type=agency");
  REQUIRE(agencies.size() == 1);
  CHECK(RankOf(agencies, id[2], id[3]) == 0);

  for (const char* bad : {"?cursor=zz", "?cursor=00000000000000000000000000000000000000000000000g",
                          "?limit=0", "?limit=abc", "?type=planet", "?type=person,company"}) {
    INFO(bad);
    auto r = Get(s, std::string("/api/v1/curations/suggestions") + bad);
    CHECK(r.status == 400);
    CHECK(!ErrorCode(r).empty());
  }
}

TEST_CASE("not the same: a recorded, listed, undoable judgement that suggestions honour",
          "[api][suggestions][curation]") {
  LiveServer s(WithToken(), false);
  auto id = IngestDuplicates(s.store());
  const std::string path = "/api/v1/curations/distinct";
  REQUIRE(RankOf(AllSuggestions(s, 1000), id[0], id[1]) >= 0);

  CHECK(Send(s, "POST", path, DistinctBody(id[0], id[1])).status == 401);
  auto judged = Send(s, "POST", path, DistinctBody(id[0], id[1]), kToken);
  REQUIRE(judged.status == 200);
  json curation = judged.body["curation"];
  CHECK(curation["kind"] == "distinct");
  CHECK(curation["who"] == "alice");
  CHECK(curation["what"] == json{{"a", id[0]}, {"b", id[1]}});
  CHECK(curation["before"]["meta"].size() == 2);
  for (const auto& [key, value] : curation["before"]["meta"].items()) CHECK(value.is_null());
  for (const auto& [key, value] : curation["after"]["meta"].items()) CHECK(value == curation["id"]);
  auto listed = Get(s, "/api/v1/curations");
  REQUIRE(listed.body["items"].size() == 1);
  CHECK(listed.body["items"][0]["kind"] == "distinct");

  json after = AllSuggestions(s, 1000);
  CHECK(RankOf(after, id[0], id[1]) == -1);
  CHECK(RankOf(after, id[2], id[3]) >= 0);
  // Two actors are never merged; the same judgement twice is a conflict.
  CHECK(Send(s, "POST", "/api/v1/nodes/" + id[1] + "/merge", json{{"into", id[0]}}.dump(), kToken)
            .status == 409);
  CHECK(Send(s, "POST", path, DistinctBody(id[1], id[0]), kToken).status == 409);

  // Bad input: a JSON error, nothing recorded.
  for (const auto& [body, status] : std::vector<std::pair<std::string, int>>{
           {DistinctBody(id[2], id[2]), 400},
           {DistinctBody(id[2], "42"), 404},
           {DistinctBody("x1", id[2]), 404},  // a name no node has
           {json{{"a", id[2]}}.dump(), 400},
           {json{{"a", id[2]}, {"b", id[3]}, {"c", 1}}.dump(), 400},
           {"[1, 2]", 400},
           {"{", 400}}) {
    INFO(body);
    auto r = Send(s, "POST", path, body, kToken);
    CHECK(r.status == status);
    CHECK(!ErrorCode(r).empty());
  }
  CHECK(Get(s, "/api/v1/curations").body["items"].size() == 1);

  // Undo: the pair is suggested again and can be merged.
  REQUIRE(Send(s, "POST", "/api/v1/curations/" + curation["id"].get<std::string>() + "/undo", "{}",
               kToken)
              .status == 200);
  CHECK(RankOf(AllSuggestions(s, 1000), id[0], id[1]) >= 0);
}

TEST_CASE("a merge carries the merged node's judgements to the survivor", "[api][suggestions]") {
  LiveServer s(WithToken(), false);
  auto id = IngestDuplicates(s.store());
  REQUIRE(
      Send(s, "POST", "/api/v1/curations/distinct", DistinctBody(id[4], id[5]), kToken).status ==
      200);
  REQUIRE(Send(s, "POST", "/api/v1/nodes/" + id[4] + "/merge", json{{"into", id[6]}}.dump(), kToken)
              .status == 200);
  // "Contoso" is now part of "Fabrikam Motors", which inherits "not Contoso Shipping".
  CHECK(Send(s, "POST", "/api/v1/nodes/" + id[5] + "/merge", json{{"into", id[6]}}.dump(), kToken)
            .status == 409);
  CHECK(RankOf(AllSuggestions(s, 1000), id[5], id[6]) == -1);
}

namespace {

// Three stories about one agency: under its acronym, under its name, and under both ("the
// Northwind Industrial Development Agency (NIDA)"), which ties the two names together.
const char* kAcronymStory =
    "Vienna, 4 May 2031 - NIDA signed an agreement with Contoso Shipping, its director Maria "
    "Klein said in Vienna.";
const char* kNameStory =
    "Vienna, 5 May 2031 - The Northwind Industrial Development Agency hosted the Vienna Industry "
    "Forum 2031, its director Maria Klein said.";
const char* kBothStory =
    "Vienna, 3 May 2031 - The Northwind Industrial Development Agency (NIDA) opened a new office "
    "in Vienna. Its director, Maria Klein, said the office would support local firms.";

std::string Post(const LiveServer& s, const std::string& text) {
  auto r = Send(s, "POST", "/api/v1/articles", text, kToken, "text/plain");
  REQUIRE(r.status == 201);
  return r.text;
}

// The ids of the nodes found under exactly `name`.
std::set<std::string> ExactIds(const LiveServer& s, const std::string& name) {
  std::set<std::string> ids;
  auto r = Get(s, "/api/v1/search?q=" + httplib::detail::encode_query_param(name));
  for (const auto& hit : r.body["results"])
    if (hit["match"] == "exact") ids.insert(hit["node"]["id"].get<std::string>());
  return ids;
}

json Aliases(const LiveServer& s, const std::string& id) {
  return Get(s, "/api/v1/nodes/" + id).body["aliases"];
}

bool Contains(const json& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("imports honour a distinct judgement: two actors stay two nodes", "[api][suggestions]") {
  for (bool judged : {false, true}) {
    INFO((judged ? "judged distinct" : "not judged"));
    LiveServer s(WithToken(), false);
    Post(s, kAcronymStory);
    Post(s, kNameStory);
    auto acronym = ExactIds(s, "NIDA"),
         name = ExactIds(s, "Northwind Industrial Development Agency");
    REQUIRE(acronym.size() == 1);
    REQUIRE(name.size() == 1);
    std::string b = *acronym.begin(), a = *name.begin();
    REQUIRE(a != b);
    // The acronym and its expansion: suggested as one actor.
    json suggested = AllSuggestions(s, 1000, "&type=agency");
    int rank = RankOf(suggested, a, b);
    REQUIRE(rank >= 0);
    CHECK(HasReason(suggested[rank], "acronym", "nida"));
    if (judged)
      REQUIRE(Send(s, "POST", "/api/v1/curations/distinct", DistinctBody(a, b), kToken).status ==
              200);
    int nodes = Get(s, "/api/v1/stats").body["node_count"];

    Post(s, kBothStory);
    CHECK(Get(s, "/api/v1/stats").body["node_count"] == nodes);
    if (!judged) {
      // What the judgement prevents: the agency takes the acronym's name.
      CHECK(Contains(Aliases(s, a), "NIDA"));
      CHECK(ExactIds(s, "NIDA") == std::set<std::string>{a, b});
      continue;
    }
    CHECK(!Contains(Aliases(s, a), "NIDA"));
    CHECK(!Contains(Aliases(s, b), "Northwind Industrial Development Agency"));
    CHECK(ExactIds(s, "NIDA") == std::set<std::string>{b});
    CHECK(ExactIds(s, "Northwind Industrial Development Agency") == std::set<std::string>{a});
    // The acronym alone still finds its own node; the pair is not suggested again.
    auto again = json::parse(Post(s, std::string(kAcronymStory) + " The agreement runs to 2035."));
    std::set<std::string> answered;
    for (const auto& n : again["nodes"]) answered.insert(n["id"].get<std::string>());
    CHECK(answered.count(b) == 1);
    CHECK(answered.count(a) == 0);
    CHECK(RankOf(AllSuggestions(s, 1000), a, b) == -1);
  }
}
