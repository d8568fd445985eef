// End-to-end: /edges?source=&type= without a target lists the source's edges of that type,
// paged like the neighbours endpoint.
#include <catch2/catch.hpp>
#include <set>

#include "api/named_graph.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

std::string Id(core::NodeId id) { return std::to_string(id); }

std::set<std::string> NeighborIds(const json& page) {
  std::set<std::string> out;
  for (const auto& item : page["items"]) out.insert(item["neighbor"]["id"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a node's edges of one type: out-edges by default, in or both on request",
          "[api][edges]") {
  auto& s = NamedServer();
  auto mine = Get(s, "/api/v1/edges?source=" + httplib::detail::encode_query_param("Li Wei") +
                         "&type=works-for");
  REQUIRE(mine.status == 200);
  REQUIRE(mine.body["items"].size() == 1);
  CHECK(mine.body["total"] == 1);
  CHECK(mine.body["items"][0]["direction"] == "out");
  CHECK(mine.body["items"][0]["edge"]["type"] == "works-for");
  CHECK(mine.body["items"][0]["neighbor"]["id"] == Id(named::kSiemens));
  CHECK(mine.body["next_cursor"].is_null());

  // Siemens employs two people: none of its works-for edges goes out.
  auto out = Get(s, "/api/v1/edges?source=Siemens&type=works-for");
  REQUIRE(out.status == 200);
  CHECK(out.body["total"] == 0);
  CHECK(out.body["items"].empty());
  auto in = Get(s, "/api/v1/edges?source=Siemens&type=works-for&direction=in");
  REQUIRE(in.status == 200);
  CHECK(in.body["total"] == 2);
  CHECK(NeighborIds(in.body) == std::set<std::string>{Id(named::kAnnaA), Id(named::kLiWei)});
  for (const auto& item : in.body["items"]) {
    CHECK(item["direction"] == "in");
    CHECK(item["edge"]["target"] == Id(named::kSiemens));
  }
  // The same page as the neighbours endpoint with the same filter.
  auto neighbors = Get(
      s, "/api/v1/nodes/" + Id(named::kSiemens) + "/neighbors?edge_type=works-for&direction=in");
  CHECK(neighbors.body == in.body);
}

TEST_CASE("a symmetric type lists both directions; pages join without overlap", "[api][edges]") {
  auto& s = NamedServer();
  // UNIDO partners with Siemens AG (stored from Siemens, the smaller id) and Siemens Energy.
  std::string base = "/api/v1/edges?source=UNIDO&type=partners-with";
  auto all = Get(s, base);
  REQUIRE(all.status == 200);
  CHECK(all.body["total"] == 2);
  CHECK(NeighborIds(all.body) ==
        std::set<std::string>{Id(named::kSiemens), Id(named::kSiemensEnergy)});
  CHECK(Get(s, base + "&direction=out").body == all.body);

  auto first = Get(s, base + "&limit=1");
  REQUIRE(first.body["items"].size() == 1);
  REQUIRE(first.body["next_cursor"].is_string());
  auto second = Get(s, base + "&limit=1&cursor=" + first.body["next_cursor"].get<std::string>());
  REQUIRE(second.body["items"].size() == 1);
  CHECK(second.body["next_cursor"].is_null());
  std::set<std::string> joined = NeighborIds(first.body);
  joined.merge(NeighborIds(second.body));
  CHECK(joined == NeighborIds(all.body));

  // Filters of the neighbours endpoint apply; the edge type is 'type'.
  CHECK(Get(s, base + "&since=2020-01-01").body["total"] == 0);
  CHECK(Get(s, base + "&edge_type=works-for").status == 400);
  CHECK(Get(s, base + "&direction=sideways").status == 400);
  CHECK(Get(s, base + "&cursor=zz").status == 400);
  CHECK(Get(s, "/api/v1/edges?source=UNIDO").status == 400);
  CHECK(Get(s, "/api/v1/edges?source=Atlantis&type=works-for").status == 404);
}
