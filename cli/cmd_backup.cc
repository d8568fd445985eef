// actorgraph backup --db DIR --to DIR2: a consistent copy of the database in a new folder,
// also while `actorgraph serve` or an import holds it. Restore = use DIR2 as --db.
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/storage/backup.h"
#include "commands.h"

namespace actorgraph::cli {

void AddBackupCommand(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("backup", "Copy the database to a new folder (also while it is served)");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto to = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("--to", *to, "Target folder; must not exist")->required();
  cmd->callback([db, to] {
    auto result = storage::BackupDatabase(*db, *to);
    if (!result.ok()) throw CommandError(result.status().message());
    std::cout << nlohmann::json{{"db", *db},
                                {"to", *to},
                                {"method", result->method},
                                {"keys_copied", result->keys_copied}}
                     .dump()
              << "\n";
  });
}

}  // namespace actorgraph::cli
