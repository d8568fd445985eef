// actorgraph export: the whole graph, or the ego network of a node, as GraphML, GEXF,
// Cytoscape JSON, CSV or JSON Lines (the same writer as GET /api/v1/export).
#include <fstream>
#include <iostream>

#include "actorgraph/api/export.h"
#include "commands.h"

namespace actorgraph::cli {

void AddExportCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "export", "Export the graph (or a node's neighbourhood) for Gephi, Cytoscape, networkx");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto format = std::make_shared<std::string>();
  auto table = std::make_shared<std::string>("edges");
  auto center = std::make_shared<core::NodeId>(0);
  auto depth = std::make_shared<size_t>(1);
  auto output = std::make_shared<std::string>("-");
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("--format", *format, "graphml, gexf, cytoscape, csv or jsonl")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "cytoscape", "csv", "jsonl"}));
  cmd->add_option("--table", *table, "csv: nodes or edges")
      ->check(CLI::IsMember({"nodes", "edges"}))
      ->capture_default_str();
  cmd->add_option("--center", *center, "Export the ego network of this node id");
  cmd->add_option("--depth", *depth, "Hops around --center")
      ->check(CLI::Range(0, 4))
      ->capture_default_str();
  cmd->add_option("-o,--output", *output, "Output file (- for standard output)")
      ->capture_default_str();
  cmd->callback([=] {
    storage::RocksStoreOptions options;
    options.secondary = true;  // reads beside a server
    auto store = OpenStore(*db, options);
    auto reader = store->Read();
    api::ExportScope scope;
    std::shared_ptr<const core::GraphSnapshot> snapshot;
    if (*center != 0) {
      scope.center = *center;
      scope.depth = *depth;
      auto built = core::GraphSnapshot::Build(*reader, store->Version());
      if (!built.ok()) throw CommandError(built.status().message());
      snapshot = built.value();
    }
    std::ofstream file;
    if (*output != "-") {
      file.open(*output, std::ios::binary);
      if (!file) throw CommandError("cannot write " + *output);
    }
    std::ostream& out = *output == "-" ? std::cout : file;
    auto st =
        api::WriteExport(*reader, snapshot.get(), scope, *api::ParseExportFormat(*format, *table),
                         [&out](std::string_view chunk) {
                           return static_cast<bool>(out.write(chunk.data(), chunk.size()));
                         });
    if (!st.ok()) throw CommandError(st.message());
    out.flush();
    if (!out) throw CommandError("cannot write " + *output);
  });
}

}  // namespace actorgraph::cli
