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

TEST_CASE("an unknown command gets the closest known one", "[cli]") {
  Run typo = RunProgram("imprt --db /nonexistent x.txt");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unknown command 'imprt'; did you mean 'import'?") != std::string::npos);
  Run swapped = RunProgram("stast");
  CHECK(swapped.exit_code == 2);
  CHECK(swapped.err.find("did you mean 'stats'?") != std::string::npos);
  Run far = RunProgram("frobnicate");
  CHECK(far.exit_code == 2);
  CHECK(far.err.find("unknown command 'frobnicate' (commands: import,") != std::string::npos);
  CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("a missing or foreign database is named in one line of our own", "[cli]") {
  actorgraph::testing::TempDir dir;
  const std::string missing = dir.Sub("missing");
  for (const std::string& command :
       std::vector<std::string>{"stats --db", "node Anyone --db", "export --format jsonl -o - --db",
                                "check --db", "backup --to " + dir.Sub("copy") + " --db"}) {
    Run r = RunProgram(command + " " + missing);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "actorgraph: no database at " + missing + " (no such folder)\n");
  }
  std::system(("mkdir -p " + dir.Sub("empty") + " " + dir.Sub("foreign")).c_str());
  CHECK(RunProgram("stats --db " + dir.Sub("empty")).err ==
        "actorgraph: no database at " + dir.Sub("empty") + " (empty folder)\n");
  WriteFile(dir.Sub("foreign") + "/notes.txt", "not a database");
  CHECK(RunProgram("node --db " + dir.Sub("foreign") + " Anyone").err ==
        "actorgraph: " + dir.Sub("foreign") +
            " is not an actorgraph database (no RocksDB files in it)\n");
}

TEST_CASE("node NAME: exact matches, and the names that start so when there is none", "[cli]") {
  actorgraph::testing::TempDir dir;
  WriteFile(dir.Sub("a.txt"), kArticle);
  REQUIRE(RunProgram("import --db " + dir.Sub("db") + " " + dir.Sub("a.txt")).exit_code == 0);
  Run exact = RunProgram("node --db " + dir.Sub("db") + " 'NORDA  robotics'");
  REQUIRE(exact.exit_code == 0);
  CHECK(nlohmann::json::parse(exact.out)["name"] == "Norda Robotics");
  Run partial = RunProgram("node --db " + dir.Sub("db") + " Norda");
  CHECK(partial.exit_code == 1);
  CHECK(partial.err.find("no node named 'Norda'; names that start so: Norda Robotics (") !=
        std::string::npos);
}

TEST_CASE("a logged import prints progress lines with the share read and the time left", "[cli]") {
  actorgraph::testing::TempDir dir;
  const std::string folder = dir.Sub("in");
  std::system(("mkdir -p " + folder).c_str());
  const int kArticles = 600;  // more than two of the ingestor's batches of 256
  for (int i = 0; i < kArticles; ++i)
    WriteFile(folder + "/" + std::to_string(100 + i) + ".txt",
              std::string(kArticle) + "Plant number " + std::to_string(i) + ".\n");
  Run r = RunProgram("import --progress-every 0.01 --db " + dir.Sub("db") + " " + folder);
  REQUIRE(r.exit_code == 0);
  // stderr is a file here, not a terminal: log lines, never the terminal's redrawn line.
  CHECK(r.err.find('\r') == std::string::npos);
  const size_t first = r.err.find("import: ");
  REQUIRE(first != std::string::npos);
  const std::string line = r.err.substr(first, r.err.find('\n', first) - first);
  CHECK(line.find(" articles, ") != std::string::npos);
  CHECK(line.find("/s, ") != std::string::npos);
  CHECK(line.find("% of ") != std::string::npos);
  CHECK(line.find(" kB") != std::string::npos);    // 600 small files: a few hundred kB in all
  CHECK(line.find(" left") != std::string::npos);  // the first line comes before the end
}
