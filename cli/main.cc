// actorgraph: the command-line program. Exit codes: 0 ok, 1 runtime error, 2 usage error.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "command_suggestion.h"
#include "commands.h"

namespace {

// Exit code 2 with a did-you-mean when the first argument is not a known command (CLI11 alone
// says only "A subcommand is required"); 0 when it is one, or an option for CLI11 to handle.
int RefuseUnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return 0;
  const std::string typed = argv[1];
  std::vector<std::string> known;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->check_name(typed)) return 0;
    known.push_back(sub->get_name());
  }
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  if (auto closest = actorgraph::cli::ClosestCommand(typed, known))
    std::fprintf(stderr, "actorgraph: unknown command '%s'; did you mean '%s'? (commands: %s)\n",
                 typed.c_str(), closest->c_str(), list.c_str());
  else
    std::fprintf(stderr, "actorgraph: unknown command '%s' (commands: %s; see --help)\n",
                 typed.c_str(), list.c_str());
  return 2;
}

}  // namespace

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
  AddRecoverCommand(app);
  AddExportCommand(app);
  AddTrainCommand(app);
  AddQueryCommand(app);
  AddFollowCommand(app);
  for (CLI::App* sub : app.get_subcommands({}))
    sub->set_version_flag("--version", std::string("actorgraph ") + ACTORGRAPH_VERSION);
  if (int refused = RefuseUnknownCommand(app, argc, argv)) return refused;
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
