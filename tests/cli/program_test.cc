// The actorgraph program end to end: the real binary on a real database.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_program.h"
#include "support/temp_dir.h"

namespace {

using actorgraph::testing::Run;
using actorgraph::testing::RunProgram;

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream f(path);
  f << text;
}

const char* kArticle =
    "Norda Robotics opens a plant in Porto\n\n"
    "PORTO, 2 May 2024 - Ana Lima, Chief Executive Officer of Norda Robotics, said the plant "
    "would employ 400 people. Norda Robotics signed a memorandum of understanding with "
    "Tejo Motors Company.\n";

}  // namespace

TEST_CASE("import, stats and node through the real binary", "[cli]") {
  actorgraph::testing::TempDir dir;
  std::string db = dir.Sub("db");
  WriteFile(dir.Sub("a.txt"), kArticle);

  Run imported = RunProgram("import --json --db " + db + " " + dir.Sub("a.txt"));
  REQUIRE(imported.exit_code == 0);
  auto summary = nlohmann::json::parse(imported.out);
  CHECK(summary["articles_new"] == 1);
  CHECK(summary["nodes_added"].get<int>() >= 2);

  Run stats = RunProgram("stats --db " + db);
  REQUIRE(stats.exit_code == 0);
  auto counts = nlohmann::json::parse(stats.out);
  CHECK(counts["articles"] == 1);
  CHECK(counts["nodes"]["company"].get<int>() >= 1);
  CHECK(counts["node_count"].get<int>() == summary["nodes_added"].get<int>());

  Run again = RunProgram("import --json --db " + db + " " + dir.Sub("a.txt"));
  REQUIRE(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["articles_unchanged"] == 1);
  CHECK(nlohmann::json::parse(RunProgram("stats --db " + db).out) == counts);

  Run node = RunProgram("node --db " + db + " 'norda robotics'");
  REQUIRE(node.exit_code == 0);
  auto j = nlohmann::json::parse(node.out);
  CHECK(j["name"] == "Norda Robotics");
  CHECK(j["type"] == "company");
  CHECK_FALSE(j["edges"].empty());
}

TEST_CASE("exit codes: usage errors are 2, runtime errors 1", "[cli]") {
  actorgraph::testing::TempDir dir;
  CHECK(RunProgram("--version").exit_code == 0);
  CHECK(RunProgram("import --help").exit_code == 0);
  CHECK(RunProgram("").exit_code == 2);
  CHECK(RunProgram("no-such-command").exit_code == 2);
  CHECK(RunProgram("stats --no-such-flag").exit_code == 2);
  CHECK(RunProgram("stats --db " + dir.Sub("missing")).exit_code == 1);
  CHECK(RunProgram("import --db " + dir.Sub("db") + " " + dir.Sub("missing.txt")).exit_code == 1);
  WriteFile(dir.Sub("a.txt"), kArticle);
  REQUIRE(RunProgram("import --db " + dir.Sub("db") + " " + dir.Sub("a.txt")).exit_code == 0);
  CHECK(RunProgram("node --db " + dir.Sub("db") + " 'Nobody Here'").exit_code == 1);
}

TEST_CASE("a folder import keeps going past a bad file", "[cli]") {
  actorgraph::testing::TempDir dir;
  std::string folder = dir.Sub("in");
  std::system(("mkdir -p " + folder).c_str());
  WriteFile(folder + "/good.txt", kArticle);
  WriteFile(folder + "/bad.jsonl", "{not json\n");
  std::ofstream(folder + "/binary.txt", std::ios::binary).write("\x00\x01\x02\x03\xff", 5);
  Run r = RunProgram("import --json --db " + dir.Sub("db") + " " + folder);
  REQUIRE(r.exit_code == 0);
  auto s = nlohmann::json::parse(r.out);
  CHECK(s["articles_new"] == 1);
  CHECK(s["articles_refused"].get<int>() >= 2);
}

TEST_CASE("read prints each document's language", "[cli][language]") {
  actorgraph::testing::TempDir dir;
  WriteFile(dir.Sub("en.txt"), kArticle);
  WriteFile(
      dir.Sub("es.txt"),
      "Norda Robotics abre una planta en Oporto\n\n"
      "La empresa Norda Robotics anunció el martes que abrirá una nueva planta cerca del río, y su "
      "directora general dijo que la compañía espera contratar a cuatrocientos trabajadores.\n");
  for (const auto& [file, code] : {std::pair{"en.txt", "en"}, std::pair{"es.txt", "es"}}) {
    Run read = RunProgram("read " + dir.Sub(file));
    REQUIRE(read.exit_code == 0);
    CHECK(nlohmann::json::parse(read.out)["language"] == code);
  }
}
