// actorgraph: the command-line program. Exit codes: 0 ok, 1 runtime error, 2 usage error.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "commands.h"

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("actorgraph"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  CLI::App app{"actorgraph: a knowledge-graph database of industrial actors"};
  app.set_version_flag("--version", std::string("actorgraph ") + ACTORGRAPH_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  using namespace actorgraph::cli;
  AddImportCommand(app);
  AddStatsCommand(app);
  AddNodeCommand(app);
  AddReadCommand(app);
  AddExtractCommand(app);
  AddServeCommand(app);
  AddCheckCommand(app);
  AddBackupCommand(app);
  AddExportCommand(app);
  AddTrainCommand(app);
  for (CLI::App* sub : app.get_subcommands({}))
    sub->set_version_flag("--version", std::string("actorgraph ") + ACTORGRAPH_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "actorgraph: %s (see --help)\n", e.what());
    return 2;
  } catch (const CommandError& e) {
    std::fprintf(stderr, "actorgraph: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "actorgraph: unexpected error: %s\n", e.what());
    return 1;
  }
  return 0;
}
