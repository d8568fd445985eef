// The actorgraph program's commands. Each Add*Command registers one CLI11 subcommand whose
// callback stores its exit code in `exit_code` (0 ok, 1 runtime error, 2 usage error).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "actorgraph/importers/extraction.h"
#include "actorgraph/storage/rocks_graph_store.h"

namespace actorgraph::cli {

inline constexpr const char* kDefaultDb = "./data/actorgraph";

// Thrown by commands for a runtime failure: main prints the message and exits 1.
struct CommandError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Opens the database or throws CommandError with RocksGraphStore's message.
std::unique_ptr<storage::RocksGraphStore> OpenStore(const std::string& dir,
                                                    const storage::RocksStoreOptions& options = {});

// Opens the extractor from `data_dir` (empty: importers::DataDir()) or throws CommandError
// naming the missing or corrupt file.
std::unique_ptr<importers::Extractor> OpenExtractor(const std::string& data_dir);
// Adds --data DIR (the extractor's data folder) to `cmd`, stored in `data_dir`.
void AddDataOption(CLI::App* cmd, std::string& data_dir);

void AddImportCommand(CLI::App& app);
void AddStatsCommand(CLI::App& app);
void AddNodeCommand(CLI::App& app);
void AddReadCommand(CLI::App& app);
void AddExtractCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddCheckCommand(CLI::App& app);
void AddBackupCommand(CLI::App& app);
void AddRecoverCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddTrainCommand(CLI::App& app);
void AddQueryCommand(CLI::App& app);
void AddFollowCommand(CLI::App& app);

}  // namespace actorgraph::cli
