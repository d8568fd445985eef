// BatchIngestor's contract (importers/pipeline.h): every document reported once, in the order
// added, and an article only after a WAL sync that followed its write; a failed sync reports
// its whole batch as failed. Extraction of the next batch overlaps the write of this one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "actorgraph/importers/pipeline.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "articles.h"
#include "support/extractor.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

// A RocksGraphStore that logs the order of writes and syncs, and can fail one sync.
class RecordingStore : public core::GraphStore {
 public:
  RecordingStore(core::GraphStore& inner, std::vector<std::string>& log)
      : inner_(inner), log_(log) {}

  core::Result<core::ApplyStats> Apply(const core::GraphDelta& delta,
                                       const core::ApplyOptions& o) override {
    auto r = inner_.Apply(delta, o);
    if (r.ok() && delta.article) log_.push_back("write " + delta.article->url);
    return r;
  }
  core::Status Sync() override {
    ++syncs_;
    log_.push_back("sync");
    if (syncs_ == fail_sync_) return core::Status::IoError("injected sync failure");
    return inner_.Sync();
  }
  std::unique_ptr<core::GraphReader> Read() override { return inner_.Read(); }
  uint64_t Version() const override { return inner_.Version(); }
  core::Status WithWriteLock(const std::function<core::Status()>& fn) override {
    return inner_.WithWriteLock(fn);
  }

  int syncs_ = 0;
  int fail_sync_ = 0;  // 1-based; 0: never

 private:
  core::GraphStore& inner_;
  std::vector<std::string>& log_;
};

importers::Document Doc(int i) {
  return importers::Document{"doc" + std::to_string(i), "", "", testing::GeneratedArticle(i, 5),
                             ""};
}

}  // namespace

TEST_CASE("group commit reports every article in order, each after the sync that made it durable",
          "[pipeline]") {
  testing::TempDir tmp;
  auto inner = storage::RocksGraphStore::Open(tmp.Sub("db"));
  REQUIRE(inner.ok());
  std::vector<std::string> log;
  RecordingStore store(**inner, log);
  std::vector<std::string> acked;
  {
    importers::BatchIngestor ingestor(
        store, testing::SharedExtractor(),
        [&](const std::string& origin, const core::Result<core::IngestResult>& r) {
          REQUIRE(r.ok());
          acked.push_back(origin);
          log.push_back("ack " + origin);
        },
        2, 3);
    for (int i = 0; i < 10; ++i) ingestor.Add("o" + std::to_string(i), Doc(i));
    REQUIRE(ingestor.Flush().ok());
  }
  REQUIRE(acked.size() == 10);
  for (int i = 0; i < 10; ++i) CHECK(acked[i] == "o" + std::to_string(i));
  CHECK(store.syncs_ == 4);  // batches of 3, 3, 3, 1
  // Every ack follows the write of its article and a sync after that write.
  for (int i = 0; i < 10; ++i) {
    auto at = [&](const std::string& s) {
      return std::find(log.begin(), log.end(), s) - log.begin();
    };
    auto write = at("write doc" + std::to_string(i)), ack = at("ack o" + std::to_string(i));
    REQUIRE(write < static_cast<long>(log.size()));
    CHECK(std::find(log.begin() + write, log.begin() + ack, "sync") != log.begin() + ack);
  }
  CHECK(store.Read()->Counts().articles == 10);
}

TEST_CASE("a failed sync reports its batch as failed, and only its batch", "[pipeline]") {
  // Batches of 4 over 10 documents: the first is written while the third is being added, the
  // second and third by Flush, which returns the error of a failed sync of its own.
  int failing = GENERATE(1, 2, 3);
  testing::TempDir tmp;
  auto inner = storage::RocksGraphStore::Open(tmp.Sub("db"));
  REQUIRE(inner.ok());
  std::vector<std::string> log;
  RecordingStore store(**inner, log);
  store.fail_sync_ = failing;
  std::vector<std::pair<std::string, bool>> reported;
  importers::BatchIngestor ingestor(
      store, testing::SharedExtractor(),
      [&](const std::string& origin, const auto& r) { reported.emplace_back(origin, r.ok()); }, 2,
      4);
  for (int i = 0; i < 10; ++i) ingestor.Add("o" + std::to_string(i), Doc(i));
  CHECK(ingestor.Flush().ok() == (failing == 1));
  REQUIRE(reported.size() == 10);
  for (int i = 0; i < 10; ++i) {
    CHECK(reported[i].first == "o" + std::to_string(i));
    CHECK(reported[i].second == (i / 4 + 1 != failing));
  }
}
