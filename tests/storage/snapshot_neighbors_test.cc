// GraphSnapshot::Neighbors pages exactly as the store's reader does (same order, same cursors,
// each cursor valid in the other), over a random graph with hubs, every edge type, edges in
// both directions between the same pair, and self-loops.
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "actorgraph/core/graph_snapshot.h"
#include "actorgraph/core/neighbor_cursor.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::Direction;
using core::EdgeType;

namespace {

// (edge key, side) of every entry of every page, and the cursors in between.
struct Listing {
  std::vector<std::pair<core::EdgeKey, Direction>> entries;
  std::vector<std::string> cursors;
};

bool SameKey(const core::EdgeKey& a, const core::EdgeKey& b) {
  return a.src == b.src && a.type == b.type && a.dst == b.dst;
}

Listing FromStore(core::GraphReader& reader, core::NodeId id, core::NeighborQuery q) {
  Listing out;
  do {
    auto page = reader.Neighbors(id, q);
    REQUIRE(page.ok());
    for (const auto& e : page->entries) out.entries.emplace_back(e.edge.key, e.direction);
    q.cursor = page->next_cursor;
    out.cursors.push_back(q.cursor);
  } while (!q.cursor.empty());
  return out;
}

Listing FromSnapshot(const core::GraphSnapshot& snap, core::NodeId id, core::NeighborQuery q) {
  Listing out;
  auto i = snap.Find(id);
  REQUIRE(i != core::GraphSnapshot::kNone);
  do {
    auto page = snap.Neighbors(i, q);
    REQUIRE(page.ok());
    for (const auto& [e, side] : page->edges) out.entries.emplace_back(snap.edge(e).key, side);
    q.cursor = page->next_cursor;
    out.cursors.push_back(q.cursor);
  } while (!q.cursor.empty());
  return out;
}

void CheckSame(const Listing& a, const Listing& b) {
  REQUIRE(a.entries.size() == b.entries.size());
  for (size_t k = 0; k < a.entries.size(); ++k) {
    CHECK(SameKey(a.entries[k].first, b.entries[k].first));
    CHECK(a.entries[k].second == b.entries[k].second);
  }
  CHECK(a.cursors == b.cursors);
}

}  // namespace

TEST_CASE("snapshot neighbour pages equal the store's, cursor for cursor", "[storage][snapshot]") {
  testing::TempDir dir;
  auto opened = storage::RocksGraphStore::Open(dir.path());
  REQUIRE(opened.ok());
  auto& store = *opened.value();

  std::mt19937_64 rng(20261128);
  core::GraphDelta delta;
  std::vector<core::NodeId> ids;
  for (int n = 0; n < 60; ++n) {
    core::Node node;
    node.id = rng();
    node.type = core::kAllNodeTypes[n % 5];
    node.name = "node " + std::to_string(n);
    ids.push_back(node.id);
    delta.put_nodes.push_back(node);
  }
  auto add = [&](core::NodeId src, EdgeType type, core::NodeId dst) {
    core::Edge e;
    e.key = {src, type, dst};
    e.confidence = 0.5;
    delta.put_edges.push_back(e);
  };
  for (int k = 0; k < 400; ++k) {
    core::NodeId a = ids[rng() % 8 == 0 ? 0 : rng() % ids.size()];  // node 0 is a hub
    add(a, core::kAllEdgeTypes[rng() % 7], ids[rng() % ids.size()]);
  }
  add(ids[0], EdgeType::kPartnersWith, ids[0]);  // a self-loop
  add(ids[1], EdgeType::kPartnersWith, ids[0]);  // both directions between one pair
  add(ids[0], EdgeType::kPartnersWith, ids[1]);
  REQUIRE(store.Apply(delta).ok());

  auto snap = core::GraphSnapshot::Build(*store.Read(), store.Version());
  REQUIRE(snap.ok());
  auto reader = store.Read();
  size_t compared = 0;
  for (core::NodeId id : {ids[0], ids[1], ids[2], ids[17], ids[42]}) {
    for (Direction dir : {Direction::kBoth, Direction::kOut, Direction::kIn}) {
      for (std::optional<EdgeType> type :
           {std::optional<EdgeType>{}, std::optional{EdgeType::kPartnersWith},
            std::optional{EdgeType::kWorksFor}}) {
        for (size_t limit : {1, 3, 50}) {
          core::NeighborQuery q;
          q.direction = dir;
          q.edge_type = type;
          q.limit = limit;
          Listing store_listing = FromStore(*reader, id, q);
          CheckSame(store_listing, FromSnapshot(*snap.value(), id, q));
          compared += store_listing.entries.size();
        }
      }
    }
  }
  CHECK(compared > 500);  // the listings were not empty

  // Each self-loop of the hub is listed twice (out and in), like the store's O and I keys.
  std::set<EdgeType> loop_types;
  for (const auto& e : delta.put_edges)
    if (e.key.src == ids[0] && e.key.dst == ids[0]) loop_types.insert(e.key.type);
  core::NeighborQuery all;
  all.limit = 1000;
  auto hub = FromSnapshot(*snap.value(), ids[0], all);
  size_t loops = 0;
  for (const auto& [key, side] : hub.entries) loops += key.src == key.dst;
  CHECK(loops == 2 * loop_types.size());
  CHECK(loops >= 2);

  // A cursor of one continues in the other.
  core::NeighborQuery q;
  q.limit = 5;
  auto first = reader->Neighbors(ids[0], q);
  REQUIRE(first.ok());
  REQUIRE(!first->next_cursor.empty());
  q.cursor = first->next_cursor;
  q.limit = 1000;
  Listing rest_store = FromStore(*reader, ids[0], q),
          rest_snap = FromSnapshot(*snap.value(), ids[0], q);
  CheckSame(rest_store, rest_snap);
  CHECK(rest_store.entries.size() + 5 == hub.entries.size());

  // Bad cursors and another node's cursor are refused by both.
  auto i0 = snap.value()->Find(ids[0]), i1 = snap.value()->Find(ids[1]);
  for (std::string bad : {std::string("zz"), std::string(36, 'g'), first->next_cursor.substr(2)}) {
    q.cursor = bad;
    CHECK(reader->Neighbors(ids[0], q).status().code() == core::StatusCode::kInvalidArgument);
    CHECK(snap.value()->Neighbors(i0, q).status().code() == core::StatusCode::kInvalidArgument);
  }
  q.cursor = first->next_cursor;
  CHECK(reader->Neighbors(ids[1], q).status().code() == core::StatusCode::kInvalidArgument);
  CHECK(snap.value()->Neighbors(i1, q).status().code() == core::StatusCode::kInvalidArgument);
}

TEST_CASE("the snapshot cache answers IfCurrent only while the store is unchanged",
          "[storage][snapshot]") {
  testing::TempDir dir;
  auto opened = storage::RocksGraphStore::Open(dir.path());
  REQUIRE(opened.ok());
  auto& store = *opened.value();
  core::GraphDelta delta;
  core::Node node;
  node.id = 7;
  node.name = "seven";
  delta.put_nodes.push_back(node);
  REQUIRE(store.Apply(delta).ok());

  core::SnapshotCache cache(store);
  CHECK(cache.IfCurrent() == nullptr);  // never built
  auto built = cache.Get();
  REQUIRE(built.ok());
  CHECK(cache.IfCurrent() == built.value());
  CHECK(built.value()->Find(7) != core::GraphSnapshot::kNone);

  node.id = 8;
  delta.put_nodes = {node};
  REQUIRE(store.Apply(delta).ok());
  CHECK(cache.IfCurrent() == nullptr);  // behind the store: not answered, not rebuilt
  auto rebuilt = cache.Get();
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt.value()->Find(8) != core::GraphSnapshot::kNone);
  CHECK(cache.IfCurrent() == rebuilt.value());
}
