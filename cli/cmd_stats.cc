// actorgraph stats: counts per node type and edge type, as JSON.
#include <iostream>

#include "actorgraph/api/json_codec.h"
#include "commands.h"

namespace actorgraph::cli {

void AddStatsCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("stats", "Print node and edge counts per type as JSON");
  auto db = std::make_shared<std::string>(kDefaultDb);
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->callback([db] {
    storage::RocksStoreOptions options;
    options.secondary = true;  // reads beside a server
    auto store = OpenStore(*db, options);
    std::cout << api::CountsToJson(store->Read()->Counts()).dump(2) << "\n";
  });
}

}  // namespace actorgraph::cli
