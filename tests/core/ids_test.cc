// Evidence ids are stored: re-importing an article must give the same ids, so the string they
// hash is pinned here (written out the plain way).
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>

#include "actorgraph/core/hashing.h"
#include "actorgraph/core/resolver.h"

using namespace actorgraph;

namespace {

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

TEST_CASE("evidence ids hash article, edge and offsets as they always have", "[core][ids]") {
  std::mt19937_64 rng(3);
  for (int k = 0; k < 2000; ++k) {
    core::ArticleId article = rng();
    core::EdgeKey edge{rng(), core::kAllEdgeTypes[rng() % 7], rng()};
    uint32_t begin = static_cast<uint32_t>(rng() % 1000000),
             end = begin + static_cast<uint32_t>(rng() % 5000);
    if (k == 0) begin = end = UINT32_MAX;  // the widest offsets
    std::string plain = Hex(article) + Hex(edge.src) + core::EdgeTypeName(edge.type) +
                        Hex(edge.dst) + std::to_string(begin) + ":" + std::to_string(end);
    CHECK(core::EvidenceIdFor(article, edge, begin, end) == core::Hash64(plain, 7));
  }
}
