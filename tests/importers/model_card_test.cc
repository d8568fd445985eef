// The committed models match their card (importers/models/model_card.json, written by
// `make model`): each file's FNV-1a 64 hash, and the extractor version they open as. A model
// retrained or edited without `make model` fails here.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/extractor.h"

using namespace actorgraph;

namespace {

std::string Fnv1a64(const std::string& bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("every committed model matches its card", "[models]") {
  const char* src = std::getenv("ACTORGRAPH_SOURCE_DIR");
  REQUIRE(src);
  const std::string dir = std::string(src) + "/importers/models";
  nlohmann::json card = nlohmann::json::parse(Slurp(dir + "/model_card.json"));
  REQUIRE(card["models"].size() == 4);
  for (const auto& [name, info] : card["models"].items()) {
    INFO(name);
    CHECK(Fnv1a64(Slurp(dir + "/" + info["file"].get<std::string>())) == info["fnv1a64"]);
  }
  CHECK(testing::SharedExtractor().version() == card["extractor_version"]);
  // The card states the out-of-sample figures it was made with.
  CHECK(card["cross_validation"]["totals"]["entities"]["f1"].get<double>() > 0.5);
  CHECK(card["public_dev"]["conll03-dev"]["entities"]["overall"]["f1"].get<double>() > 0.5);
}
