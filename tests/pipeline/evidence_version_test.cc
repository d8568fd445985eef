// Ingestion records which models decided: every evidence record that IngestDocument and
// BatchIngestor store carries Extractor::version() (DESIGN.md, Model).
#include <catch2/catch.hpp>
#include <string>

#include "actorgraph/importers/pipeline.h"
#include "support/extractor.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

// Article `i` of five, each naming another chief executive.
importers::Document Article(int i) {
  static const char* kNames[] = {"Ana Lima", "Rui Costa", "Marta Silva", "Joao Pereira",
                                 "Ines Sousa"};
  importers::Document doc;
  doc.url = "https://example.org/" + std::to_string(i);
  doc.text = std::string(kNames[i % 5]) +
             ", Chief Executive Officer of Norda Robotics, said the "
             "Porto plant would open. Norda Robotics signed a partnership agreement with Tejo "
             "Motors Company.";
  return doc;
}

// The number of evidence records in `store`; fails on one whose version is not `version`.
int EvidenceWithVersion(core::GraphStore& store, const std::string& version) {
  auto reader = store.Read();
  int n = 0;
  REQUIRE(reader
              ->ForEachEdge([&](const core::Edge& e) {
                auto evidence = reader->GetEvidence(e.key);
                REQUIRE(evidence.ok());
                for (const auto& ev : evidence.value()) {
                  CHECK(ev.extractor_version == version);
                  ++n;
                }
                return true;
              })
              .ok());
  return n;
}

}  // namespace

TEST_CASE("IngestDocument stores the extractor's version in every evidence", "[pipeline]") {
  const auto& extractor = testing::SharedExtractor();
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  REQUIRE(importers::IngestDocument(*store, extractor, Article(0)).ok());
  CHECK(EvidenceWithVersion(*store, extractor.version()) >= 1);
}

TEST_CASE("BatchIngestor stores the extractor's version in every evidence", "[pipeline]") {
  const auto& extractor = testing::SharedExtractor();
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  {
    importers::BatchIngestor ingestor(
        *store, extractor, [](const std::string&, const auto& r) { REQUIRE(r.ok()); }, 2, 2);
    for (int i = 0; i < 5; ++i) ingestor.Add(std::to_string(i), Article(i));
    REQUIRE(ingestor.Flush().ok());
  }
  CHECK(EvidenceWithVersion(*store, extractor.version()) >= 1);
}
