// The query language (core/query.h) over a hand-built snapshot: answers, plans, and every
// refusal with its code and position.
#include "actorgraph/core/query.h"

#include <catch2/catch.hpp>

namespace actorgraph::core::query {
namespace {

// person 1 Anna (works for 10 Siemens as "CEO", speaks at 30), person 2 Li (works for 10 and
// 11 UNIDO, moderates 30), person 3 Bo (no edges); company 10 Siemens partners with agency 11
// UNIDO, which organises event 30 (in location 40); 11 is part of 12, which is part of 13.
std::shared_ptr<const GraphSnapshot> Graph() {
  GraphSnapshot::Builder b;
  auto node = [&](NodeId id, NodeType t, std::string name, std::vector<std::string> aliases = {},
                  std::string first_seen = "") {
    Node n;
    n.id = id;
    n.type = t;
    n.name = std::move(name);
    n.aliases = std::move(aliases);
    n.first_seen = n.last_seen = first_seen;
    b.AddNode(n);
  };
  node(1, NodeType::kPerson, "Anna", {}, "2021-05-01");
  node(2, NodeType::kPerson, "Li", {"Li Wei"});
  node(3, NodeType::kPerson, "Bo");
  node(10, NodeType::kCompany, "Siemens", {"Siemens AG"}, "2019-01-01");
  node(11, NodeType::kAgency, "UNIDO");
  node(12, NodeType::kAgency, "UN");
  node(13, NodeType::kAgency, "World");
  node(30, NodeType::kEvent, "Forum", {}, "2022-03-03");
  node(40, NodeType::kLocation, "Vienna");
  auto edge = [&](NodeId s, EdgeType t, NodeId d, double c, std::string title = "") {
    Edge e;
    e.key = {s, t, d};
    e.confidence = c;
    e.evidence_count = 1;
    e.title = std::move(title);
    e.first_seen = e.last_seen = "2021-01-01";
    b.AddEdge(e);
  };
  edge(1, EdgeType::kWorksFor, 10, 0.9, "CEO");
  edge(2, EdgeType::kWorksFor, 10, 0.5);
  edge(2, EdgeType::kWorksFor, 11, 0.7);
  edge(1, EdgeType::kSpeaksAt, 30, 0.8);
  edge(2, EdgeType::kModerates, 30, 0.6);
  edge(10, EdgeType::kPartnersWith, 11, 0.4);
  edge(11, EdgeType::kOrganizes, 30, 0.95);
  edge(30, EdgeType::kLocatedIn, 40, 0.9);
  edge(11, EdgeType::kPartOf, 12, 0.9);
  edge(12, EdgeType::kPartOf, 13, 0.9);
  return b.Finish(1);
}

QueryOutcome Q(const std::string& text, const Parameters& params = {},
               const QueryOptions& options = {}) {
  static auto snap = Graph();
  return Run(snap, nullptr, text, params, options);
}

// The rows as text: each cell a string, integer, float (2 decimals), null, a node's name or
// an edge's type; a row's cells joined by '|', rows sorted unless `ordered`.
std::vector<std::string> Rows(const QueryOutcome& o, bool ordered = false) {
  REQUIRE(o.ok());
  std::vector<std::string> out;
  std::function<std::string(const Value&)> cell = [&](const Value& v) -> std::string {
    if (v.is_null()) return "null";
    if (v.is_bool()) return v.as_bool() ? "true" : "false";
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_float()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", v.as_number());
      return buf;
    }
    if (v.is_string()) return v.as_string();
    if (v.is_node()) return o.result.snapshot->node(v.as_node().index).name;
    if (v.is_edge()) return EdgeTypeName(o.result.snapshot->edge(v.as_edge().edge).key.type);
    std::string s = "[";
    for (const auto& e : v.as_list()) s += (s.size() > 1 ? "," : "") + cell(e);
    return s + "]";
  };
  for (const auto& row : o.result.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + cell(row[i]);
    out.push_back(line);
  }
  if (!ordered) std::sort(out.begin(), out.end());
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("query: labels, edge types and directions", "[query]") {
  CHECK(Rows(Q("MATCH (p:person) RETURN p.name")) == V{"Anna", "Bo", "Li"});
  CHECK(Rows(Q("MATCH (o:company|agency) RETURN o.name")) == V{"Siemens", "UN", "UNIDO", "World"});
  CHECK(Rows(Q("MATCH (p)-[:works_for]->(o) RETURN p.name, o.name")) ==
        V{"Anna|Siemens", "Li|Siemens", "Li|UNIDO"});
  CHECK(Rows(Q("MATCH (p)-[r:speaks_at|moderates]->(e) RETURN p.name, type(r), e.name")) ==
        V{"Anna|speaks-at|Forum", "Li|moderates|Forum"});
  CHECK(Rows(Q("MATCH (o)<-[:`works-for`]-(p:person {name: 'Anna'}) RETURN o.name")) ==
        V{"Siemens"});
  // Undirected: both ways round.
  CHECK(Rows(Q("MATCH (a:company)-[:partners_with]-(b) RETURN a.name, b.name")) ==
        V{"Siemens|UNIDO"});
  CHECK(Rows(Q("MATCH (a)-[:partners_with]-(b) RETURN a.name, b.name")) ==
        V{"Siemens|UNIDO", "UNIDO|Siemens"});
  // One type a node: :a:b is the intersection.
  CHECK(Rows(Q("MATCH (n:person:company) RETURN n")).empty());
}

TEST_CASE("query: variable length, several patterns, OPTIONAL MATCH", "[query]") {
  CHECK(Rows(Q("MATCH (a {name: 'UNIDO'})-[:part_of*1..2]->(b) RETURN b.name")) ==
        V{"UN", "World"});
  CHECK(Rows(Q("MATCH (a {name: 'UNIDO'})-[r:part_of*2..2]->(b) RETURN size(r), b.name")) ==
        V{"2|World"});
  CHECK(Rows(Q("MATCH (a {name: 'UNIDO'})-[:part_of*0..1]->(b) RETURN b.name")) ==
        V{"UN", "UNIDO"});
  // Relationship uniqueness: the edge Li -> Siemens is not walked back.
  CHECK(
      Rows(Q("MATCH (p:person {name: 'Li'})-[:works_for]->(o)<-[:works_for]-(q) RETURN q.name")) ==
      V{"Anna"});
  CHECK(
      Rows(Q("MATCH (p:person)-[:works_for]->(o), (p)-[:moderates]->(e) RETURN p.name, o.name")) ==
      V{"Li|Siemens", "Li|UNIDO"});
  CHECK(Rows(Q("MATCH (p:person) OPTIONAL MATCH (p)-[:speaks_at]->(e) RETURN p.name, e.name")) ==
        V{"Anna|Forum", "Bo|null", "Li|null"});
  CHECK(Rows(Q("MATCH (p:person) OPTIONAL MATCH (p)-[w:works_for]->(o) WHERE w.confidence > 0.6 "
               "RETURN p.name, count(o)")) == V{"Anna|1", "Bo|0", "Li|1"});
}

TEST_CASE("query: shortestPath between bound ends", "[query]") {
  CHECK(Rows(Q("MATCH (a {name: 'Anna'}), (b {name: 'World'}) "
               "MATCH shortestPath((a)-[r*..6]-(b)) RETURN size(r)")) == V{"4"});
  // Through the edge types admitted only: over works-for alone Anna reaches UNIDO through
  // Siemens and Li (3 edges), with partners-with in 2; within 2 edges of works-for not at all.
  CHECK(Rows(Q("MATCH (a {name: 'Anna'}), (b {name: 'UNIDO'}) "
               "MATCH shortestPath((a)-[r:works_for|partners_with*..4]-(b)) RETURN size(r)")) ==
        V{"2"});
  CHECK(Rows(Q("MATCH (a {name: 'Anna'}), (b {name: 'UNIDO'}) "
               "MATCH shortestPath((a)-[r:works_for*..4]-(b)) RETURN size(r)")) == V{"3"});
  CHECK(Rows(Q("MATCH (a {name: 'Anna'}), (b {name: 'UNIDO'}) "
               "MATCH shortestPath((a)-[r:works_for*..2]-(b)) RETURN size(r)"))
            .empty());
  CHECK(Rows(Q("MATCH (a {name: 'Anna'}), (b {name: 'World'}) "
               "MATCH shortestPath((a)-[r*..3]-(b)) RETURN size(r)"))
            .empty());  // longer than the bound
  CHECK(Rows(Q("MATCH (a:person), (b {name: 'Forum'}) MATCH shortestPath((a)-[r*..2]-(b)) "
               "RETURN a.name, size(r)")) == V{"Anna|1", "Li|1"});
  auto plan = Rows(Q("EXPLAIN MATCH (a {id: '1'}), (b {id: '13'}) "
                     "MATCH shortestPath((a)-[*..6]-(b)) RETURN a"),
                   true);
  CHECK(std::any_of(plan.begin(), plan.end(), [](const std::string& l) {
    return l.find("shortest path (a)-[*1..6]-(b) (bidirectional search)") != std::string::npos;
  }));
}

TEST_CASE("query: WHERE operators and three-valued logic", "[query]") {
  CHECK(Rows(Q("MATCH (n) WHERE n.name STARTS WITH 'UN' RETURN n.name")) == V{"UN", "UNIDO"});
  CHECK(Rows(Q("MATCH (n) WHERE n.name CONTAINS 'eme' RETURN n.name")) == V{"Siemens"});
  CHECK(Rows(Q("MATCH (n) WHERE n.first_seen IS NULL AND n.type = 'person' RETURN n.name")) ==
        V{"Bo", "Li"});
  CHECK(Rows(Q("MATCH (n) WHERE n.first_seen >= '2021-01-01' RETURN n.name")) ==
        V{"Anna", "Forum"});
  CHECK(Rows(Q("MATCH (n) WHERE NOT n.first_seen < '2021-01-01' RETURN n.name")) ==
        V{"Anna", "Forum"});  // null rows stay out under NOT too
  CHECK(Rows(Q("MATCH (n) WHERE 'Li Wei' IN n.aliases OR n.name = 'Bo' RETURN n.name")) ==
        V{"Bo", "Li"});
  CHECK(Rows(Q("MATCH ()-[r]->() WHERE r.title IS NOT NULL RETURN r.title, r.confidence")) ==
        V{"CEO|0.90"});
  CHECK(Rows(Q("MATCH (n) WHERE n.id IN ['1', '3', '99'] RETURN n.name")) == V{"Anna", "Bo"});
  CHECK(Rows(Q("MATCH (n) WHERE n.name <> 'Anna' AND n.type = 'person' RETURN n.name")) ==
        V{"Bo", "Li"});
  CHECK(Rows(Q("MATCH (n {id: $id}) RETURN n.name", {{"id", Value("10")}})) == V{"Siemens"});
  CHECK(Rows(Q("RETURN 1 + 2 * 3, 'a' + 'b', null = null, 7 % 4")) == V{"7|ab|null|3"});
}

TEST_CASE("query: RETURN, aggregates, WITH, ORDER BY, SKIP, LIMIT", "[query]") {
  CHECK(Rows(Q("MATCH (n) RETURN n.type AS t, count(*) AS c ORDER BY c DESC, t"), true) ==
        V{"agency|3", "person|3", "company|1", "event|1", "location|1"});
  CHECK(Rows(Q("MATCH (n:person) RETURN n.name ORDER BY n.name SKIP 1 LIMIT 1"), true) == V{"Bo"});
  CHECK(Rows(Q("MATCH (p)-[:works_for]->(o) RETURN DISTINCT p.name")) == V{"Anna", "Li"});
  CHECK(
      Rows(Q("MATCH (p:person {name: 'Li'})-[:works_for]->(o) RETURN collect(o.name)"))[0].size() ==
      std::string("[Siemens,UNIDO]").size());
  CHECK(Rows(Q("MATCH ()-[r:works_for]->() RETURN min(r.confidence), max(r.confidence), "
               "count(DISTINCT r.title), sum(r.evidence_count)")) == V{"0.50|0.90|1|3"});
  CHECK(
      Rows(Q("MATCH (n:event {name: 'nothing'}) RETURN count(*), collect(n.name), min(n.name)")) ==
      V{"0|[]|null"});
  CHECK(Rows(Q("MATCH (p)-[:works_for]->(o) WITH o, count(p) AS staff WHERE staff > 1 "
               "MATCH (o)-[:partners_with]-(x) RETURN o.name, staff, x.name")) ==
        V{"Siemens|2|UNIDO"});
  CHECK(Rows(Q("MATCH (p:person) WITH p ORDER BY p.name DESC LIMIT 2 RETURN p.name"), true) ==
        V{"Li", "Bo"});
  CHECK(Q("MATCH (n) RETURN n LIMIT 0").result.rows.empty());
  auto star = Q("MATCH (p:person {name: 'Anna'})-[r:works_for]->(o) RETURN *");
  CHECK(star.result.columns == std::vector<std::string>{"o", "p", "r"});
}

TEST_CASE("query: EXPLAIN starts from the lookup and names each step", "[query]") {
  auto o = Q("EXPLAIN MATCH (o)<-[:works_for]-(p:person {id: '2'}) RETURN o.name");
  auto lines = Rows(o, true);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[1].find("lookup (p:person) by id") != std::string::npos);
  CHECK(lines[3].find("expand (p:person)-[:works-for]->(o)") != std::string::npos);
  // Without a lookup: the smaller type set first.
  auto scan = Rows(Q("EXPLAIN MATCH (e:event)<-[:speaks_at]-(p:person) RETURN p"), true);
  CHECK(scan[1].find("scan (e:event) (~1 nodes)") != std::string::npos);
}

// The code of the refusal and where it points (1-based column of line 1).
std::pair<std::string, size_t> Refusal(const std::string& text, const Parameters& params = {}) {
  auto o = Q(text, params);
  REQUIRE_FALSE(o.ok());
  CHECK(o.error->http_status == (o.error->code == "timeout" ? 408 : 400));
  return {o.error->code, o.error->has_position ? o.error->column : 0};
}

TEST_CASE("query: syntax errors name their position", "[query]") {
  CHECK(Refusal("MATCH (n RETURN n") == std::pair<std::string, size_t>{"syntax_error", 10});
  CHECK(Refusal("MATCH (n) RETURN n.name AS") ==
        std::pair<std::string, size_t>{"syntax_error", 27});
  CHECK(Refusal("MATCH (n) WHERE n.name = 'x RETURN n").first == "syntax_error");
  CHECK(Refusal("MATCH (n) RETURN n ORDER n").first == "syntax_error");
  CHECK(Refusal("MATCH (n)").first == "syntax_error");  // no RETURN
  CHECK(Refusal("MATCH (n) RETURN n MATCH (m) RETURN m").first == "syntax_error");
  CHECK(Refusal("MATCH (n) WITH n.name RETURN 1") ==
        std::pair<std::string, size_t>{"syntax_error", 16});
  auto o = Q("MATCH (n)\nWHERE n.name = 1 +\nRETURN n");
  REQUIRE_FALSE(o.ok());
  CHECK(o.error->line == 3);
  CHECK(o.error->column == 1);
  CHECK(o.error->message.find("line 3, column 1") != std::string::npos);
}

TEST_CASE("query: each construct outside the subset is refused by name", "[query]") {
  struct Case {
    const char* text;
    const char* names;
    size_t column;
  };
  const Case cases[] = {
      {"CREATE (n:person {name: 'x'}) RETURN n", "CREATE", 1},
      {"MATCH (n) SET n.name = 'x' RETURN n", "SET", 11},
      {"MATCH (n) DELETE n", "DELETE", 11},
      {"MERGE (n:person) RETURN n", "MERGE", 1},
      {"MATCH (n) DETACH DELETE n", "DETACH", 11},
      {"MATCH (n) REMOVE n.name RETURN n", "REMOVE", 11},
      {"CALL db.labels() YIELD label RETURN label", "CALL", 1},
      {"UNWIND [1, 2] AS x RETURN x", "UNWIND", 1},
      {"MATCH (n) RETURN n UNION MATCH (m) RETURN m", "UNION", 20},
      {"MATCH p = (a)-->(b) RETURN p", "named path", 7},
      {"MATCH (a), (b) MATCH shortestPath((a)-[*]-(b)) RETURN a", "upper bound", 40},
      {"MATCH (a), (b) MATCH shortestPath((a)-[*..3]->(b)) RETURN a", "directed", 38},
      {"MATCH (a), (b) MATCH allShortestPaths((a)-[*..3]-(b)) RETURN a", "allShortestPaths", 22},
      {"MATCH (a)-[*]->(b) RETURN b", "upper bound", 12},
      {"MATCH (a)-[*2..]->(b) RETURN b", "upper bound", 12},
      {"MATCH (a)-[*1..50]->(b) RETURN b", "hops", 16},
      {"MATCH (a)-[r:works_for*1..2 {title: 'x'}]->(b) RETURN b", "property map", 10},
      {"MATCH (n) WHERE n.name =~ 'A.*' RETURN n", "regular expressions", 24},
      {"MATCH (n) RETURN CASE WHEN n.name = 'a' THEN 1 ELSE 0 END", "CASE", 18},
      {"MATCH (n) WHERE EXISTS { MATCH (n)-->() } RETURN n", "EXISTS", 17},
      {"MATCH (n) WHERE (n)-[:works_for]->() RETURN n", "pattern as an expression", 17},
      {"MATCH (n) RETURN {name: n.name}", "map literals", 18},
      {"MATCH (n) RETURN [x IN n.aliases | x]", "list comprehensions", 18},
      {"MATCH (n) RETURN n.aliases[0..1]", "slices", 29},
      {"MATCH (n) RETURN toInteger(n.id)", "toInteger", 18},
      {"MATCH (n) RETURN apoc.text.join(n.aliases, ',')", "namespaced", 18},
      {"MATCH (n) WHERE n:person RETURN n", "label expressions", 18},
      {"MATCH (n) RETURN 2 ^ 3", "power", 20},
      {"MATCH (n) RETURN n; MATCH (m) RETURN m", "several statements", 21},
      {"MATCH (n) RETURN n.name, count(*) + size(n.name)", "mixing an aggregate", 26},
      {"MATCH (n) RETURN n.name ORDER BY count(*)", "aggregate in ORDER BY", 34},
      {"MATCH (n) RETURN n LIMIT 1 + 1", "LIMIT with an expression", 26},
      {"MATCH ()-[r]->() MATCH ()-[r]->() RETURN r", "bound again", 26},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto o = Q(c.text);
    REQUIRE_FALSE(o.ok());
    CHECK(o.error->code == "unsupported");
    CHECK(o.error->http_status == 400);
    CHECK(o.error->message.find(c.names) != std::string::npos);
    CHECK(o.error->column == c.column);
  }
}

TEST_CASE("query: unknown names and wrong types are refused, never answered empty", "[query]") {
  CHECK(Refusal("MATCH (n:persons) RETURN n") ==
        std::pair<std::string, size_t>{"unknown_label", 10});
  CHECK(Refusal("MATCH ()-[:works_at]->() RETURN 1") ==
        std::pair<std::string, size_t>{"unknown_label", 12});
  CHECK(Refusal("MATCH (n) RETURN n.salary") ==
        std::pair<std::string, size_t>{"unknown_property", 18});
  CHECK(Refusal("MATCH (n) RETURN n.title").first == "unknown_property");  // an edge's
  CHECK(Refusal("MATCH (n) RETURN m") == std::pair<std::string, size_t>{"unknown_variable", 18});
  CHECK(Refusal("MATCH (n) WHERE n.name = $who RETURN n") ==
        std::pair<std::string, size_t>{"missing_parameter", 26});
  CHECK(Refusal("MATCH (n) WHERE n.name = $who RETURN n", {{"who", Value(int64_t{5})}}) ==
        std::pair<std::string, size_t>{"type_mismatch", 17});
  CHECK(
      Refusal("MATCH ()-[r]->() WHERE r.confidence > $c RETURN r", {{"c", Value("high")}}).first ==
      "type_mismatch");
  CHECK(Refusal("MATCH (n) WHERE n.name IN $names RETURN n", {{"names", Value("Anna")}}).first ==
        "type_mismatch");
  CHECK(Refusal("MATCH (n) WHERE n.name IN $names RETURN n",
                {{"names", Value(List{Value(int64_t{1})})}})
            .first == "type_mismatch");
  CHECK(Refusal("MATCH (n) RETURN n LIMIT $k", {{"k", Value("ten")}}).first == "type_mismatch");
  CHECK(Refusal("MATCH (n) RETURN n LIMIT -1").first == "type_mismatch");
  CHECK(Refusal("MATCH (n) WHERE n.name STARTS WITH 1 RETURN n").first == "type_mismatch");
  CHECK(Refusal("MATCH (n) WHERE n.name RETURN n").first == "type_mismatch");
  CHECK(Refusal("MATCH (n) RETURN n.name + 1").first == "type_mismatch");
  CHECK(Refusal("MATCH ()-[r]->() RETURN sum(r.title)").first == "type_mismatch");
}

TEST_CASE("query: limits of size, nesting, rows, held values and time", "[query]") {
  std::string long_query = "RETURN '" + std::string(200 << 10, 'x') + "'";
  CHECK(Refusal(long_query).first == "query_too_long");
  std::string deep = "RETURN " + std::string(10000, '(') + "1" + std::string(10000, ')');
  CHECK(Refusal(deep).first == "too_deep");
  std::string nots = "RETURN ";
  for (int i = 0; i < 10000; ++i) nots += "NOT ";
  CHECK(Refusal(nots + "true").first == "too_deep");
  std::string lists = "RETURN " + std::string(10000, '[') + std::string(10000, ']');
  CHECK(Refusal(lists).first == "too_deep");

  QueryOptions few;
  few.max_rows = 2;
  auto rows = Q("MATCH (n) RETURN n", {}, few);
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.error->code == "too_many_rows");
  CHECK(Q("MATCH (n) RETURN n LIMIT 2", {}, few).ok());

  QueryOptions tight;
  tight.max_buffered = 100;
  auto held = Q("MATCH (a), (b), (c) RETURN a, b, c ORDER BY a.name", {}, tight);
  REQUIRE_FALSE(held.ok());
  CHECK(held.error->code == "too_large");

  QueryOptions quick;
  quick.timeout = std::chrono::milliseconds(50);
  quick.max_rows = 1'000'000;
  auto start = std::chrono::steady_clock::now();
  auto slow = Q("MATCH (a), (b), (c), (d), (e), (f), (g), (h) RETURN count(*)", {}, quick);
  auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.error->code == "timeout");
  CHECK(slow.error->http_status == 408);
  CHECK(took < std::chrono::seconds(2));
}

}  // namespace
}  // namespace actorgraph::core::query
