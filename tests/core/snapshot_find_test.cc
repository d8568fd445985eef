// GraphSnapshot::Find over ids spread evenly (hashes) and ids bunched together (small numbers,
// runs, the extremes of the range): every present id is found at its rank, no absent one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "actorgraph/core/graph_snapshot.h"

using namespace actorgraph;

TEST_CASE("snapshot Find locates every node however its ids are spread", "[core][snapshot]") {
  std::mt19937_64 rng(5);
  std::set<core::NodeId> ids;
  for (int k = 0; k < 3000; ++k) ids.insert(rng() | 1);                     // spread evenly
  for (core::NodeId k = 1; k <= 500; ++k) ids.insert(k);                    // bunched at the bottom
  for (core::NodeId k = 0; k < 500; ++k) ids.insert((1ULL << 63) + 3 * k);  // a run in the middle
  ids.insert(UINT64_MAX);
  ids.insert(UINT64_MAX - 1);
  core::GraphSnapshot::Builder builder;
  for (core::NodeId id : ids) {
    core::Node node;
    node.id = id;
    builder.AddNode(node);
  }
  auto snap = builder.Finish(1);
  REQUIRE(snap->node_count() == ids.size());
  core::GraphSnapshot::Index rank = 0;
  for (core::NodeId id : ids) {
    CHECK(snap->Find(id) == rank);
    ++rank;
  }
  size_t absent_checked = 0;
  for (int k = 0; k < 5000; ++k) {
    core::NodeId probe = k % 2 ? rng() : rng() % 2000;
    if (ids.count(probe)) continue;
    CHECK(snap->Find(probe) == core::GraphSnapshot::kNone);
    ++absent_checked;
  }
  CHECK(absent_checked > 4000);
  CHECK(snap->Find(0) == core::GraphSnapshot::kNone);
}
