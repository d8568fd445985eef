// The feed registry and the seen items, as metadata records (storage/FORMAT.md):
//   feed/<id>        -> the FeedStatus as JSON
//   seen/<hash hex>  -> the SeenItem as JSON, keyed by a hash of the item page's url
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/core/hashing.h"
#include "actorgraph/importers/feeds.h"

namespace actorgraph::importers {
namespace {

using Json = nlohmann::json;

constexpr const char* kFeedPrefix = "feed/";
constexpr const char* kSeenPrefix = "seen/";
constexpr uint64_t kFeedSeed = 13, kSeenSeed = 17;

std::string Hex16(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string SeenKey(const std::string& item_url) {
  return kSeenPrefix + Hex16(core::Hash64(item_url, kSeenSeed));
}

Json ToJson(const FeedStatus& f) {
  return {{"id", f.id},
          {"url", f.url},
          {"interval_seconds", f.interval_seconds},
          {"added", f.added},
          {"last_poll", f.last_poll},
          {"last_success", f.last_success},
          {"next_poll", f.next_poll},
          {"polls", f.polls},
          {"items_seen", f.items_seen},
          {"items_ingested", f.items_ingested},
          {"items_failed", f.items_failed},
          {"consecutive_failures", f.consecutive_failures},
          {"last_error", f.last_error},
          {"last_item_error", f.last_item_error},
          {"etag", f.etag},
          {"last_modified", f.last_modified}};
}

std::optional<FeedStatus> FromJson(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  FeedStatus f;
  try {
    f.id = j.value("id", "");
    f.url = j.value("url", "");
    f.interval_seconds = j.value("interval_seconds", kDefaultFeedIntervalSeconds);
    f.added = j.value("added", int64_t{0});
    f.last_poll = j.value("last_poll", int64_t{0});
    f.last_success = j.value("last_success", int64_t{0});
    f.next_poll = j.value("next_poll", int64_t{0});
    f.polls = j.value("polls", uint64_t{0});
    f.items_seen = j.value("items_seen", uint64_t{0});
    f.items_ingested = j.value("items_ingested", uint64_t{0});
    f.items_failed = j.value("items_failed", uint64_t{0});
    f.consecutive_failures = j.value("consecutive_failures", uint64_t{0});
    f.last_error = j.value("last_error", "");
    f.last_item_error = j.value("last_item_error", "");
    f.etag = j.value("etag", "");
    f.last_modified = j.value("last_modified", "");
  } catch (const Json::exception&) {
    return std::nullopt;
  }
  if (f.id.empty() || f.url.empty()) return std::nullopt;
  return f;
}

core::Status PutMeta(core::GraphStore& store, std::string key, std::string value) {
  core::GraphDelta delta;
  delta.put_meta.push_back({std::move(key), std::move(value)});
  return store.Apply(delta).status();
}

}  // namespace

std::string FeedId(const std::string& url) { return Hex16(core::Hash64(url, kFeedSeed)); }

core::Status CheckFeedUrl(const std::string& url) {
  if (url.size() > 2000) return core::Status::InvalidArgument("the feed url is over 2,000 bytes");
  size_t scheme_end = url.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https")
    return core::Status::InvalidArgument("the feed url must start with http:// or https://: " +
                                         url);
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f)
      return core::Status::InvalidArgument("the feed url has a space or control character");
  size_t host_start = scheme_end + 3;
  size_t host_end = url.find_first_of("/?#", host_start);
  std::string authority = url.substr(
      host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (authority.empty() || authority[0] == ':' || authority.find('@') != std::string::npos)
    return core::Status::InvalidArgument("the feed url has no host (or user info): " + url);
  return core::Status::Ok();
}

std::vector<FeedStatus> ListFeeds(core::GraphReader& reader) {
  std::vector<FeedStatus> out;
  std::string after;
  while (true) {
    std::vector<core::MetaPut> page = reader.ScanMeta(kFeedPrefix, after, 500);
    for (const auto& m : page)
      if (auto f = FromJson(m.value)) out.push_back(std::move(*f));
    if (page.size() < 500) break;
    after = page.back().key;
  }
  return out;
}

std::optional<FeedStatus> GetFeed(core::GraphReader& reader, const std::string& id) {
  std::optional<std::string> v = reader.GetMeta(kFeedPrefix + id);
  if (!v) return std::nullopt;
  return FromJson(*v);
}

core::Result<std::pair<FeedStatus, bool>> AddFeed(core::GraphStore& store, const std::string& url,
                                                  int64_t interval_seconds, int64_t now) {
  AG_RETURN_IF_ERROR(CheckFeedUrl(url));
  interval_seconds = std::clamp(interval_seconds, kMinFeedIntervalSeconds, kMaxFeedIntervalSeconds);
  std::pair<FeedStatus, bool> out;
  core::Status st = store.WithWriteLock([&]() -> core::Status {
    const std::string id = FeedId(url);
    std::optional<FeedStatus> old = GetFeed(*store.Read(), id);
    out.second = !old;
    FeedStatus f = old ? *old : FeedStatus{};
    if (!old) {
      f.id = id;
      f.url = url;
      f.added = now;
      f.next_poll = now;
    }
    f.interval_seconds = interval_seconds;
    out.first = f;
    return PutMeta(store, kFeedPrefix + id, ToJson(f).dump());
  });
  if (!st.ok()) return st;
  return out;
}

core::Status RemoveFeed(core::GraphStore& store, const std::string& id) {
  return store.WithWriteLock([&]() -> core::Status {
    if (!store.Read()->GetMeta(kFeedPrefix + id))
      return core::Status::NotFound("no followed feed " + id);
    core::GraphDelta delta;
    delta.delete_meta.push_back(kFeedPrefix + id);
    return store.Apply(delta).status();
  });
}

core::Status UpdateFeed(core::GraphStore& store, const FeedStatus& status) {
  return store.WithWriteLock([&]() -> core::Status {
    std::optional<FeedStatus> stored = GetFeed(*store.Read(), status.id);
    if (!stored) return core::Status::NotFound("the feed " + status.id + " is no longer followed");
    FeedStatus merged = status;
    merged.interval_seconds = stored->interval_seconds;
    merged.added = stored->added;
    return PutMeta(store, kFeedPrefix + status.id, ToJson(merged).dump());
  });
}

std::optional<SeenItem> GetSeen(core::GraphReader& reader, const std::string& item_url) {
  std::optional<std::string> v = reader.GetMeta(SeenKey(item_url));
  if (!v) return std::nullopt;
  Json j = Json::parse(*v, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  SeenItem s;
  try {
    s.ingested = j.value("ingested", false);
    s.attempts = j.value("attempts", 0u);
    s.permanent = j.value("permanent", false);
    s.error = j.value("error", "");
  } catch (const Json::exception&) {
    return std::nullopt;
  }
  return s;
}

core::Status PutSeen(core::GraphStore& store,
                     const std::vector<std::pair<std::string, SeenItem>>& items) {
  if (items.empty()) return core::Status::Ok();
  core::GraphDelta delta;
  for (const auto& [url, item] : items) {
    Json j = {{"url", url},
              {"ingested", item.ingested},
              {"attempts", item.attempts},
              {"permanent", item.permanent},
              {"error", item.error}};
    delta.put_meta.push_back({SeenKey(url), j.dump()});
  }
  return store.Apply(delta).status();
}

core::Result<std::vector<FeedLine>> ReadFeedsFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::Status::IoError("cannot read the feeds file " + path);
  std::vector<FeedLine> out;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream words(line);
    FeedLine f;
    if (!(words >> f.url) || f.url[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (auto st = CheckFeedUrl(f.url); !st.ok())
      return core::Status::InvalidArgument(where + st.message());
    std::string interval, extra;
    if (words >> interval) {
      size_t used = 0;
      try {
        f.interval_seconds = std::stoll(interval, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != interval.size() || f.interval_seconds < kMinFeedIntervalSeconds ||
          f.interval_seconds > kMaxFeedIntervalSeconds)
        return core::Status::InvalidArgument(where + "the interval must be seconds from 1 to " +
                                             std::to_string(kMaxFeedIntervalSeconds) + ", not " +
                                             interval);
      if (words >> extra)
        return core::Status::InvalidArgument(where + "more than a URL and an interval");
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace actorgraph::importers
