// GraphReader::ForEachArticleAfter: the articles after an id, in id order (the pages of
// GET /api/v1/articles resume there).
#include <catch2/catch.hpp>
#include <vector>

#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using testing::OpenOrDie;

namespace {

constexpr core::ArticleId kIds[] = {5, 9, 0x8000000000000001ull, UINT64_MAX};

std::vector<core::ArticleId> IdsAfter(core::GraphReader& reader, core::ArticleId after,
                                      size_t stop_after = SIZE_MAX) {
  std::vector<core::ArticleId> out;
  REQUIRE(reader
              .ForEachArticleAfter(after,
                                   [&](const core::Article& a) {
                                     out.push_back(a.id);
                                     return out.size() < stop_after;
                                   })
              .ok());
  return out;
}

}  // namespace

TEST_CASE("articles after an id come in id order, the id itself excluded", "[store][articles]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  for (core::ArticleId id : {kIds[3], kIds[0], kIds[2], kIds[1]}) {  // written out of order
    core::GraphDelta delta;
    core::Article a;
    a.id = id;
    a.content_hash = std::to_string(id) + std::string(32 - std::to_string(id).size(), 'a');
    a.text = "article " + std::to_string(id);
    delta.article = a;
    REQUIRE(store->Apply(delta).ok());
  }
  auto reader = store->Read();
  using Ids = std::vector<core::ArticleId>;
  CHECK(IdsAfter(*reader, 0) == Ids{kIds[0], kIds[1], kIds[2], kIds[3]});
  CHECK(IdsAfter(*reader, 5) == Ids{kIds[1], kIds[2], kIds[3]});
  CHECK(IdsAfter(*reader, 6) == Ids{kIds[1], kIds[2], kIds[3]});
  CHECK(IdsAfter(*reader, kIds[2]) == Ids{kIds[3]});
  CHECK(IdsAfter(*reader, kIds[3]).empty());
  CHECK(IdsAfter(*reader, 0, 2) == Ids{kIds[0], kIds[1]});  // the visitor stops the scan
  // ForEachArticle is the scan from the start.
  Ids all;
  REQUIRE(reader
              ->ForEachArticle([&](const core::Article& a) {
                all.push_back(a.id);
                return true;
              })
              .ok());
  CHECK(all == IdsAfter(*reader, 0));
}
