// Extractor::Open's contract (importers/extraction.h): every file of the data folder is
// needed, and a missing or corrupt one is an error naming it; what it extracts carries its
// version.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "actorgraph/importers/extraction.h"
#include "support/extractor.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

// The files of the build's data folder (models and word lists), by name.
std::vector<std::string> DataFiles(const std::string& ext) {
  std::vector<std::string> names;
  for (const auto& f : fs::directory_iterator(importers::DataDir()))
    if (f.path().extension() == ext) names.push_back(f.path().filename().string());
  return names;
}

// A copy of the build's data folder in `dir`.
std::string CopyOfData(const testing::TempDir& dir) {
  const std::string copy = dir.Sub("data");
  fs::copy(importers::DataDir(), copy, fs::copy_options::recursive);
  return copy;
}

std::string OpenError(const std::string& data_dir) {
  importers::ExtractorOptions options;
  options.data_dir = data_dir;
  auto x = importers::Extractor::Open(options);
  return x.ok() ? std::string() : x.status().message();
}

}  // namespace

TEST_CASE("the build's data folder opens", "[extract][open]") {
  const auto& x = testing::SharedExtractor();
  CHECK_FALSE(x.version().empty());
  CHECK(x.memory_bytes() > 0);
}

TEST_CASE("a missing data folder is an error naming it", "[extract][open]") {
  testing::TempDir dir;
  const std::string missing = dir.Sub("no-such-data");
  std::string error = OpenError(missing);
  REQUIRE_FALSE(error.empty());
  CHECK(error.find(missing) != std::string::npos);
}

TEST_CASE("each missing model or word list is an error naming it", "[extract][open]") {
  auto names = DataFiles(".model");
  for (const auto& list : DataFiles(".txt")) names.push_back(list);
  REQUIRE(names.size() >= 4);
  for (const auto& name : names) {
    INFO("without " << name);
    testing::TempDir dir;
    const std::string data = CopyOfData(dir);
    fs::remove(data + "/" + name);
    std::string error = OpenError(data);
    REQUIRE_FALSE(error.empty());
    CHECK(error.find(name) != std::string::npos);
  }
}

TEST_CASE("a model with one byte flipped is an error naming it", "[extract][open]") {
  const auto models = DataFiles(".model");
  REQUIRE_FALSE(models.empty());
  for (const auto& name : models) {
    for (double at : {0.0, 0.5, 1.0}) {  // the header, the weights, the last byte
      INFO(name << " flipped at " << at);
      testing::TempDir dir;
      const std::string path = CopyOfData(dir) + "/" + name;
      const auto size = fs::file_size(path);
      const auto offset = static_cast<std::streamoff>(at * static_cast<double>(size - 1));
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      f.seekg(offset);
      char c = 0;
      f.get(c);
      f.seekp(offset);
      f.put(static_cast<char>(c ^ 0x20));
      f.close();
      std::string error = OpenError(fs::path(path).parent_path().string());
      REQUIRE_FALSE(error.empty());
      CHECK(error.find(name) != std::string::npos);
    }
  }
}

TEST_CASE("every extraction carries the extractor's version", "[extract][open]") {
  const auto& x = testing::SharedExtractor();
  for (const char* text :
       {"", "Nothing to see here.",
        "Ana Lima, Chief Executive Officer of Norda Robotics, spoke in Porto."}) {
    importers::Document doc;
    doc.text = text;
    CHECK(x.Extract(doc).extractor_version == x.version());
  }
}
