// The cost of durability, measured (hidden: run `test_reliability "[.durability]"`): articles/s
// ingested with one WAL sync per article (what POST /api/v1/articles does), with one sync per
// batch of 256 (group commit: `actorgraph import`), and without syncing (--no-sync).
#include <catch2/catch.hpp>
#include <chrono>

#include "actorgraph/importers/pipeline.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "articles.h"
#include "support/extractor.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

double ArticlesPerSecond(bool sync_writes, size_t batch, int n) {
  testing::TempDir tmp;
  storage::RocksStoreOptions options;
  options.sync_writes = sync_writes;
  auto store = storage::RocksGraphStore::Open(tmp.Sub("db"), options);
  REQUIRE(store.ok());
  int acked = 0;
  auto start = std::chrono::steady_clock::now();
  {
    importers::BatchIngestor ingestor(
        **store, testing::SharedExtractor(),
        [&](const std::string&, const auto& r) { acked += r.ok(); }, 2, batch);
    for (int i = 0; i < n; ++i)
      ingestor.Add(std::to_string(i),
                   importers::Document{"", "", "", testing::GeneratedArticle(i, 11), ""});
    REQUIRE(ingestor.Flush().ok());
  }
  REQUIRE(acked == n);
  return n / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("durability costs", "[.durability]") {
  const int n = 2000;
  WARN("sync per article:   " << ArticlesPerSecond(true, 1, n) << " articles/s");
  WARN("sync per 256 (group commit): " << ArticlesPerSecond(true, 256, n) << " articles/s");
  WARN("no sync:            " << ArticlesPerSecond(false, 256, n) << " articles/s");
}
