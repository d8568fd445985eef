// End-to-end: every parameter that names a node takes an id, a name or an alias (node_param.h):
// ambiguous names answer 409 with the candidates, unknown ones 404, merged ids their survivor.
#include <catch2/catch.hpp>
#include <set>

#include "api/named_graph.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

std::string Q(const std::string& text) { return httplib::detail::encode_query_param(text); }
std::string Id(core::NodeId id) { return std::to_string(id); }

}  // namespace

TEST_CASE("paths take names and aliases as well as ids", "[api][names]") {
  auto& s = NamedServer();
  auto by_id = Get(s, "/api/v1/paths?from=" + Id(named::kLiWei) + "&to=" + Id(named::kVienna));
  REQUIRE(by_id.status == 200);
  REQUIRE(by_id.body["items"].size() == 1);
  CHECK(by_id.body["items"][0]["length"] == 2);  // Li Wei -> forum -> Vienna
  CHECK(by_id.body["items"][0]["nodes"][0]["id"] == Id(named::kLiWei));
  auto by_name = Get(s, "/api/v1/paths?from=" + Q("Li Wei") + "&to=Vienna");
  REQUIRE(by_name.status == 200);
  CHECK(by_name.body == by_id.body);
  // Case and accents fold; an alias names its node.
  auto folded = Get(s, "/api/v1/paths?from=" + Q("LI  WEI") + "&to=vienna");
  CHECK(folded.body == by_id.body);
  auto alias = Get(s, "/api/v1/paths?from=Siemens&to=UNIDO");
  REQUIRE(alias.status == 200);
  REQUIRE(!alias.body["items"].empty());
  CHECK(alias.body["items"][0]["nodes"][0]["id"] == Id(named::kSiemens));
  CHECK(alias.body["items"][0]["nodes"].back()["id"] == Id(named::kUnido));
  auto full = Get(s, "/api/v1/paths?from=" + Q("Siemens AG") +
                         "&to=" + Q("United Nations Industrial Development Organization"));
  CHECK(full.body == alias.body);
}

TEST_CASE("an ambiguous name answers 409 with its candidates, an unknown one 404", "[api][names]") {
  auto& s = NamedServer();
  auto r = Get(s, "/api/v1/paths?from=" + Q("Anna Schmidt") + "&to=Vienna");
  REQUIRE(r.status == 409);
  CHECK(ErrorCode(r) == "ambiguous");
  const json& candidates = r.body["error"]["candidates"];
  REQUIRE(candidates.size() == 2);
  // Highest degree first: Anna B works for UNIDO and speaks at the forum.
  CHECK(
      candidates[0] ==
      json{{"id", Id(named::kAnnaB)}, {"name", "Anna Schmidt"}, {"type", "person"}, {"degree", 2}});
  CHECK(
      candidates[1] ==
      json{{"id", Id(named::kAnnaA)}, {"name", "Anna Schmidt"}, {"type", "person"}, {"degree", 1}});
  // Asking again by a candidate's id works.
  auto chosen = Get(s, "/api/v1/paths?from=" + Id(named::kAnnaB) + "&to=Vienna");
  REQUIRE(chosen.status == 200);
  CHECK(chosen.body["items"][0]["length"] == 2);

  auto unknown = Get(s, "/api/v1/paths?from=Atlantis&to=Vienna");
  CHECK(unknown.status == 404);
  CHECK(ErrorCode(unknown) == "not_found");
  CHECK(unknown.body["error"]["message"].get<std::string>().find("'Atlantis'") !=
        std::string::npos);
  // A number that is no node's id is looked up as a name, and found nowhere.
  CHECK(Get(s, "/api/v1/paths?from=999&to=Vienna").status == 404);
}

TEST_CASE("the id or the name of a node merged away names its survivor", "[api][names]") {
  auto& s = NamedServer();
  auto by_merged_id = Get(s, "/api/v1/subgraph?center=" + Id(named::kMergedSiemens));
  REQUIRE(by_merged_id.status == 200);
  CHECK(by_merged_id.body["center"] == Id(named::kSiemens));
  auto by_old_name = Get(s, "/api/v1/subgraph?center=" + Q("Siemens Aktiengesellschaft"));
  REQUIRE(by_old_name.status == 200);
  auto by_id = Get(s, "/api/v1/subgraph?center=" + Id(named::kSiemens));
  CHECK(by_old_name.body == by_id.body);
  CHECK(by_id.body["nodes"].size() == 4);  // Siemens AG, its two employees, UNIDO
}

TEST_CASE("subgraph, edges, events and export take names", "[api][names]") {
  auto& s = NamedServer();
  auto sub = Get(s, "/api/v1/subgraph?center=UNIDO&depth=1");
  REQUIRE(sub.status == 200);
  CHECK(sub.body["center"] == Id(named::kUnido));
  CHECK(sub.body == Get(s, "/api/v1/subgraph?center=" + Id(named::kUnido) + "&depth=1").body);

  auto edge = Get(s, "/api/v1/edges?source=" + Q("Li Wei") + "&type=works-for&target=Siemens");
  REQUIRE(edge.status == 200);
  CHECK(edge.body["id"] == Id(named::kLiWei) + "-works-for-" + Id(named::kSiemens));
  // A symmetric edge by its names, in either order.
  auto partners = Get(s, "/api/v1/edges?source=UNIDO&type=partners-with&target=" + Q("Siemens AG"));
  REQUIRE(partners.status == 200);
  CHECK(partners.body["id"] == Id(named::kSiemens) + "-partners-with-" + Id(named::kUnido));
  CHECK(
      Get(s, "/api/v1/edges?source=" + Q("Anna Schmidt") + "&type=works-for&target=UNIDO").status ==
      409);
  CHECK(Get(s, "/api/v1/edges?source=Atlantis&type=works-for&target=UNIDO").status == 404);

  auto events = Get(s, "/api/v1/events?location=Vienna");
  REQUIRE(events.status == 200);
  REQUIRE(events.body["items"].size() == 1);
  CHECK(events.body["items"][0]["node"]["id"] == Id(named::kForum));
  // Only a location names the place of an event.
  CHECK(Get(s, "/api/v1/events?location=" + Q("Li Wei")).status == 404);

  auto by_name = Get(s, "/api/v1/export?format=jsonl&center=UNIDO&depth=1");
  auto by_id = Get(s, "/api/v1/export?format=jsonl&center=" + Id(named::kUnido) + "&depth=1");
  REQUIRE(by_name.status == 200);
  CHECK(by_name.text == by_id.text);
  CHECK(by_name.text.find("Vienna Energy Forum 2019") != std::string::npos);
  CHECK(Get(s, "/api/v1/export?format=jsonl&center=" + Q("Anna Schmidt")).status == 409);
}

TEST_CASE("a merge names its survivor by id or name", "[api][names]") {
  LiveServer s(api::ServerOptions{}, false);
  BuildNamedGraph(s.store());
  std::string energy = "/api/v1/nodes/" + Id(named::kSiemensEnergy) + "/merge";
  auto ambiguous = Send(s, "POST", energy, R"({"into": "Anna Schmidt"})");
  CHECK(ambiguous.status == 409);
  CHECK(ambiguous.body["error"]["candidates"].size() == 2);
  CHECK(Send(s, "POST", energy, R"({"into": "Atlantis"})").status == 404);
  CHECK(Get(s, "/api/v1/curations").body["items"].size() == 1);  // the merge of the fixture

  auto merged = Send(s, "POST", energy, R"({"into": "Siemens"})");
  REQUIRE(merged.status == 200);
  CHECK(merged.body["curation"]["what"]["into"] == Id(named::kSiemens));
  auto curations = Get(s, "/api/v1/curations");
  REQUIRE(curations.body["items"].size() == 2);
  CHECK(curations.body["items"][1]["id"] == merged.body["curation"]["id"]);
  // The merged node's name now names the survivor.
  CHECK(Get(s, "/api/v1/subgraph?center=" + Q("Siemens Energy")).body["center"] ==
        Id(named::kSiemens));
}
