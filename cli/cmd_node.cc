// actorgraph node NAME: the node(s) named NAME or with it as an alias, with their edges, as JSON.
// The match is search's exact match (the folded name index; a merged-away node stands for its
// survivor); when nothing matches exactly, the error names the nodes whose names start so.
#include <iostream>
#include <optional>
#include <set>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/names.h"
#include "commands.h"

namespace actorgraph::cli {

namespace {

constexpr size_t kMaxEdgesShown = 1000;

nlohmann::json NodeWithEdges(core::GraphReader& reader, const core::Node& node) {
  nlohmann::json j = api::NodeToJson(node);
  j["degree"] = api::DegreeToJson(reader.GetDegree(node.id));
  nlohmann::json edges = nlohmann::json::array();
  core::NeighborQuery q;
  q.limit = kMaxEdgesShown;
  auto page = reader.Neighbors(node.id, q);
  if (!page.ok()) throw CommandError(page.status().message());
  for (const auto& entry : page->entries) {
    nlohmann::json e = api::EdgeToJson(entry.edge);
    e["direction"] = entry.direction == core::Direction::kOut ? "out" : "in";
    if (auto other = reader.GetNode(entry.neighbor); other.ok()) {
      e["neighbor"] = {{"id", api::IdToString(other->id)},
                       {"name", other->name},
                       {"type", core::NodeTypeName(other->type)}};
    }
    edges.push_back(std::move(e));
  }
  j["edges"] = std::move(edges);
  j["edges_truncated"] = !page->next_cursor.empty();
  return j;
}

// The live node a possibly merged-away node stands for (merge chains are short; bounded anyway).
std::optional<core::Node> Survivor(core::GraphReader& reader, core::NodeId id) {
  for (int hop = 0; hop < 64; ++hop) {
    auto node = reader.GetNode(id);
    if (!node.ok()) return std::nullopt;
    if (node->merged_into == 0) return std::move(node).value();
    id = node->merged_into;
  }
  return std::nullopt;
}

// Search's exact hits for `name`, each live node once, in index order.
std::vector<core::Node> ExactMatches(core::GraphReader& reader, const std::string& folded) {
  std::vector<core::Node> out;
  std::set<core::NodeId> seen;
  for (core::NodeId id : reader.LookupExact(folded))
    if (auto node = Survivor(reader, id); node && seen.insert(node->id).second)
      out.push_back(std::move(*node));
  return out;
}

// "no node named X", with up to kMaxHints live nodes whose name or alias starts with X.
std::string NoMatchMessage(core::GraphReader& reader, const std::string& name,
                           const std::string& folded) {
  constexpr size_t kMaxHints = 5;
  std::string message = "no node named '" + name + "'";
  std::set<core::NodeId> seen;
  std::string hints;
  for (const auto& entry : reader.LookupPrefix(folded, 200)) {
    auto node = Survivor(reader, entry.node);
    if (!node || !seen.insert(node->id).second) continue;
    hints += (seen.size() > 1 ? ", " : "") + node->name + " (" + api::IdToString(node->id) + ")";
    if (seen.size() == kMaxHints) break;
  }
  if (!hints.empty()) message += "; names that start so: " + hints;
  return message;
}

}  // namespace

void AddNodeCommand(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("node", "Print the node(s) named NAME (or an alias) with their edges");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto name = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("NAME", *name, "Name or alias (matched after folding case, accents, punctuation)")
      ->required();
  cmd->callback([db, name] {
    storage::RocksStoreOptions options;
    options.secondary = true;  // reads beside a server
    auto store = OpenStore(*db, options);
    auto reader = store->Read();
    const std::string folded = core::FoldName(*name);
    if (folded.empty()) throw CommandError("the name '" + *name + "' has no letters or digits");
    auto nodes = ExactMatches(*reader, folded);
    if (nodes.empty()) throw CommandError(NoMatchMessage(*reader, *name, folded));
    nlohmann::json out = nlohmann::json::array();
    for (const core::Node& node : nodes) out.push_back(NodeWithEdges(*reader, node));
    std::cout << (out.size() == 1 ? out[0] : out).dump(2) << "\n";
  });
}

}  // namespace actorgraph::cli
