// Hidden benchmark ([.bench]; run `test_api [.bench]` with ACTORGRAPH_BENCH_DATA set to a
// folder written by peers/gen_graph.py): loads the generated graph, times the snapshot
// endpoints over HTTP and checks shortest-path lengths against peers/graph_truth.py --check.
#include <catch2/catch.hpp>
#include <chrono>

#include "actorgraph/core/names.h"
#include "api/api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// Rows of a CSV with a header, as vectors of fields (no quoting in gen_graph's files).
std::vector<std::vector<std::string>> Rows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFile(path));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    size_t start = 0, comma;
    while ((comma = line.find(',', start)) != std::string::npos) {
      fields.push_back(line.substr(start, comma - start));
      start = comma + 1;
    }
    fields.push_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

core::NodeId Id(const std::string& csv_id) { return std::stoull(csv_id) + 1; }  // 0 is "no node"

void Load(core::GraphStore& store, const std::string& dir) {
  core::GraphDelta delta;
  auto nodes = [&](const char* file, core::NodeType type) {
    for (const auto& r : Rows(dir + "/" + file)) {
      core::Node n;
      n.id = Id(r[0]);
      n.type = type;
      n.name = r[1];
      delta.put_nodes.push_back(n);
      delta.put_index.push_back({core::FoldName(n.name), n.id});
    }
  };
  nodes("person.csv", core::NodeType::kPerson);
  nodes("org.csv", core::NodeType::kCompany);
  nodes("event.csv", core::NodeType::kEvent);
  auto edges = [&](const char* file, core::EdgeType type) {
    for (const auto& r : Rows(dir + "/" + file)) {
      core::Edge e;
      e.key = {Id(r[0]), type, Id(r[1])};
      e.confidence = 0.5;
      e.evidence_count = 1;
      delta.put_edges.push_back(e);
    }
  };
  edges("works_for.csv", core::EdgeType::kWorksFor);
  edges("speaks_at.csv", core::EdgeType::kSpeaksAt);
  edges("organizes.csv", core::EdgeType::kOrganizes);
  REQUIRE(store.Apply(delta).ok());
}

template <typename Fn>
double Millis(Fn fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("graph API on the peers workload", "[.bench]") {
  const char* data = std::getenv("ACTORGRAPH_BENCH_DATA");
  REQUIRE(data != nullptr);
  LiveServer s({}, false);
  WARN("load: " << Millis([&] { Load(s.store(), data); }) << " ms");
  json q = json::parse(ReadFile(std::string(data) + "/queries.json"));
  json truth = json::parse(Run(
      "/usr/bin/python3 /work/shared/peers/graph_truth.py --check --data " + std::string(data)));
  auto client = s.Client();
  auto get = [&](const std::string& path) {
    auto r = client->Get(path);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  };
  json stats = get("/api/v1/stats");
  CHECK(stats["node_count"] == truth["nodes"]);
  CHECK(stats["edge_count"] == truth["edges"]);
  WARN("pagerank, first (snapshot build + compute): "
       << Millis([&] { get("/api/v1/analytics/pagerank?limit=10"); }) << " ms");
  WARN("pagerank, cached: " << Millis([&] { get("/api/v1/analytics/pagerank?limit=10"); })
                            << " ms");
  json pr = get("/api/v1/analytics/pagerank?limit=10");
  for (size_t i = 0; i < 10; ++i)
    CHECK(pr["results"][i]["node"]["id"] ==
          std::to_string(truth["pagerank_top10"][i]["id"].get<uint64_t>() + 1));
  json comps;
  WARN("components: " << Millis([&] { comps = get("/api/v1/analytics/components"); }) << " ms");
  CHECK(comps["count"] == truth["components"]);

  int max_depth = q["sp_max_depth"];
  size_t found = 0, len_sum = 0, i = 0;
  double sp_ms = Millis([&] {
    for (const auto& pair : q["sp_pairs"]) {
      json r = get("/api/v1/paths?from=" + std::to_string(Id(pair[0].dump())) + "&to=" +
                   std::to_string(Id(pair[1].dump())) + "&max_depth=" + std::to_string(max_depth));
      const json& want = truth["check"]["sp_lengths"][i++];
      if (r["paths"].empty()) {
        CHECK((want.is_null() || want.get<int>() > max_depth));
      } else {
        CHECK(r["paths"][0]["length"] == want);
        ++found;
        len_sum += r["paths"][0]["length"].get<size_t>();
      }
    }
  });
  CHECK(found == truth["check"]["sp_found"]);
  CHECK(len_sum == truth["check"]["sp_len_sum"]);
  WARN(q["sp_pairs"].size() << " shortest paths: " << sp_ms << " ms");
  WARN("20 x k=5 paths: " << Millis([&] {
         for (size_t p = 0; p < 20; ++p)
           get("/api/v1/paths?k=5&max_depth=6&from=" +
               std::to_string(Id(q["sp_pairs"][p][0].dump())) +
               "&to=" + std::to_string(Id(q["sp_pairs"][p][1].dump())));
       }) << " ms");
  WARN("1000 neighbour pages (limit 50): " << Millis([&] {
         for (const auto& h : q["hop1"])
           get("/api/v1/nodes/" + std::to_string(Id(h[1].dump())) + "/neighbors?limit=50");
       }) << " ms");
  WARN("100 subgraphs (depth 2, max 500 nodes): " << Millis([&] {
         for (size_t p = 0; p < 100; ++p)
           get("/api/v1/subgraph?depth=2&max_nodes=500&center=" +
               std::to_string(Id(q["hop2"][p][1].dump())));
       }) << " ms");
  WARN("100 fuzzy searches: " << Millis([&] {
         for (size_t p = 0; p < 100; ++p) {
           std::string name = q["lookup_names"][p];
           name[1] = name[1] == 'x' ? 'y' : 'x';
           get("/api/v1/search?q=" + httplib::detail::encode_query_param(name));
         }
       }) << " ms");
}
