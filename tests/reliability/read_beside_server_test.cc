// The read commands (stats, node, export) on a database that `serve` holds: they open it as a
// RocksDB secondary instance and see every article the server acknowledged, including those
// still only in its write-ahead log; a write command is refused with a message of our own.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "articles.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;

TEST_CASE("stats, node and export read a database that serve holds", "[secondary]") {
  testing::TempDir tmp;
  const std::string db = tmp.Sub("db"), bin = testing::ActorgraphBin();
  const auto files = testing::WriteGeneratedArticles(tmp.Sub("in"), 3);
  REQUIRE(testing::Run({bin, "import", "--db", db, tmp.Sub("in")}).exit_code == 0);
  testing::ServerProcess server(db, tmp.Sub("serve.log"));
  httplib::Client client("127.0.0.1", server.port());
  client.set_bearer_token_auth(testing::kTestToken);
  const int kPosted = 4;
  for (int i = 100; i < 100 + kPosted; ++i) {
    auto res = client.Post("/api/v1/articles", testing::GeneratedArticle(i, 9), "text/plain");
    REQUIRE(res);
    REQUIRE(res->status == 201);
  }
  auto served = client.Get("/api/v1/stats");
  REQUIRE(served);
  const auto served_stats = nlohmann::json::parse(served->body);

  auto stats = testing::Run({bin, "stats", "--db", db}, tmp.Sub("stats.err"));
  REQUIRE(stats.exit_code == 0);
  const auto counts = nlohmann::json::parse(stats.out);
  CHECK(counts["articles"] == 3 + kPosted);  // the posted ones too: caught up from the WAL
  CHECK(counts["node_count"] == served_stats["node_count"]);

  // `node NAME` finds exactly the nodes the server's search finds as exact matches, for a
  // company named in the export (also read beside the server).
  auto nodes_csv =
      testing::Run({bin, "export", "--db", db, "--format", "csv", "--table", "nodes", "-o", "-"});
  REQUIRE(nodes_csv.exit_code == 0);
  std::string name;
  std::istringstream rows(nodes_csv.out);
  for (std::string row; name.empty() && std::getline(rows, row);) {
    // id,type,name,...: the generated names hold no comma or quote.
    const size_t type_at = row.find(',') + 1, name_at = row.find(',', type_at) + 1;
    if (row.compare(type_at, 8, "company,") == 0)
      name = row.substr(name_at, row.find(',', name_at) - name_at);
  }
  REQUIRE_FALSE(name.empty());
  auto exact = client.Get("/api/v1/search", httplib::Params{{"q", name}}, httplib::Headers{});
  REQUIRE(exact);
  INFO(name << ": " << exact->body);
  const auto hits = nlohmann::json::parse(exact->body);
  std::set<std::string> searched;
  for (const auto& hit : hits["results"])
    if (hit["match"] == "exact") searched.insert(hit["node"]["id"].get<std::string>());
  auto node = testing::Run({bin, "node", "--db", db, name});
  REQUIRE(node.exit_code == 0);
  auto found = nlohmann::json::parse(node.out);
  if (!found.is_array()) found = nlohmann::json::array({found});
  std::set<std::string> listed;
  for (const auto& n : found) listed.insert(n["id"].get<std::string>());
  CHECK(listed == searched);

  auto exported =
      testing::Run({bin, "export", "--db", db, "--format", "jsonl", "-o", tmp.Sub("graph.jsonl")});
  CHECK(exported.exit_code == 0);
  CHECK(std::filesystem::file_size(tmp.Sub("graph.jsonl")) > 0);

  const std::string import_err = tmp.Sub("import.err");
  auto import = testing::Run({bin, "import", "--db", db, files[0]}, import_err);
  CHECK(import.exit_code == 1);
  std::ifstream err(import_err);
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  CHECK(message.find("in use by another process") != std::string::npos);
  CHECK(message.find("IO error") == std::string::npos);  // our message, not RocksDB's
}
