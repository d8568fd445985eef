// Follower: one poll of a feed, the schedule and the backoff.
#include "actorgraph/importers/follower.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <thread>

#include "actorgraph/core/write_health.h"
#include "actorgraph/importers/pipeline.h"
#include "actorgraph/importers/readers.h"
#include "follow/fetcher.h"

namespace actorgraph::importers {
namespace {

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

// Articles per group commit; the seen marks of a batch are written once it is durable.
constexpr size_t kIngestBatch = 8;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The page of an item, read: HTML, or plain text; an error for any other content type.
core::Result<Document> ReadPage(const follow::FetchResponse& page) {
  std::string type = Lower(page.content_type.substr(0, page.content_type.find(';')));
  type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
  if (type == "text/plain") return ReadText(page.body, page.url);
  if (type.empty() || type == "text/html" || type == "application/xhtml+xml")
    return ReadHtml(page.body, page.url);
  return core::Status::InvalidArgument(page.url + ": not an HTML page (" + type + ")");
}

}  // namespace

struct Follower::Impl {
  core::GraphStore& store;
  const Extractor& extractor;
  FollowOptions options;
  follow::Fetcher fetcher;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;

  Impl(core::GraphStore& s, const Extractor& e, FollowOptions o)
      : store(s), extractor(e), options(std::move(o)), fetcher(FetcherOptions(options)) {}

  static follow::FetchOptions FetcherOptions(const FollowOptions& o) {
    follow::FetchOptions f;
    f.user_agent = o.user_agent;
    f.connect_timeout_seconds = o.connect_timeout_seconds;
    f.read_timeout_seconds = o.read_timeout_seconds;
    f.total_timeout_seconds = o.total_timeout_seconds;
    f.max_bytes = o.max_feed_bytes;
    f.max_redirects = o.max_redirects;
    f.host_delay_seconds = o.host_delay_seconds;
    f.ca_file = o.ca_file;
    return f;
  }

  // The items of the feed's answer that need their page fetched, in feed order.
  std::vector<Document> NewItems(const std::vector<Document>& items, FeedStatus& feed) {
    std::vector<Document> todo;
    auto reader = store.Read();
    for (const Document& item : items) {
      if (item.url.empty()) continue;
      std::optional<SeenItem> seen = GetSeen(*reader, item.url);
      if (!seen) ++feed.items_seen;
      if (seen && (seen->ingested || seen->permanent || seen->attempts >= kMaxItemAttempts))
        continue;
      if (std::any_of(todo.begin(), todo.end(),
                      [&](const Document& d) { return d.url == item.url; }))
        continue;
      todo.push_back(item);
      if (todo.size() >= options.max_items_per_poll) break;
    }
    return todo;
  }

  void PollOnce(FeedStatus& feed) {
    const int64_t started = Now();
    feed.last_poll = started;
    ++feed.polls;
    core::Result<follow::FetchResponse> got = fetcher.Get(feed.url, feed.etag, feed.last_modified);
    core::Status failure;
    std::vector<Document> items;
    if (!got.ok()) {
      failure = got.status();
    } else if (got->status == 304) {
      // unchanged since the last 200
    } else {
      core::Result<std::vector<Document>> read = ReadFeed(got->body, got->url);
      if (!read.ok()) {
        failure = core::Status(read.status().code(),
                               feed.url + ": not a feed: " + read.status().message());
      } else {
        items = std::move(read).value();
        feed.etag = got->etag;
        feed.last_modified = got->last_modified;
      }
    }
    if (!failure.ok()) {
      feed.last_error = failure.message();
      ++feed.consecutive_failures;
      int64_t backoff = feed.interval_seconds;
      for (uint64_t i = 0; i < feed.consecutive_failures && backoff < options.max_backoff_seconds;
           ++i)
        backoff *= 2;
      feed.next_poll = started + std::min(backoff, options.max_backoff_seconds);
      return;
    }
    feed.last_error.clear();
    feed.consecutive_failures = 0;
    feed.last_success = started;
    if (IngestItems(NewItems(items, feed), feed)) {
      // An item to try again: the next poll GETs the feed whole, not a 304.
      feed.etag.clear();
      feed.last_modified.clear();
    }
    feed.next_poll = std::max(Now(), started + feed.interval_seconds);
  }

  // Fetches, reads and ingests the items' pages; marks each seen once it is durable. Returns
  // whether an item failed in a way worth trying again.
  bool IngestItems(const std::vector<Document>& items, FeedStatus& feed) {
    if (items.empty()) return false;
    bool retry = false;
    std::vector<std::pair<std::string, SeenItem>> marks;
    std::map<std::string, SeenItem> before;
    {
      auto reader = store.Read();
      for (const Document& item : items)
        if (auto s = GetSeen(*reader, item.url)) before[item.url] = *s;
    }
    auto failed = [&](const std::string& url, const core::Status& st) {
      SeenItem s = before.count(url) ? before[url] : SeenItem{};
      ++s.attempts;
      s.ingested = false;
      s.permanent = !follow::IsTransient(st);
      s.error = st.message();
      retry |= !s.permanent && s.attempts < kMaxItemAttempts;
      marks.emplace_back(url, s);
      ++feed.items_failed;
      feed.last_item_error = st.message();
    };
    {
      BatchIngestor ingestor(
          store, extractor,
          [&](const std::string& origin, const core::Result<core::IngestResult>& result) {
            if (!result.ok()) {
              // The store's failure (a full disk: core/write_health.h) is transient: the item
              // is tried again on the next polls. The article's own is not.
              const std::string message = origin + ": " + result.status().message();
              failed(origin, core::IsWriteFailure(result.status())
                                 ? core::Status::IoError(message)
                                 : core::Status::InvalidArgument(message));
              return;
            }
            SeenItem s;
            s.ingested = true;
            s.attempts = before.count(origin) ? before[origin].attempts + 1 : 1;
            marks.emplace_back(origin, s);
            ++feed.items_ingested;
          },
          std::max<size_t>(1, options.threads), kIngestBatch);
      for (const Document& item : items) {
        if (stop) break;
        core::Result<follow::FetchResponse> page = fetcher.Get(item.url);
        if (!page.ok()) {
          failed(item.url, page.status());
          continue;
        }
        core::Result<Document> doc = ReadPage(*page);
        if (!doc.ok()) {
          core::Status st = doc.status();
          failed(item.url, core::Status(st.code() == core::StatusCode::kIoError
                                            ? core::StatusCode::kInvalidArgument
                                            : st.code(),
                                        st.message().starts_with(page->url)
                                            ? st.message()
                                            : page->url + ": " + st.message()));
          continue;
        }
        if (doc->title.empty()) doc->title = item.title;
        if (doc->date.empty()) doc->date = item.date;
        if (doc->text.find_first_not_of(" \n\t") == std::string::npos) doc->text = item.text;
        ingestor.Add(item.url, std::move(doc).value());
        // What the ingestor reported durable is marked seen now: a long poll killed midway
        // keeps what it did.
        if (marks.size() >= kIngestBatch) {
          if (core::Status st = PutSeen(store, marks); !st.ok())
            feed.last_item_error = "cannot record the seen items: " + st.message();
          marks.clear();
        }
      }
      if (core::Status st = ingestor.Flush(); !st.ok()) feed.last_item_error = st.message();
    }
    // One synced write for the poll's seen marks, after the articles' own syncs.
    if (core::Status st = PutSeen(store, marks); !st.ok())
      feed.last_item_error = "cannot record the seen items: " + st.message();
    return retry || stop;
  }
};

Follower::Follower(core::GraphStore& store, const Extractor& extractor, FollowOptions options)
    : impl_(std::make_unique<Impl>(store, extractor, std::move(options))) {}

Follower::~Follower() = default;

core::Result<FeedStatus> Follower::Poll(const std::string& id) {
  std::optional<FeedStatus> feed = GetFeed(*impl_->store.Read(), id);
  if (!feed) return core::Status::NotFound("no followed feed " + id);
  impl_->PollOnce(*feed);
  AG_RETURN_IF_ERROR(UpdateFeed(impl_->store, *feed));
  return GetFeed(*impl_->store.Read(), id).value_or(*feed);
}

size_t Follower::PollDue(int64_t now) {
  size_t polled = 0;
  for (const FeedStatus& feed : ListFeeds(*impl_->store.Read())) {
    if (impl_->stop) break;
    if (feed.next_poll > now) continue;
    (void)Poll(feed.id);
    ++polled;
  }
  return polled;
}

void Follower::Run() {
  while (!impl_->stop) {
    PollDue(Now());
    std::unique_lock<std::mutex> lock(impl_->mu);
    impl_->cv.wait_for(lock, std::chrono::seconds(1), [this] { return impl_->stop.load(); });
  }
}

void Follower::Stop() {
  impl_->stop = true;
  impl_->cv.notify_all();
}

}  // namespace actorgraph::importers
