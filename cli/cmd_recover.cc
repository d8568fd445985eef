// actorgraph recover: opens a database whose write-ahead log is damaged, keeping every record
// that reads back whole, and reports what was dropped (stdout and a JSON report file).
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/storage/recovery.h"
#include "commands.h"

namespace actorgraph::cli {

namespace {

std::string DefaultReportPath(const std::string& db) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return db + "/RECOVERY-" + stamp + ".json";
}

}  // namespace

void AddRecoverCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "recover", "Open a database with a damaged write-ahead log, dropping only what is damaged");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto report_path = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database folder (not in use by a server or an import)")
      ->capture_default_str();
  cmd->add_option("--report", *report_path,
                  "Where the JSON report goes (default: DB/RECOVERY-<UTC time>.json)");
  cmd->callback([db, report_path] {
    auto report = storage::RecoverDatabase(*db);
    if (!report.ok()) throw CommandError(report.status().message());
    for (const auto& line : report->dropped) spdlog::warn("recover {}: {}", *db, line);
    const nlohmann::json j = {{"db", *db},
                              {"dropped", report->dropped},
                              {"damaged", !report->dropped.empty()},
                              {"articles", report->articles}};
    const std::string path = report_path->empty() ? DefaultReportPath(*db) : *report_path;
    std::ofstream out(path);
    out << j.dump(2) << "\n";
    if (!out) throw CommandError("cannot write the recovery report to " + path);
    std::cout << j.dump(2) << "\n";
    spdlog::info("recover {}: {} damaged stretch(es) dropped, {} articles kept; report in {}", *db,
                 report->dropped.size(), report->articles, path);
  });
}

}  // namespace actorgraph::cli
