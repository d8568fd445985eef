#include "actorgraph/storage/key_codec.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace actorgraph;
using namespace actorgraph::storage;

TEST_CASE("edge keys round trip in both directions", "[key_codec]") {
  core::EdgeKey e{0x0102030405060708ULL, core::EdgeType::kSpeaksAt, 0xfffffffffffffff0ULL};
  auto out = DecodeAdjacencyKey(OutKey(e));
  auto in = DecodeAdjacencyKey(InKey(e));
  REQUIRE(out);
  REQUIRE(in);
  CHECK(*out == e);
  CHECK(*in == e);
  auto ev = DecodeEvidenceKey(EvidenceKey(e, 42));
  REQUIRE(ev);
  CHECK(ev->first == e);
  CHECK(ev->second == 42);
  CHECK(DecodeNodeKey(NodeKey(77)) == std::optional<core::NodeId>(77));
  auto idx = DecodeIndexKey(IndexKey("siemens china", 9));
  REQUIRE(idx);
  CHECK(idx->folded_name == "siemens china");
  CHECK(idx->node == 9);
}

TEST_CASE("decoders refuse keys of the wrong kind or length", "[key_codec]") {
  CHECK_FALSE(DecodeNodeKey(OutKey({1, core::EdgeType::kPartOf, 2})));
  CHECK_FALSE(DecodeAdjacencyKey(NodeKey(1)));
  CHECK_FALSE(DecodeAdjacencyKey(OutKey({1, core::EdgeType::kPartOf, 2}).substr(0, 17)));
  CHECK_FALSE(
      DecodeIndexKey("X\x01"
                     "abc"));
}

TEST_CASE("byte order of keys equals numeric order of ids", "[key_codec]") {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> ids{0, 1, 255, 256, 65535, 65536, UINT64_MAX};
  for (int i = 0; i < 2000; ++i) ids.push_back(rng() >> (rng() % 64));
  std::vector<std::pair<std::string, uint64_t>> keys;
  for (uint64_t id : ids) keys.emplace_back(NodeKey(id), id);
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) CHECK(keys[i - 1].second <= keys[i].second);
}

TEST_CASE("a prefix holds exactly its keys", "[key_codec]") {
  // Adjacency keys of node 5 with every type, and of the neighbouring ids 4 and 6.
  std::vector<std::string> keys;
  for (core::NodeId src : std::vector<core::NodeId>{4, 5, 6})
    for (core::EdgeType t : core::kAllEdgeTypes)
      for (core::NodeId dst : std::vector<core::NodeId>{0, 1, UINT64_MAX})
        keys.push_back(OutKey({src, t, dst}));
  std::sort(keys.begin(), keys.end());
  std::string node_prefix = AdjacencyPrefix(kind::kOut, 5);
  std::string type_prefix = AdjacencyPrefix(kind::kOut, 5, core::EdgeType::kOrganizes);
  for (const auto& [prefix, expected] :
       std::vector<std::pair<std::string, size_t>>{{node_prefix, 21}, {type_prefix, 3}}) {
    std::string upper = PrefixSuccessor(prefix);
    size_t in_range = std::count_if(keys.begin(), keys.end(),
                                    [&](const std::string& k) { return k >= prefix && k < upper; });
    size_t with_prefix = std::count_if(keys.begin(), keys.end(), [&](const std::string& k) {
      return k.compare(0, prefix.size(), prefix) == 0;
    });
    CHECK(in_range == expected);
    CHECK(with_prefix == expected);
  }
  // A name that extends another is not under the other's exact prefix.
  std::string exact = IndexExactPrefix("bosch");
  CHECK(IndexKey("bosch china", 1).compare(0, exact.size(), exact) != 0);
  CHECK(IndexKey("bosch", 1).compare(0, exact.size(), exact) == 0);
}

TEST_CASE("prefix successor skips trailing 0xff bytes", "[key_codec]") {
  CHECK(PrefixSuccessor(std::string("a\xff", 2)) == "b");
  CHECK(PrefixSuccessor("ab") == "ac");
}
