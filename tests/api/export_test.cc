// End-to-end: exports over HTTP and from `actorgraph export`, read back by networkx.
#include <catch2/catch.hpp>
#include <fstream>

#include "api/api_test_support.h"

using namespace actorgraph::testing;
using nlohmann::json;

namespace {

std::string Bin() {
  const char* bin = std::getenv("ACTORGRAPH_BIN");
  REQUIRE(bin != nullptr);
  return bin;
}

std::string Save(const TempDir& dir, const std::string& name, const std::string& content) {
  std::string path = dir.Sub(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// "nodes edges" as networkx reads the file.
std::string NetworkxCounts(const std::string& reader, const std::string& path) {
  return Run("/usr/bin/python3 -c \"import networkx as nx; g = nx." + reader + "('" + path +
             "'); print(g.number_of_nodes(), g.number_of_edges())\"");
}

size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_CASE("GraphML and GEXF exports read by networkx match /stats", "[api][export]") {
  auto& s = CorpusServer();
  auto stats = Get(s, "/api/v1/stats").body;
  std::string expected = std::to_string(stats["node_count"].get<int>()) + " " +
                         std::to_string(stats["edge_count"].get<int>()) + "\n";
  REQUIRE(stats["edge_count"].get<int>() > 0);
  TempDir dir;
  auto graphml = s.Client()->Get("/api/v1/export?format=graphml");
  REQUIRE(graphml);
  REQUIRE(graphml->status == 200);
  CHECK(graphml->get_header_value("Content-Type") == "application/graphml+xml");
  CHECK(graphml->get_header_value("Transfer-Encoding") == "chunked");
  CHECK(NetworkxCounts("read_graphml", Save(dir, "g.graphml", graphml->body)) == expected);
  auto gexf = s.Client()->Get("/api/v1/export?format=gexf");
  REQUIRE(gexf->status == 200);
  CHECK(NetworkxCounts("read_gexf", Save(dir, "g.gexf", gexf->body)) == expected);

  auto cy = Get(s, "/api/v1/export?format=cytoscape");
  REQUIRE(cy.status == 200);
  CHECK(cy.body["elements"]["nodes"].size() == stats["node_count"]);
  CHECK(cy.body["elements"]["edges"].size() == stats["edge_count"]);
  auto nodes_csv = s.Client()->Get("/api/v1/export?format=csv&table=nodes");
  CHECK(Lines(nodes_csv->body) == stats["node_count"].get<size_t>() + 1);
  auto edges_csv = s.Client()->Get("/api/v1/export?format=csv");
  CHECK(Lines(edges_csv->body) == stats["edge_count"].get<size_t>() + 1);
  auto jsonl = s.Client()->Get("/api/v1/export?format=jsonl");
  CHECK(Lines(jsonl->body) ==
        stats["node_count"].get<size_t>() + stats["edge_count"].get<size_t>());
}

TEST_CASE("a subgraph export holds the ego network", "[api][export]") {
  auto& s = CorpusServer();
  std::string hub = Get(s, "/api/v1/analytics/degree?limit=1").body["results"][0]["node"]["id"];
  auto ego = Get(s, "/api/v1/subgraph?center=" + hub + "&depth=2&max_nodes=5000");
  REQUIRE(ego.status == 200);
  auto cy = Get(s, "/api/v1/export?format=cytoscape&center=" + hub + "&depth=2");
  REQUIRE(cy.status == 200);
  CHECK(cy.body["elements"]["nodes"].size() == ego.body["nodes"].size());
  CHECK(cy.body["elements"]["edges"].size() == ego.body["edges"].size());
  CHECK(cy.body["elements"]["nodes"][0]["data"]["id"] == hub);

  CHECK(ErrorCode(Get(s, "/api/v1/export?format=pdf")) == "invalid_format");
  CHECK(ErrorCode(Get(s, "/api/v1/export")) == "missing_parameter");
  CHECK(Get(s, "/api/v1/export?format=gexf&center=5").status == 404);
  CHECK(Get(s, "/api/v1/export?format=gexf&center=" + hub + "&depth=9").status == 400);
}

TEST_CASE("actorgraph export writes the same files as the API", "[api][export][cli]") {
  TempDir dir;
  std::string db = dir.Sub("db");
  Run(Bin() + " import --db " + db + " " + CorpusDir() + " 2>&1");
  auto stats = json::parse(Run(Bin() + " stats --db " + db));
  std::string expected = std::to_string(stats["node_count"].get<int>()) + " " +
                         std::to_string(stats["edge_count"].get<int>()) + "\n";
  Run(Bin() + " export --db " + db + " --format graphml -o " + dir.Sub("g.graphml"));
  CHECK(NetworkxCounts("read_graphml", dir.Sub("g.graphml")) == expected);
  std::string gexf = Run(Bin() + " export --db " + db + " --format gexf");
  CHECK(NetworkxCounts("read_gexf", Save(dir, "g.gexf", gexf)) == expected);
  std::string nodes = Run(Bin() + " export --db " + db + " --format csv --table nodes");
  CHECK(Lines(nodes) == stats["node_count"].get<size_t>() + 1);
  CHECK_THROWS(Run(Bin() + " export --db " + db + " --format pdf 2>/dev/null"));
  CHECK_THROWS(Run(Bin() + " export --db " + db + " --format gexf --center 5 2>/dev/null"));
}
