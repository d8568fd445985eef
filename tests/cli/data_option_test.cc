// --data: the commands that extract open their models from that folder and refuse to run
// without it, naming the path (exit code 1, a runtime error).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_program.h"
#include "support/temp_dir.h"

using actorgraph::testing::RunProgram;
using actorgraph::testing::TempDir;

namespace {

const char* kArticle =
    "Norda Robotics opens a plant in Porto\n\n"
    "Ana Lima, Chief Executive Officer of Norda Robotics, said the plant would open soon.\n";

}  // namespace

TEST_CASE("extract with a missing --data folder exits 1 naming the folder", "[cli][data]") {
  TempDir dir;
  std::ofstream(dir.Sub("a.txt")) << kArticle;
  const std::string missing = dir.Sub("no-such-data");
  auto r = RunProgram("extract --data " + missing + " " + dir.Sub("a.txt"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find(missing) != std::string::npos);
}

TEST_CASE("extract with the default data folder reports the models' version and the language",
          "[cli][data]") {
  TempDir dir;
  std::ofstream(dir.Sub("a.txt")) << kArticle;
  auto r = RunProgram("extract " + dir.Sub("a.txt"));
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK_FALSE(j["extractor_version"].get<std::string>().empty());
  CHECK(j["language"] == "en");
}

TEST_CASE("serve with a missing --data folder refuses to start", "[cli][data]") {
  TempDir dir;
  const std::string missing = dir.Sub("no-such-data");
  auto r = RunProgram("serve --port 0 --db " + dir.Sub("db") + " --data " + missing);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(missing) != std::string::npos);
}
