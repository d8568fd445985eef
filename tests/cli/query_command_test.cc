// actorgraph query through the real binary on a real database: a table, --json in the API's
// shapes, --params, EXPLAIN, and a refused query's exit code and message.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_program.h"
#include "support/temp_dir.h"

namespace {

using actorgraph::testing::Run;
using actorgraph::testing::RunProgram;

const char* kArticle =
    "Norda Robotics opens a plant in Porto\n\n"
    "PORTO, 2 May 2024 - Ana Lima, Chief Executive Officer of Norda Robotics, said the plant "
    "would employ 400 people. Norda Robotics signed a memorandum of understanding with "
    "Tejo Motors Company.\n";

TEST_CASE("actorgraph query: table, JSON, parameters, EXPLAIN and refusals", "[cli][query]") {
  actorgraph::testing::TempDir dir;
  std::string db = dir.Sub("db");
  std::ofstream(dir.Sub("a.txt")) << kArticle;
  REQUIRE(RunProgram("import --db " + db + " " + dir.Sub("a.txt")).exit_code == 0);
  auto stats = nlohmann::json::parse(RunProgram("stats --db " + db).out);

  Run count = RunProgram("query --db " + db + " --json 'MATCH (n) RETURN count(*) AS c'");
  REQUIRE(count.exit_code == 0);
  auto j = nlohmann::json::parse(count.out);
  CHECK(j["columns"] == nlohmann::json::array({"c"}));
  CHECK(j["rows"][0][0] == stats["node_count"]);

  Run node = RunProgram("query --db " + db +
                        " --json --params '{\"n\": \"Norda Robotics\"}' "
                        "'MATCH (c:company {name: $n}) RETURN c'");
  REQUIRE(node.exit_code == 0);
  auto c = nlohmann::json::parse(node.out)["rows"][0][0];
  CHECK(c["name"] == "Norda Robotics");
  CHECK(c["type"] == "company");
  CHECK(c["id"].is_string());

  Run table =
      RunProgram("query --db " + db + " 'MATCH (c:company) RETURN c.name AS name ORDER BY name'");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("name", 0) == 0);  // the header line first
  CHECK(table.out.find("Norda Robotics") != std::string::npos);
  CHECK(table.out.find(" rows)") != std::string::npos);

  Run plan = RunProgram("query --db " + db + " 'EXPLAIN MATCH (c {name: \"x\"})--(d) RETURN d'");
  REQUIRE(plan.exit_code == 0);
  CHECK(plan.out.find("lookup (c) by name") != std::string::npos);

  Run refused = RunProgram("query --db " + db + " 'MATCH (n) SET n.name = 1 RETURN n'");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("unsupported") != std::string::npos);
  CHECK(refused.err.find("line 1, column 11") != std::string::npos);
  CHECK(RunProgram("query --db " + db + " --params '[1]' 'RETURN 1'").exit_code == 1);
  CHECK(RunProgram("query --db " + db + " --limit 1 'MATCH (n) RETURN n'").exit_code == 1);
}

}  // namespace
