// An article past the extraction budget is refused, not stored, and a batch import goes on
// past it; an article that hit a cap is stored and says which (IngestResult).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "actorgraph/importers/pipeline.h"
#include "support/limited_extractor.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

importers::Document Short(const std::string& url) {
  return importers::Document{url, "", "",
                             "Ana Lima, Chief Executive Officer of Norda Robotics, said the "
                             "Porto plant would open.",
                             ""};
}

importers::Document TooLong(const std::string& url) {
  return importers::Document{url, "", "", testing::DevCorpusText(400 << 10), ""};
}

importers::ExtractionLimits Budget(int ms) {
  importers::ExtractionLimits limits;
  limits.cpu_budget = std::chrono::milliseconds(ms);
  return limits;
}

size_t ArticleCount(core::GraphStore& store) {
  size_t n = 0;
  REQUIRE(store.Read()->ForEachArticle([&](const core::Article&) { return ++n, true; }).ok());
  return n;
}

}  // namespace

TEST_CASE("IngestDocument refuses an article past the CPU budget and stores nothing",
          "[pipeline][limits]") {
  auto extractor = testing::OpenLimitedExtractor(Budget(50));
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  auto result = importers::IngestDocument(*store, *extractor, TooLong("u:long"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == core::StatusCode::kDeadlineExceeded);
  CHECK_THAT(result.status().message(), Catch::Contains("too complex to extract"));
  CHECK(ArticleCount(*store) == 0);
}

TEST_CASE("BatchIngestor reports a too complex article refused and imports the rest",
          "[pipeline][limits]") {
  auto extractor = testing::OpenLimitedExtractor(Budget(50));
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  std::vector<std::pair<std::string, core::Status>> reports;
  {
    importers::BatchIngestor ingestor(
        *store, *extractor,
        [&](const std::string& origin, const core::Result<core::IngestResult>& r) {
          reports.emplace_back(origin, r.status());
        },
        2, 2);
    ingestor.Add("a", Short("u:a"));
    ingestor.Add("long", TooLong("u:long"));
    ingestor.Add("b", Short("u:b"));
    REQUIRE(ingestor.Flush().ok());
  }
  REQUIRE(reports.size() == 3);
  CHECK(reports[0].second.ok());
  CHECK(reports[1].first == "long");
  CHECK(reports[1].second.code() == core::StatusCode::kDeadlineExceeded);
  CHECK(reports[2].second.ok());
  CHECK(ArticleCount(*store) == 1);  // a and b have the same text: one article
}

TEST_CASE("an article that hit a cap is stored and names the cap", "[pipeline][limits]") {
  importers::ExtractionLimits limits;
  limits.max_mentions = 1;
  auto extractor = testing::OpenLimitedExtractor(limits);
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  auto result = importers::IngestDocument(*store, *extractor, Short("u:a"));
  REQUIRE(result.ok());
  CHECK(result->extraction_limits == std::vector<std::string>{"mentions_capped"});
  CHECK(result->nodes.size() <= 1);
  CHECK(ArticleCount(*store) == 1);
}
