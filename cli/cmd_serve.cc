// actorgraph serve: the HTTP graph API and the dashboard.
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

#include "actorgraph/api/server.h"
#include "actorgraph/importers/follower.h"
#include "commands.h"
#include "follow_setup.h"
#include "write_token_file.h"

namespace actorgraph::cli {

namespace {

api::Server* g_server = nullptr;
importers::Follower* g_follower = nullptr;

void StopOnSignal(int) {
  if (g_server) g_server->Stop();
  if (g_follower) g_follower->Stop();
}

// Where the dashboard's files are when --static-dir is not given: $ACTORGRAPH_VIZ, else
// actorgraph-viz/ beside the program (the build folder links it to viz/dist; an install
// copies it there).
std::string DefaultDashboardDir() {
  if (const char* env = std::getenv("ACTORGRAPH_VIZ"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ((ec ? std::filesystem::path(".") : exe.parent_path()) / "actorgraph-viz").string();
}

bool HasDashboard(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(dir) / "index.html", ec);
}

// The token writes need: --token, else $ACTORGRAPH_TOKEN, else none on a read-only server or
// on a loopback host without --token-file (the Host and Origin checks keep other sites' pages
// out; programs of the machine's user, such as the corpus scorers, write without one), else
// the one kept in the database folder (write_token_file.h). Returns that file when its token
// is used, to be shown to the user.
std::optional<WriteTokenFile> ChooseToken(api::ServerOptions& options, bool token_file,
                                          const std::string& db) {
  if (options.token.empty())
    if (const char* env = std::getenv("ACTORGRAPH_TOKEN")) options.token = env;
  if (!options.token.empty() || options.read_only) return std::nullopt;
  if (!token_file && api::IsLoopbackHost(options.host)) return std::nullopt;
  WriteTokenFile file = LoadOrCreateWriteToken(db);
  options.token = file.token;
  return file;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP graph API and the dashboard");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto options = std::make_shared<api::ServerOptions>();
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->port, "Port (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  auto token = cmd->add_option("--token", options->token,
                               "Bearer token required for writes (default: $ACTORGRAPH_TOKEN; "
                               "none on a loopback host, else --token-file)");
  auto use_token_file = std::make_shared<bool>(false);
  cmd->add_flag("--token-file", *use_token_file,
                "Writes need the token kept in DB/api-token (made on the first start); the "
                "default on a non-loopback --host")
      ->excludes(token);
  cmd->add_option("--allowed-host", options->allowed_hosts,
                  "Another name the Host header may give, e.g. a reverse proxy's (repeatable)");
  cmd->add_flag("--read-only", options->read_only, "Refuse every write");
  cmd->add_option("--threads", options->threads, "Worker threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--request-timeout", options->request_timeout_seconds,
                  "Seconds a whole request (head and body) may take to arrive (then 408)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--max-connections", options->max_connections,
                  "Open connections at most; one more is answered 503")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  auto static_dir = cmd->add_option("--static-dir", options->static_dir,
                                    "Dashboard files served at / (default: $ACTORGRAPH_VIZ, else "
                                    "actorgraph-viz/ beside the program)");
  auto follow_file = std::make_shared<std::string>();
  cmd->add_option("--follow", *follow_file,
                  "Follow the feeds of this file (one URL a line, optionally its interval in "
                  "seconds) and those added at /api/v1/feeds, as `actorgraph follow` does")
      ->check(CLI::ExistingFile)
      ->group("Following");
  auto follow_options = std::make_shared<importers::FollowOptions>();
  AddFollowOptions(cmd, *follow_options);
  auto data_dir = std::make_shared<std::string>();
  AddDataOption(cmd, *data_dir);
  cmd->callback([db, options, data_dir, static_dir, use_token_file, follow_file, follow_options] {
    if (static_dir->count() > 0 && !HasDashboard(options->static_dir))
      throw CommandError("no dashboard at " + options->static_dir + " (no index.html in it)");
    if (static_dir->count() == 0) {
      options->static_dir = DefaultDashboardDir();
      if (!HasDashboard(options->static_dir)) {
        spdlog::warn("no dashboard at {} (run `make viz`): serving the API only",
                     options->static_dir);
        options->static_dir.clear();
      }
    }
    auto extractor = OpenExtractor(*data_dir);  // refuses to start without its models
    options->extractor = extractor.get();
    // A --read-only server opens the database read-only (RocksDB's OpenForReadOnly): no lock,
    // nothing written into the folder, so that a database on read-only media is served; it
    // shows the database as it was at start. Otherwise the server holds the folder (the token
    // file is this server's).
    storage::RocksStoreOptions store_options;
    store_options.read_only = options->read_only;
    auto store = OpenStore(*db, store_options);
    std::optional<WriteTokenFile> token_file = ChooseToken(*options, *use_token_file, *db);
    if (!follow_file->empty()) {
      if (options->read_only) throw CommandError("--follow writes: it cannot go with --read-only");
      LoadFeedsFile(*store, *follow_file);
    }
    api::Server server(*store, *options);
    if (auto st = server.Bind(); !st.ok()) throw CommandError(st.message());
    std::unique_ptr<importers::Follower> follower;
    std::thread follower_thread;
    if (!follow_file->empty()) {
      follower = std::make_unique<importers::Follower>(*store, *extractor, *follow_options);
      g_follower = follower.get();
      follower_thread = std::thread([&] { follower->Run(); });
    }
    // Printed once per start, on stderr, for the user to give to the dashboard or a client.
    if (token_file)
      std::fprintf(stderr,
                   "actorgraph: writes to http://%s:%d/ need the token %s (%s %s): type it in "
                   "the dashboard's token field, or send 'Authorization: Bearer <token>'\n",
                   options->host.c_str(), server.port(), token_file->token.c_str(),
                   token_file->created ? "new, kept in" : "kept in", token_file->path.c_str());
    if ((options->host == "0.0.0.0" || options->host == "::") && options->allowed_hosts.empty())
      spdlog::warn(
          "listening on every address, but requests must name the server in their "
          "Host header: give --allowed-host for each name or address clients use");
    g_server = &server;
    std::signal(SIGINT, StopOnSignal);
    std::signal(SIGTERM, StopOnSignal);
    spdlog::info("serving {} on http://{}:{}/ ({} threads{}{}; extractor {})", *db, options->host,
                 server.port(), options->threads, options->read_only ? ", read-only" : "",
                 options->token.empty() ? ", writes without a token" : "", extractor->version());
    auto st = server.Listen();
    g_server = nullptr;
    if (follower) {
      follower->Stop();
      follower_thread.join();
      g_follower = nullptr;
    }
    if (!st.ok()) throw CommandError(st.message());
    spdlog::info("stopped");
  });
}

}  // namespace actorgraph::cli
