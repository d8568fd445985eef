#include "follow_setup.h"

#include <ctime>

#include "actorgraph/importers/feeds.h"
#include "commands.h"

namespace actorgraph::cli {

std::string FollowerUserAgent() {
  return std::string("actorgraph/") + ACTORGRAPH_VERSION + " (knowledge-graph feed follower)";
}

void AddFollowOptions(CLI::App* cmd, importers::FollowOptions& o) {
  o.user_agent = FollowerUserAgent();
  cmd->add_option("--delay", o.host_delay_seconds,
                  "Seconds between two requests to one host (robots.txt's Crawl-delay when "
                  "longer)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str()
      ->group("Following");
  cmd->add_option("--timeout", o.total_timeout_seconds,
                  "Seconds a fetch may take in all, redirects included")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str()
      ->group("Following");
  cmd->add_option("--max-bytes", o.max_feed_bytes, "Largest feed or page fetched, in bytes")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20))
      ->capture_default_str()
      ->group("Following");
  cmd->add_option("--max-items", o.max_items_per_poll, "New items taken from one poll of a feed")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str()
      ->group("Following");
  cmd->add_option("--ca-file", o.ca_file, "CA certificates (PEM) for HTTPS (default: the system's)")
      ->check(CLI::ExistingFile)
      ->group("Following");
}

size_t LoadFeedsFile(core::GraphStore& store, const std::string& path) {
  auto lines = importers::ReadFeedsFile(path);
  if (!lines.ok()) throw CommandError(lines.status().message());
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  for (const auto& line : *lines) {
    auto added = importers::AddFeed(store, line.url, line.interval_seconds, now);
    if (!added.ok()) throw CommandError(line.url + ": " + added.status().message());
  }
  return lines->size();
}

}  // namespace actorgraph::cli
