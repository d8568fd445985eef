// The one runner of the hand-written extraction cases: every JSON file of
// tests/importers/data/extract_cases/ (format: extract_case.h) is run through the shared
// extractor. Adding a case is adding a file. A case must meet all its expectations, unless it
// carries "known_miss": then it must still miss one (strict xfail), so a fix is noticed and
// the mark removed. Every case also checks that evidence offsets point into the stored text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actorgraph/importers/pipeline.h"
#include "importers/extract_case.h"
#include "importers/readers_test_util.h"

using namespace actorgraph;
using namespace actorgraph::importers::testing;

namespace {

std::vector<ExtractCase> LoadCases() {
  std::vector<ExtractCase> cases;
  const auto dir = DataDir() / "extract_cases";
  if (!std::filesystem::is_directory(dir)) return cases;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".json")
      cases.push_back({f.path().filename().string(), nlohmann::json::parse(Slurp(f.path()))});
  std::sort(cases.begin(), cases.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });
  return cases;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

}  // namespace

TEST_CASE("hand-written extraction cases", "[extract][cases]") {
  const auto cases = LoadCases();
  REQUIRE(!cases.empty());
  int passing = 0, known_misses = 0;
  for (const ExtractCase& c : cases) {
    INFO("case " << c.file << ": " << c.name());
    const auto unknown = UnknownKeys(c.spec);
    CHECK(unknown.empty());
    const importers::Document doc = c.doc();
    const importers::Extraction x = actorgraph::testing::SharedExtractor().Extract(doc);
    const auto misses = Misses(c.spec, x);
    if (c.known_miss().empty()) {
      if (!misses.empty()) FAIL_CHECK("expectations not met:" << Lines(misses));
      passing += misses.empty();
    } else {
      if (misses.empty())
        FAIL_CHECK("passes now: remove its \"known_miss\" (" << c.known_miss() << ")");
      known_misses += !misses.empty();
    }
    const core::ArticleFacts facts = importers::ToFacts(doc, x);
    CHECK(facts.text == importers::ArticleText(doc));
    for (const auto& r : facts.relations) {
      REQUIRE(r.begin < r.end);
      REQUIRE(r.end <= facts.text.size());
      CHECK(facts.text.substr(r.begin, r.end - r.begin) == r.sentence);
    }
  }
  WARN(cases.size() << " extraction cases: " << passing << " pass, " << known_misses
                    << " known misses");
}
