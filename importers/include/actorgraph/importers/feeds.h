// Followed feeds: the registry of RSS 2.0 / Atom feeds that `actorgraph follow` and
// `serve --follow` poll, and what each poll found, kept in the database beside the graph
// (metadata records `feed/<id>` and `seen/<hash>`, storage/FORMAT.md), so that a restart
// knows every feed's ETag and every item already fetched.
//
// The functions are thread-safe; writes take the store's write lock so that a poll's update
// and an API's removal of the same feed never interleave (a removed feed stays removed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/status.h"

namespace actorgraph::importers {

inline constexpr int64_t kDefaultFeedIntervalSeconds = 900;  // GDELT's 15 minutes
inline constexpr int64_t kMinFeedIntervalSeconds = 1;
inline constexpr int64_t kMaxFeedIntervalSeconds = 7 * 24 * 3600;

// One followed feed and what its polls found. Times are Unix seconds (0: never).
struct FeedStatus {
  std::string id;   // 16 hex digits, a hash of the url: the feed's name in the API
  std::string url;  // http:// or https://
  int64_t interval_seconds = kDefaultFeedIntervalSeconds;
  int64_t added = 0;
  int64_t last_poll = 0;     // the last poll, whatever its outcome
  int64_t last_success = 0;  // the last poll that read the feed (a 200 or a 304)
  int64_t next_poll = 0;     // when the follower polls it next (backoff after errors)
  uint64_t polls = 0;
  uint64_t items_seen = 0;      // distinct items met in the feed over all polls
  uint64_t items_ingested = 0;  // of those, the ones whose page was fetched and ingested
  uint64_t items_failed = 0;    // ... whose page could not be fetched or read
  uint64_t consecutive_failures = 0;
  std::string last_error;           // why the last poll of the feed failed; empty after a success
  std::string last_item_error;      // the last item whose page failed: "<url>: <reason>"
  std::string etag, last_modified;  // the validators of the last 200 (conditional GET)
};

// The feed's id for `url`.
std::string FeedId(const std::string& url);

// Checks a feed url: an absolute http:// or https:// URL with a host, no spaces or control
// characters, at most 2,000 bytes. InvalidArgument naming the problem otherwise.
core::Status CheckFeedUrl(const std::string& url);

// Every followed feed, in id order.
std::vector<FeedStatus> ListFeeds(core::GraphReader& reader);
std::optional<FeedStatus> GetFeed(core::GraphReader& reader, const std::string& id);

// Follows `url` (CheckFeedUrl) every `interval_seconds` (clamped to the limits above). A feed
// already followed keeps its state (its interval is updated); returns it and whether it is new.
core::Result<std::pair<FeedStatus, bool>> AddFeed(core::GraphStore& store, const std::string& url,
                                                  int64_t interval_seconds, int64_t now);
// Stops following the feed `id` (its seen items stay seen). NotFound when it is not followed.
core::Status RemoveFeed(core::GraphStore& store, const std::string& id);
// Writes a poll's outcome for `status.id`, unless the feed was removed meanwhile (then
// nothing is written and NotFound is returned); the interval stored (AddFeed may have changed
// it during the poll) is kept. Synced.
core::Status UpdateFeed(core::GraphStore& store, const FeedStatus& status);

// What became of an item (its page's url) the follower met.
struct SeenItem {
  bool ingested = false;
  uint32_t attempts = 0;   // page fetches tried
  bool permanent = false;  // a failure not worth retrying (4xx, not HTML, too large)
  std::string error;
};
std::optional<SeenItem> GetSeen(core::GraphReader& reader, const std::string& item_url);
// Records what became of items (url, outcome) in one synced write.
core::Status PutSeen(core::GraphStore& store,
                     const std::vector<std::pair<std::string, SeenItem>>& items);

// Reads a feeds file: one feed URL a line, optionally followed by its interval in seconds;
// blank lines and lines starting with '#' are skipped. InvalidArgument naming the line of the
// first bad URL or interval; IoError when the file cannot be read.
struct FeedLine {
  std::string url;
  int64_t interval_seconds = kDefaultFeedIntervalSeconds;
};
core::Result<std::vector<FeedLine>> ReadFeedsFile(const std::string& path);

}  // namespace actorgraph::importers
