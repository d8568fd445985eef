// actorgraph node NAME: the node(s) indexed under a name or alias, with their edges, as JSON.
#include <iostream>

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
    options.create_if_missing = false;
    auto store = OpenStore(*db, options);
    auto reader = store->Read();
    auto ids = reader->LookupExact(core::FoldName(*name));
    if (ids.empty()) throw CommandError("no node named '" + *name + "'");
    nlohmann::json out = nlohmann::json::array();
    for (core::NodeId id : ids) {
      auto node = reader->GetNode(id);
      if (node.ok()) out.push_back(NodeWithEdges(*reader, node.value()));
    }
    std::cout << (out.size() == 1 ? out[0] : out).dump(2) << "\n";
  });
}

}  // namespace actorgraph::cli
