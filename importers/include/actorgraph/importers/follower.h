// Follower: polls the followed feeds (feeds.h) and ingests every new item's page like an
// import. A poll of a feed:
// 1. GETs the feed with If-None-Match / If-Modified-Since from the last 200 (a 304 ends it);
// 2. reads it as RSS 2.0 or Atom (ReadFeed);
// 3. for each item whose link was never ingested (seen/ records), fetches the page, reads it
//    (ReadHtml; text/plain with ReadText; the item's title and date when the page has none),
//    extracts and ingests it (BatchIngestor: durable before it is counted), then marks it
//    seen; a page that failed is tried again on later polls while its failure is transient,
//    at most kMaxItemAttempts times;
// 4. writes the feed's status: last poll, counters, last error; the next poll comes after the
//    feed's interval, or after a backoff (interval x 2^failures, at most a day) when it failed.
// Every fetch goes through one Fetcher: timeouts, size caps, redirect limit, robots.txt, a
// politeness delay per host, User-Agent "actorgraph/<version> (+url)".
// Nothing acknowledged is lost: an item is marked seen only after its article is synced, so a
// kill -9 mid-poll at worst fetches an item again (re-ingesting it changes nothing).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/importers/extraction.h"
#include "actorgraph/importers/feeds.h"

namespace actorgraph::importers {

inline constexpr uint32_t kMaxItemAttempts = 3;

struct FollowOptions {
  std::string user_agent = "actorgraph";  // "actorgraph/<version> (+https://...)"
  double connect_timeout_seconds = 10;
  double read_timeout_seconds = 10;
  double total_timeout_seconds = 30;         // per fetch, redirects included
  size_t max_feed_bytes = size_t{16} << 20;  // a feed, a page: larger ones are refused
  int max_redirects = 5;
  double host_delay_seconds = 1.0;  // between two requests to one host
  size_t max_items_per_poll = 500;  // new items taken from one poll of a feed
  int64_t max_backoff_seconds = 24 * 3600;
  std::string ca_file;  // empty: the system's CA store
  size_t threads = 2;   // extraction threads
};

class Follower {
 public:
  // `store` and `extractor` must outlive the follower.
  Follower(core::GraphStore& store, const Extractor& extractor, FollowOptions options);
  ~Follower();

  // Polls feed `id` now, whatever its schedule; returns its status after the poll (NotFound
  // when it is not followed). A failed poll is not an error here: it is in last_error.
  core::Result<FeedStatus> Poll(const std::string& id);
  // Polls every feed whose next_poll is at or before `now` (Unix seconds), in id order;
  // returns how many it polled. Stops early when Stop() was called.
  size_t PollDue(int64_t now);
  // PollDue(now) every second until Stop(); returns then. For a thread of its own.
  void Run();
  // Makes Run (and a PollDue in progress, after its current feed) return. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::importers
