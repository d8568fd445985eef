// An import keeps the article's date (issue 14): the date the text reader finds is the
// stored article's, and its edges' first and last seen (what since/until and the timeline
// use).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "actorgraph/importers/pipeline.h"
#include "actorgraph/importers/readers.h"
#include "support/extractor.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

std::string CorpusArticle(const std::string& name) {
  const char* corpus = std::getenv("ACTORGRAPH_CORPUS_DIR");
  std::filesystem::path path =
      std::filesystem::path(corpus ? corpus : "../shared/corpus") / "dev" / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Ingests `text` as read by ReadText; checks the stored article's date and its edges' dates.
void CheckImportKeepsDate(const std::string& text, const std::string& date) {
  auto doc = importers::ReadText(text, "article.txt");
  REQUIRE(doc.ok());
  REQUIRE(doc->date == date);
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  auto ingested = importers::IngestDocument(*store, testing::SharedExtractor(), doc.value());
  REQUIRE(ingested.ok());
  auto reader = store->Read();
  auto article = reader->GetArticle(ingested->article_id);
  REQUIRE(article.ok());
  CHECK(article->date == date);
  for (const core::EdgeKey& key : ingested->edges) {
    auto edge = reader->GetEdge(key);
    REQUIRE(edge.ok());
    CHECK(edge->first_seen == date);
    CHECK(edge->last_seen == date);
  }
}

}  // namespace

TEST_CASE("an import stores the date of a dev article's dateline", "[pipeline][dates]") {
  // "SHANGHAI, 18 April 2019 - Co-hosted by ..."
  CheckImportKeepsDate(CorpusArticle("unido-day-csitf-shanghai-2019.txt"), "2019-04-18");
}

TEST_CASE("an import stores the date of a German wire dateline", "[pipeline][dates]") {
  CheckImportKeepsDate(
      "Norda Robotics eröffnet Werk in Bremen\n\n"
      "Berlin, 30. März 2025 – Ana Lima, Chief Executive Officer of Norda Robotics, said the "
      "Bremen plant would open. Norda Robotics signed a partnership agreement with Tejo Motors "
      "Company.\n",
      "2025-03-30");
}

TEST_CASE("a document given without a date (JSON text) is dated from its text",
          "[pipeline][dates]") {
  importers::Document doc;  // as POST /articles builds it from {"text"}: no reader ran
  doc.text =
      "Madrid, 3 de marzo de 2024 - Ana Lima, Chief Executive Officer of Norda Robotics, said "
      "the Valencia plant would open. Norda Robotics signed a partnership agreement with Tejo "
      "Motors Company.";
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  auto ingested = importers::IngestDocument(*store, testing::SharedExtractor(), doc);
  REQUIRE(ingested.ok());
  auto article = store->Read()->GetArticle(ingested->article_id);
  REQUIRE(article.ok());
  CHECK(article->date == "2024-03-03");
}
