// actorgraph query 'MATCH ...': runs the openCypher subset of core/query.h on the database
// (opened as a secondary, so it reads beside a running server) and prints a table, or the
// API's JSON with --json. Exit 1 when the query is refused (the error's code and message,
// with its position, on standard error).
#include <algorithm>
#include <iostream>

#include "actorgraph/api/query_json.h"
#include "commands.h"

namespace actorgraph::cli {

namespace {

namespace q = core::query;

std::string Cell(const core::GraphSnapshot& snap, const q::Value& v) {
  if (v.is_null()) return "null";
  if (v.is_string()) return v.as_string();
  if (v.is_node()) {
    const core::Node& n = snap.node(v.as_node().index);
    return "(" + n.name + ":" + core::NodeTypeName(n.type) + " " + std::to_string(n.id) + ")";
  }
  if (v.is_edge()) {
    const core::Edge& e = snap.edge(v.as_edge().edge);
    return "[" + std::to_string(e.key.src) + " " + core::EdgeTypeName(e.key.type) + " " +
           std::to_string(e.key.dst) + "]";
  }
  if (v.is_list()) {
    std::string out = "[";
    for (const auto& e : v.as_list()) out += (out.size() > 1 ? ", " : "") + Cell(snap, e);
    return out + "]";
  }
  return api::QueryValueToJson(snap, v).dump();
}

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void PrintTable(const q::QueryResult& result) {
  const auto& snap = *result.snapshot;
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width;
  for (const auto& c : result.columns) width.push_back(Width(c));
  for (const auto& row : result.rows) {
    cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      cells.back().push_back(Cell(snap, row[i]));
      width[i] = std::min<size_t>(std::max(width[i], Width(cells.back().back())), 80);
    }
  }
  auto line = [&](const std::vector<std::string>& values) {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) {
      std::string v = values[i];
      out += (i ? " | " : "") + v;
      if (i + 1 < values.size() && Width(v) < width[i])
        out += std::string(width[i] - Width(v), ' ');
    }
    std::cout << out << "\n";
  };
  line(result.columns);
  std::string rule;
  for (size_t i = 0; i < width.size(); ++i) rule += (i ? "-+-" : "") + std::string(width[i], '-');
  std::cout << rule << "\n";
  for (const auto& row : cells) line(row);
  std::cout << "(" << result.rows.size() << (result.rows.size() == 1 ? " row)" : " rows)") << "\n";
}

}  // namespace

void AddQueryCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "query", "Run a read-only openCypher query (MATCH ... RETURN; EXPLAIN shows the plan)");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto text = std::make_shared<std::string>();
  auto params = std::make_shared<std::string>("{}");
  auto json_out = std::make_shared<bool>(false);
  auto limit = std::make_shared<size_t>(1000);
  auto timeout_ms = std::make_shared<int64_t>(10000);
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("QUERY", *text,
                  "The query, e.g. 'MATCH (p:person)-[:works_for]->(o) RETURN p, o'")
      ->required();
  cmd->add_option("--params", *params, "Parameters as a JSON object, e.g. '{\"name\": \"UNIDO\"}'")
      ->capture_default_str();
  cmd->add_flag("--json", *json_out, "Print {\"columns\", \"rows\"} as JSON (the API's shapes)");
  cmd->add_option("--limit", *limit, "Row limit")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--timeout-ms", *timeout_ms, "Time limit")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  cmd->callback([=] {
    auto parsed = nlohmann::json::parse(*params, nullptr, false);
    std::string error;
    auto parameters =
        parsed.is_discarded() ? std::nullopt : api::ParametersFromJson(parsed, &error);
    if (!parameters)
      throw CommandError("--params: " + (error.empty() ? std::string("not JSON") : error));
    storage::RocksStoreOptions options;
    options.secondary = true;  // reads beside a server
    auto store = OpenStore(*db, options);
    auto reader = store->Read();
    auto built = core::GraphSnapshot::Build(*reader, store->Version());
    if (!built.ok()) throw CommandError(built.status().message());
    q::QueryOptions qo;
    qo.max_rows = *limit;
    qo.timeout = std::chrono::milliseconds(*timeout_ms);
    auto outcome = q::Run(built.value(), reader.get(), *text, *parameters, qo);
    if (!outcome.ok()) {
      if (*json_out) std::cout << api::QueryErrorToJson(*outcome.error).dump(2) << "\n";
      throw CommandError("query refused (" + outcome.error->code + "): " + outcome.error->message);
    }
    const auto& result = outcome.result;
    if (*json_out) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : result.rows)
        rows.push_back(api::QueryRowToJson(*result.snapshot, row));
      std::cout << nlohmann::json{{"columns", result.columns}, {"rows", std::move(rows)}}.dump(2)
                << "\n";
      return;
    }
    if (result.explain) {
      for (const auto& row : result.rows) std::cout << row[0].as_string() << "\n";
      return;
    }
    PrintTable(result);
  });
}

}  // namespace actorgraph::cli
