// actorgraph follow FEEDS_FILE: polls the feeds of the file (and those added at
// /api/v1/feeds) on their schedule and ingests every new item's page, until SIGINT/SIGTERM;
// --once polls each feed once and prints what it found.
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/importers/feeds.h"
#include "actorgraph/importers/follower.h"
#include "commands.h"
#include "follow_setup.h"

namespace actorgraph::cli {

namespace {

importers::Follower* g_follower = nullptr;

void StopOnSignal(int) {
  if (g_follower) g_follower->Stop();
}

nlohmann::json FeedJson(const importers::FeedStatus& f) {
  return {{"url", f.url},
          {"items_seen", f.items_seen},
          {"items_ingested", f.items_ingested},
          {"items_failed", f.items_failed},
          {"last_error", f.last_error},
          {"last_item_error", f.last_item_error}};
}

}  // namespace

void AddFollowCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "follow", "Follow RSS/Atom feeds: poll them on a schedule and import every new item");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto feeds_file = std::make_shared<std::string>();
  auto once = std::make_shared<bool>(false);
  auto options = std::make_shared<importers::FollowOptions>();
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_option("FEEDS_FILE", *feeds_file,
                  "One feed URL a line, optionally followed by its interval in seconds "
                  "(default 900)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("--once", *once, "Poll every feed once, print what each gave, and exit");
  AddFollowOptions(cmd, *options);
  auto data_dir = std::make_shared<std::string>();
  AddDataOption(cmd, *data_dir);
  cmd->callback([db, feeds_file, once, options, data_dir] {
    auto extractor = OpenExtractor(*data_dir);
    auto store = OpenStore(*db);
    size_t listed = LoadFeedsFile(*store, *feeds_file);
    importers::Follower follower(*store, *extractor, *options);
    if (*once) {
      nlohmann::json out = nlohmann::json::array();
      size_t failed = 0;
      auto feeds = importers::ListFeeds(*store->Read());
      for (const auto& feed : feeds) {
        auto before = feed;
        auto after = follower.Poll(feed.id);
        if (!after.ok()) throw CommandError(after.status().message());
        nlohmann::json j = FeedJson(*after);
        j["new_items_ingested"] = after->items_ingested - before.items_ingested;
        failed += !after->last_error.empty();
        out.push_back(j);
      }
      std::cout << out.dump(2) << "\n";
      if (!feeds.empty() && failed == feeds.size())
        throw CommandError("every feed failed (see last_error)");
      return;
    }
    g_follower = &follower;
    std::signal(SIGINT, StopOnSignal);
    std::signal(SIGTERM, StopOnSignal);
    spdlog::info("following {} feeds ({} from {}) into {}",
                 importers::ListFeeds(*store->Read()).size(), listed, *feeds_file, *db);
    follower.Run();
    g_follower = nullptr;
    spdlog::info("stopped");
  });
}

}  // namespace actorgraph::cli
