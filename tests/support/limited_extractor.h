// Extractors opened with ExtractionLimits of a test's choosing (the shared one has the
// defaults), and long article text built from the dev corpus for the limits to bite on.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/importers/extraction.h"

namespace actorgraph::testing {

// No caps and no CPU budget: the whole pipeline, whatever the article.
inline importers::ExtractionLimits NoLimits() {
  importers::ExtractionLimits none;
  none.max_sentence_tokens = std::numeric_limits<size_t>::max();
  none.max_mentions = std::numeric_limits<size_t>::max();
  none.cpu_budget = std::chrono::milliseconds::zero();
  return none;
}

// An extractor from importers::DataDir() with `limits`; fails the test when it cannot open.
inline std::unique_ptr<importers::Extractor> OpenLimitedExtractor(
    const importers::ExtractionLimits& limits) {
  importers::ExtractorOptions options;
  options.limits = limits;
  auto opened = importers::Extractor::Open(options);
  if (!opened.ok()) FAIL("cannot open the extractor: " << opened.status().ToString());
  return std::move(opened.value());
}

// `bytes` bytes of article text: the dev corpus's articles (sorted by name, so every run
// reads the same text) one after another, repeated. Fails when the corpus is missing.
inline std::string DevCorpusText(size_t bytes) {
  namespace fs = std::filesystem;
  const char* env = std::getenv("ACTORGRAPH_CORPUS_DIR");
  const fs::path dev = fs::path(env ? env : "../shared/corpus") / "dev";
  if (!fs::exists(dev)) FAIL("no corpus at " << dev << " (set ACTORGRAPH_CORPUS_DIR)");
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(dev))
    if (f.path().extension() == ".txt") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  std::string corpus;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    corpus += ss.str() + "\n\n";
  }
  REQUIRE(!corpus.empty());
  std::string text;
  while (text.size() < bytes) text += corpus;
  text.resize(bytes);
  return text;
}

}  // namespace actorgraph::testing
