// The query plans on a supernode: an event with 300,000 speakers and one moderator. LIMIT 10
// stops the expansion after ten edges, and an edge type the hub has once is found by binary
// search, never by walking the hub's other edges: each takes a small fraction of the time of
// the full expansion (a count over every speaker).
#include <catch2/catch.hpp>
#include <chrono>

#include "actorgraph/core/query.h"

namespace actorgraph::core::query {
namespace {

constexpr NodeId kHub = 1;
constexpr int kSpeakers = 300000;

std::shared_ptr<const GraphSnapshot> Hub() {
  GraphSnapshot::Builder b;
  Node hub;
  hub.id = kHub;
  hub.type = NodeType::kEvent;
  hub.name = "Summit";
  b.AddNode(hub);
  for (int i = 0; i <= kSpeakers; ++i) {
    Node p;
    p.id = 100 + static_cast<NodeId>(i);
    p.type = NodeType::kPerson;
    p.name = "Person " + std::to_string(i);
    b.AddNode(p);
    Edge e;
    e.key = {p.id, i == kSpeakers ? EdgeType::kModerates : EdgeType::kSpeaksAt, kHub};
    e.confidence = 0.5;
    b.AddEdge(e);
  }
  return b.Finish(1);
}

double Millis(const std::shared_ptr<const GraphSnapshot>& snap, const std::string& text,
              size_t* rows) {
  auto start = std::chrono::steady_clock::now();
  auto o = Run(snap, nullptr, text, {});
  auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  REQUIRE(o.ok());
  *rows = o.result.rows.size();
  return took.count();
}

TEST_CASE("query: a supernode's edges are not all visited for LIMIT 10 or a rare type", "[query]") {
  auto snap = Hub();
  size_t rows = 0;
  double full = Millis(snap, "MATCH (e {id: '1'})<-[:speaks_at]-(p) RETURN count(*)", &rows);
  double limited =
      Millis(snap, "MATCH (e {id: '1'})<-[:speaks_at]-(p) RETURN p.name LIMIT 10", &rows);
  CHECK(rows == 10);
  double rare = Millis(snap, "MATCH (e {id: '1'})<-[:moderates]-(p) RETURN p.name", &rows);
  CHECK(rows == 1);
  // From the speaker's side the hub is one edge away: the plan starts at the lookup.
  double from_person =
      Millis(snap, "MATCH (p:person {id: '150'})-[:speaks_at]->(e)<-[:moderates]-(m) RETURN m.name",
             &rows);
  CHECK(rows == 1);
  INFO("full " << full << " ms, LIMIT 10 " << limited << " ms, rare type " << rare
               << " ms, from a person " << from_person << " ms");
  CHECK(limited * 20 < full);
  CHECK(rare * 20 < full);
  CHECK(from_person * 20 < full);
}

}  // namespace
}  // namespace actorgraph::core::query
