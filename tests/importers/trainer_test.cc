// The trainer on a small slice (a few CoNLL documents and three of our articles): it writes
// every model, the models open as an extractor that finds what the slice teaches, and the same
// inputs give the same weights.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "actorgraph/importers/training.h"
#include "importers/extract_test_util.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

std::string CorpusRoot() {
  const char* dir = std::getenv("ACTORGRAPH_CORPUS_DIR");
  return dir ? dir : "../shared/corpus";
}

// A corpus folder with the first `n` articles of ../shared/corpus/dev.
void CopyArticles(const fs::path& to, size_t n) {
  fs::create_directories(to);
  std::vector<fs::path> golds;
  for (const auto& f : fs::directory_iterator(fs::path(CorpusRoot()) / "dev"))
    if (f.path().string().ends_with(".gold.json")) golds.push_back(f.path());
  std::sort(golds.begin(), golds.end());
  REQUIRE(golds.size() >= n);
  for (size_t i = 0; i < n; ++i) {
    std::string base = golds[i].filename().string();
    base.resize(base.size() - std::string(".gold.json").size());
    fs::copy_file(golds[i], to / golds[i].filename());
    fs::copy_file(golds[i].parent_path() / (base + ".txt"), to / (base + ".txt"));
  }
}

importers::TrainingOptions SliceOptions(const testing::TempDir& tmp, const std::string& out) {
  importers::TrainingOptions o;
  o.corpus_dir = tmp.Sub("corpus");
  o.conll03 = CorpusRoot() + "/public/conll03/eng.train";
  o.conll04 = CorpusRoot() + "/public/conll04/conll04_train.json";
  o.resources.data_dir = std::string(std::getenv("ACTORGRAPH_SOURCE_DIR")) + "/importers/data";
  o.out_dir = out;
  o.max_conll_docs = 40;
  return o;
}

}  // namespace

TEST_CASE("the trainer writes models that open and extract, deterministically", "[train]") {
  REQUIRE(fs::exists(CorpusRoot() + "/public/conll03/eng.train"));
  REQUIRE(std::getenv("ACTORGRAPH_SOURCE_DIR"));
  testing::TempDir tmp;
  CopyArticles(tmp.Sub("corpus"), 3);
  std::ostringstream log;
  REQUIRE(importers::TrainModels(SliceOptions(tmp, tmp.Sub("a")), log).ok());
  REQUIRE(importers::TrainModels(SliceOptions(tmp, tmp.Sub("b")), log).ok());
  for (const char* m : {"tagger", "kind", "org", "relation"}) {
    INFO(m);
    CHECK(fs::file_size(tmp.Sub("a") + "/" + m + ".model") > 1000);
  }
  for (const char* dir : {"a", "b"})
    for (const auto& f : fs::directory_iterator(SliceOptions(tmp, "").resources.data_dir))
      fs::copy_file(f.path(), fs::path(tmp.Sub(dir)) / f.path().filename());

  importers::ExtractorOptions oa, ob;
  oa.data_dir = tmp.Sub("a");
  ob.data_dir = tmp.Sub("b");
  auto a = importers::Extractor::Open(oa);
  auto b = importers::Extractor::Open(ob);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value()->version() == b.value()->version());  // same data, same weights

  importers::Document doc;
  doc.text =
      "Maria Lindqvist, the chief executive of Kestrel Robotics, said on Monday in Oslo "
      "that the company would hire more engineers.";
  auto x = a.value()->Extract(doc);
  using importers::testing::FindEntity;
  CHECK(FindEntity(x, core::NodeType::kPerson, "Maria Lindqvist") >= 0);
  CHECK(FindEntity(x, core::NodeType::kLocation, "Oslo") >= 0);
  CHECK(x.extractor_version == a.value()->version());
}

TEST_CASE("the trainer names a missing training file", "[train]") {
  testing::TempDir tmp;
  CopyArticles(tmp.Sub("corpus"), 1);
  auto o = SliceOptions(tmp, tmp.Sub("out"));
  o.conll03 = tmp.Sub("no-such-eng.train");
  std::ostringstream log;
  auto st = importers::TrainModels(o, log);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message().find("no-such-eng.train") != std::string::npos);
}
