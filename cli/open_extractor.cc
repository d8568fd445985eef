// OpenExtractor and --data: every command that extracts opens the models the same way.
#include "commands.h"

namespace actorgraph::cli {

std::unique_ptr<importers::Extractor> OpenExtractor(const std::string& data_dir) {
  importers::ExtractorOptions options;
  options.data_dir = data_dir;
  auto x = importers::Extractor::Open(options);
  if (!x.ok()) throw CommandError("cannot open the extractor: " + x.status().message());
  return std::move(x.value());
}

void AddDataOption(CLI::App* cmd, std::string& data_dir) {
  cmd->add_option("--data", data_dir,
                  "The extractor's data folder (models, word lists); default: $ACTORGRAPH_DATA, "
                  "else actorgraph-data beside the program");
}

}  // namespace actorgraph::cli
