// actorgraph check: verifies every invariant of storage/FORMAT.md by a full scan and prints a
// JSON report; exits 1 naming each broken invariant. Runs while a server holds the database.
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/storage/integrity_check.h"
#include "commands.h"

namespace actorgraph::cli {

namespace {

nlohmann::json ReportToJson(const std::string& db, const storage::IntegrityReport& report) {
  nlohmann::json invariants = nlohmann::json::array();
  for (const auto& inv : report.invariants)
    invariants.push_back({{"name", inv.name},
                          {"description", inv.description},
                          {"ok", inv.ok()},
                          {"violations", inv.violations},
                          {"examples", inv.examples}});
  return {{"db", db}, {"ok", report.ok()}, {"scanned", report.scanned}, {"invariants", invariants}};
}

}  // namespace

void AddCheckCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check", "Verify the database's invariants (storage/FORMAT.md) by a full scan");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto options = std::make_shared<storage::IntegrityCheckOptions>();
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("--examples", options->max_examples, "Examples listed per broken invariant")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->callback([db, options] {
    auto report = storage::CheckIntegrity(*db, *options);
    if (!report.ok()) throw CommandError(report.status().message());
    std::cout << ReportToJson(*db, *report).dump(2) << "\n";
    if (report->ok()) return;
    std::string broken;
    for (const auto& inv : report->invariants)
      if (!inv.ok())
        broken +=
            (broken.empty() ? "" : ", ") + inv.name + " (" + std::to_string(inv.violations) + ")";
    throw CommandError("integrity check failed: " + broken);
  });
}

}  // namespace actorgraph::cli
