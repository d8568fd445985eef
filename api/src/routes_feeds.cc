// /api/v1/feeds: the followed feeds (importers/feeds.h) listed with their status, added and
// removed. Writes need the token when the server has one (ApiContext::AuthorizeWrite); the
// polling itself is the follower's (`serve --follow`, `actorgraph follow`), which picks up
// the feeds added here at its next round.
#include <ctime>

#include "actorgraph/importers/feeds.h"
#include "api_context.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

json FeedToJson(const importers::FeedStatus& f) {
  auto time_or_null = [](int64_t t) -> json {
    if (t == 0) return nullptr;
    char buf[32];
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
  };
  return {{"id", f.id},
          {"url", f.url},
          {"interval_seconds", f.interval_seconds},
          {"added", time_or_null(f.added)},
          {"last_poll", time_or_null(f.last_poll)},
          {"last_success", time_or_null(f.last_success)},
          {"next_poll", time_or_null(f.next_poll)},
          {"polls", f.polls},
          {"items_seen", f.items_seen},
          {"items_ingested", f.items_ingested},
          {"items_failed", f.items_failed},
          {"consecutive_failures", f.consecutive_failures},
          {"last_error", f.last_error.empty() ? json(nullptr) : json(f.last_error)},
          {"last_item_error", f.last_item_error.empty() ? json(nullptr) : json(f.last_item_error)}};
}

std::string FeedIdParam(const std::string& text) {
  if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string::npos)
    Fail(400, "invalid_id", "a feed id is 16 lowercase hex digits, not '" + text + "'");
  return text;
}

void ListFeeds(ApiContext& ctx, const httplib::Request&, httplib::Response& res) {
  json items = json::array();
  for (const auto& f : importers::ListFeeds(*ctx.store.Read())) items.push_back(FeedToJson(f));
  SendJson(res, 200, {{"items", items}, {"total", items.size()}});
}

void GetFeed(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string id = FeedIdParam(req.matches[1]);
  auto feed = importers::GetFeed(*ctx.store.Read(), id);
  if (!feed) Fail(404, "not_found", "no followed feed " + id);
  SendJson(res, 200, FeedToJson(*feed));
}

void AddFeed(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  ctx.AuthorizeWrite(req);
  json body = JsonBody(req);
  OnlyFields(body, {"url", "interval_seconds"});
  if (!body.contains("url") || !body["url"].is_string())
    Fail(400, "invalid_field", "\"url\" (the feed's http(s) URL) is required, as a string");
  int64_t interval = importers::kDefaultFeedIntervalSeconds;
  if (body.contains("interval_seconds")) {
    const json& v = body["interval_seconds"];
    if (!v.is_number_integer() || v.get<int64_t>() < importers::kMinFeedIntervalSeconds ||
        v.get<int64_t>() > importers::kMaxFeedIntervalSeconds)
      Fail(400, "invalid_field",
           "\"interval_seconds\" must be an integer from 1 to " +
               std::to_string(importers::kMaxFeedIntervalSeconds));
    interval = v.get<int64_t>();
  }
  const std::string url = body["url"].get<std::string>();
  if (auto st = importers::CheckFeedUrl(url); !st.ok()) Fail(400, "invalid_url", st.message());
  auto added = Unwrap(
      importers::AddFeed(ctx.store, url, interval, static_cast<int64_t>(std::time(nullptr))));
  SendJson(res, added.second ? 201 : 200, FeedToJson(added.first));
}

void RemoveFeed(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  ctx.AuthorizeWrite(req);
  std::string id = FeedIdParam(req.matches[1]);
  ThrowIfError(importers::RemoveFeed(ctx.store, id));
  SendJson(res, 200, {{"removed", id}});
}

}  // namespace

void AddFeedRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Get("/api/v1/feeds", Bound(ctx, ListFeeds));
  routes.Post("/api/v1/feeds", Bound(ctx, AddFeed));
  routes.Get(R"(/api/v1/feeds/([^/]+))", Bound(ctx, GetFeed));
  routes.Delete(R"(/api/v1/feeds/([^/]+))", Bound(ctx, RemoveFeed));
}

}  // namespace actorgraph::api
