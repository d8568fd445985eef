// The follower against real HTTP servers on 127.0.0.1 and a real RocksDB store: new items in
// the graph within one poll, nothing twice (a second poll, a restart), conditional GETs,
// robots.txt, and every bad case a clear error in its feed's status while the others go on.
#include "actorgraph/importers/follower.h"

#include <catch2/catch.hpp>
#include <ctime>
#include <set>

#include "actorgraph/importers/feeds.h"
#include "follow/site_server.h"
#include "support/extractor.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using testing::SiteServer;

namespace {

importers::FollowOptions FastOptions() {
  importers::FollowOptions o;
  o.user_agent = "actorgraph/test (feed follower)";
  o.host_delay_seconds = 0;
  o.total_timeout_seconds = 3;
  o.read_timeout_seconds = 2;
  o.connect_timeout_seconds = 2;
  o.max_feed_bytes = 1 << 20;
  return o;
}

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

std::set<std::string> ArticleUrls(core::GraphStore& store) {
  std::set<std::string> urls;
  REQUIRE(store.Read()
              ->ForEachArticle([&](const core::Article& a) {
                urls.insert(a.url);
                return true;
              })
              .ok());
  return urls;
}

std::string Follow(core::GraphStore& store, const std::string& url, int64_t interval = 900) {
  auto added = importers::AddFeed(store, url, interval, Now());
  REQUIRE(added.ok());
  return added->first.id;
}

const char* kBodyA =
    "Varnholt Industries opened a smart foundry in Bergen on Monday, chief executive Ingrid "
    "Solberg said.";
const char* kBodyB = "The Ministry of Trade signed a partnership with Oslo Steel in Oslo.";
const char* kBodyC = "Mara Lindqvist, chief engineer at Nordkran, spoke at the Bergen Forum.";

}  // namespace

TEST_CASE("A new item is in the graph after one poll; a second poll and a restart fetch nothing",
          "[follow]") {
  SiteServer site;
  site.Put("a.html", testing::NewsPage("Varnholt opens a foundry", kBodyA));
  site.Put("b.html", testing::NewsPage("Ministry signs with Oslo Steel", kBodyB));
  site.Put("c.html", testing::NewsPage("Lindqvist at the Bergen Forum", kBodyC));
  site.Put("feed.xml", testing::RssFeed({{"A", site.Url("/a.html")}, {"B", site.Url("/b.html")}}));
  testing::TempDir tmp;
  std::string id;
  {
    auto store = testing::OpenOrDie(tmp.Sub("db"));
    id = Follow(*store, site.Url("/feed.xml"));
    importers::Follower follower(*store, testing::SharedExtractor(), FastOptions());

    auto first = follower.Poll(id);
    REQUIRE(first.ok());
    CHECK(first->last_error.empty());
    CHECK(first->items_seen == 2);
    CHECK(first->items_ingested == 2);
    CHECK(ArticleUrls(*store) == std::set<std::string>{site.Url("/a.html"), site.Url("/b.html")});
    CHECK(first->etag.size() > 2);
    CHECK(first->last_success >= first->added);
    CHECK(first->next_poll >= first->last_poll + 900);

    // The feed gains an item: only its page is fetched.
    site.Put("feed.xml", testing::RssFeed({{"C", site.Url("/c.html")},
                                           {"A", site.Url("/a.html")},
                                           {"B", site.Url("/b.html")}}));
    auto second = follower.Poll(id);
    REQUIRE(second.ok());
    CHECK(second->items_seen == 3);
    CHECK(second->items_ingested == 3);
    CHECK(site.HitsOf("/a.html") == 1);
    CHECK(site.HitsOf("/c.html") == 1);
    CHECK(ArticleUrls(*store).count(site.Url("/c.html")) == 1);

    // Unchanged: a conditional GET answered 304, no page fetched.
    auto third = follower.Poll(id);
    REQUIRE(third.ok());
    CHECK(third->items_ingested == 3);
    CHECK(site.HitsOf("/feed.xml") == 3);
    CHECK(site.HitsOf("/a.html") == 1);
    CHECK(site.HitsOf("/c.html") == 1);
    auto hits = site.Hits();
    auto last_feed = std::find_if(hits.rbegin(), hits.rend(),
                                  [](const SiteServer::Hit& h) { return h.path == "/feed.xml"; });
    CHECK(last_feed->status == 304);
    CHECK(last_feed->conditional);
  }
  // A restart: the ETag and the seen items come from the database.
  const size_t hits_before = site.Hits().size();
  {
    auto store = testing::OpenOrDie(tmp.Sub("db"));
    importers::Follower follower(*store, testing::SharedExtractor(), FastOptions());
    auto again = follower.Poll(id);
    REQUIRE(again.ok());
    CHECK(again->items_ingested == 3);
    CHECK(again->polls == 4);
    auto hits = site.Hits();
    // (The server logs each answer once written: two answers may be logged out of order.)
    std::multiset<std::string> paths;
    int feed_status = 0;
    for (size_t i = hits_before; i < hits.size(); ++i) {
      paths.insert(hits[i].path);
      if (hits[i].path == "/feed.xml") feed_status = hits[i].status;
    }
    CHECK(paths == std::multiset<std::string>{"/robots.txt", "/feed.xml"});
    CHECK(feed_status == 304);
    // Even without the validators (a server that sends none), no page is fetched twice.
    auto feed = importers::GetFeed(*store->Read(), id);
    REQUIRE(feed);
    feed->etag.clear();
    feed->last_modified.clear();
    REQUIRE(importers::UpdateFeed(*store, *feed).ok());
    auto full = follower.Poll(id);
    REQUIRE(full.ok());
    CHECK(site.HitsOf("/feed.xml") == 5);
    CHECK(full->items_ingested == 3);
    CHECK(site.HitsOf("/a.html") == 1);
    CHECK(site.HitsOf("/b.html") == 1);
    CHECK(site.HitsOf("/c.html") == 1);
  }
  // Every request named actorgraph; pages and feeds came gzip-compressed.
  size_t gzipped = 0;
  for (const auto& hit : site.Hits()) {
    CHECK(hit.user_agent.find("actorgraph/") == 0);
    gzipped += hit.content_encoding == "gzip";
  }
  CHECK(gzipped >= 4);
}

TEST_CASE("A news sitemap is followed like a feed: its new pages are fetched and ingested",
          "[follow]") {
  SiteServer site;
  site.Put("a.html", testing::NewsPage("Varnholt opens a foundry", kBodyA));
  site.Put("b.html", testing::NewsPage("Ministry signs with Oslo Steel", kBodyB));
  auto sitemap = [&](std::vector<std::string> pages) {
    std::string xml =
        R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" )"
        R"(xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">)";
    for (const auto& page : pages)
      xml += "<url><loc>" + site.Url(page) +
             "</loc><news:news><news:publication_date>2024-05-06</news:publication_date>"
             "</news:news></url>";
    return xml + "</urlset>";
  };
  site.Put("news-sitemap.xml", sitemap({"/a.html"}));
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  const std::string id = Follow(*store, site.Url("/news-sitemap.xml"));
  importers::Follower follower(*store, testing::SharedExtractor(), FastOptions());
  auto first = follower.Poll(id);
  REQUIRE(first.ok());
  CHECK(first->last_error.empty());
  CHECK(first->items_ingested == 1);
  CHECK(ArticleUrls(*store) == std::set<std::string>{site.Url("/a.html")});

  site.Put("news-sitemap.xml", sitemap({"/b.html", "/a.html"}));
  auto second = follower.Poll(id);
  REQUIRE(second.ok());
  CHECK(second->items_ingested == 2);
  CHECK(site.HitsOf("/a.html") == 1);
  CHECK(ArticleUrls(*store) == std::set<std::string>{site.Url("/a.html"), site.Url("/b.html")});
}

TEST_CASE("robots.txt is honoured for feeds and pages", "[follow]") {
  SiteServer site;
  site.Put("robots.txt",
           "User-agent: otherbot\nDisallow: /\n\nUser-agent: actorgraph\nDisallow: /private/\n"
           "Allow: /private/open.html\n");
  site.Put("open.html", testing::NewsPage("Varnholt opens a foundry", kBodyA));
  site.Put("private/closed.html", testing::NewsPage("Secret", kBodyB));
  site.Put("private/open.html", testing::NewsPage("Lindqvist at the Bergen Forum", kBodyC));
  site.Put("feed.xml", testing::AtomFeed({{"Open", site.Url("/open.html")},
                                          {"Closed", site.Url("/private/closed.html")},
                                          {"Allowed", site.Url("/private/open.html")}}));
  site.Put("private/feed.xml", testing::RssFeed({{"X", site.Url("/open.html")}}));
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  std::string feed = Follow(*store, site.Url("/feed.xml"));
  std::string hidden = Follow(*store, site.Url("/private/feed.xml"));
  importers::Follower follower(*store, testing::SharedExtractor(), FastOptions());
  auto polled = follower.Poll(feed);
  REQUIRE(polled.ok());
  CHECK(polled->items_ingested == 2);
  CHECK(polled->items_failed == 1);
  CHECK(polled->last_item_error == site.Url("/private/closed.html") + ": robots.txt disallows it");
  auto refused = follower.Poll(hidden);
  REQUIRE(refused.ok());
  CHECK(refused->last_error == site.Url("/private/feed.xml") + ": robots.txt disallows it");
  CHECK(site.HitsOf("/private/closed.html") == 0);
  CHECK(site.HitsOf("/private/feed.xml") == 0);
  CHECK(site.HitsOf("/robots.txt") == 1);  // once per host
  // A disallowed page is not tried again.
  REQUIRE(follower.Poll(feed).ok());
  CHECK(site.HitsOf("/private/closed.html") == 0);
}

TEST_CASE("Each bad feed gets a clear error in its status and the other feeds go on", "[follow]") {
  SiteServer site;
  site.Put("a.html", testing::NewsPage("Varnholt opens a foundry", kBodyA));
  site.Put("good.xml", testing::RssFeed({{"A", site.Url("/a.html")},
                                         {"Gone", site.Url("/status/404")},
                                         {"Broken", site.Url("/status/500")},
                                         {"Huge", site.Url("/huge.html")},
                                         {"Image", site.Url("/logo.png")}}));
  site.Put("logo.png", "\x89PNG not a page");
  site.Put("page.html", "<html><body><p>This is a web page, not a feed.</p></body></html>");
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  struct Case {
    std::string path, error;
  };
  const std::vector<Case> cases = {
      {"/page.html", "not an RSS or Atom feed"},
      {"/status/410", "HTTP 410"},
      {"/status/503", "HTTP 503"},
      {"/loop/a", "more than 5 redirects (a redirect loop?)"},
      {"/trickle", "timed out: not answered in full within 3 s"},
      {"/reset", "connection failed"},
  };
  std::vector<std::string> ids;
  for (const auto& c : cases) ids.push_back(Follow(*store, site.Url(c.path), 60));
  const std::string good = Follow(*store, site.Url("/good.xml"), 60);
  // A port nothing listens on.
  const std::string closed = Follow(*store, "http://127.0.0.1:1/feed.xml", 60);
  importers::Follower follower(*store, testing::SharedExtractor(), FastOptions());
  auto start = std::chrono::steady_clock::now();
  CHECK(follower.PollDue(Now()) == cases.size() + 2);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
  auto reader = store->Read();
  for (size_t i = 0; i < cases.size(); ++i) {
    auto feed = importers::GetFeed(*reader, ids[i]);
    REQUIRE(feed);
    INFO(cases[i].path << ": " << feed->last_error);
    CHECK(feed->last_error.find(site.Url(cases[i].path)) == 0);
    CHECK(feed->last_error.find(cases[i].error) != std::string::npos);
    CHECK(feed->consecutive_failures == 1);
    CHECK(feed->next_poll == feed->last_poll + 120);  // backoff: twice the interval
    CHECK(feed->items_ingested == 0);
  }
  auto refused = importers::GetFeed(*reader, closed);
  REQUIRE(refused);
  CHECK(refused->last_error.find("robots.txt unreachable") != std::string::npos);

  auto ok = importers::GetFeed(*reader, good);
  REQUIRE(ok);
  CHECK(ok->last_error.empty());
  CHECK(ok->items_seen == 5);
  CHECK(ok->items_ingested == 1);
  CHECK(ok->items_failed == 4);
  CHECK(ArticleUrls(*store) == std::set<std::string>{site.Url("/a.html")});
  CHECK(importers::GetSeen(*reader, site.Url("/huge.html"))->error ==
        site.Url("/huge.html") + ": larger than 1048576 bytes");
  CHECK(importers::GetSeen(*reader, site.Url("/logo.png"))->error ==
        site.Url("/logo.png") + ": not an HTML page (image/png)");
  CHECK(importers::GetSeen(*reader, site.Url("/status/404"))->permanent);
  CHECK_FALSE(importers::GetSeen(*reader, site.Url("/status/500"))->permanent);

  // The next poll: the 500 is tried again (transient), the 404, the image and the huge page
  // are not.
  REQUIRE(follower.Poll(good).ok());
  CHECK(site.HitsOf("/status/500") == 2);
  CHECK(site.HitsOf("/status/404") == 1);
  CHECK(site.HitsOf("/huge.html") == 1);
  CHECK(site.HitsOf("/logo.png") == 1);

  // A feed removed is not polled, and a poll's update does not bring it back.
  REQUIRE(importers::RemoveFeed(*store, ids[0]).ok());
  CHECK_FALSE(importers::GetFeed(*store->Read(), ids[0]));
  CHECK(follower.Poll(ids[0]).status().code() == core::StatusCode::kNotFound);
}

TEST_CASE("The feeds file and the registry refuse bad urls with the line", "[follow]") {
  testing::TempDir tmp;
  std::ofstream(tmp.Sub("feeds.txt")) << "# news\nhttps://a.example/feed.xml 600\n\n"
                                         "http://b.example/rss\nftp://c.example/feed 60\n";
  auto read = importers::ReadFeedsFile(tmp.Sub("feeds.txt"));
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message() ==
        tmp.Sub("feeds.txt") +
            ":5: the feed url must start with http:// or https://: ftp://c.example/feed");
  std::ofstream(tmp.Sub("ok.txt")) << "https://a.example/feed.xml 600\nhttp://b.example/rss\n";
  auto ok = importers::ReadFeedsFile(tmp.Sub("ok.txt"));
  REQUIRE(ok.ok());
  REQUIRE(ok->size() == 2);
  CHECK((*ok)[0].interval_seconds == 600);
  CHECK((*ok)[1].interval_seconds == importers::kDefaultFeedIntervalSeconds);
  std::ofstream(tmp.Sub("bad.txt")) << "https://a.example/feed.xml soon\n";
  CHECK(importers::ReadFeedsFile(tmp.Sub("bad.txt")).status().message().find(":1: the interval") !=
        std::string::npos);
  CHECK_FALSE(importers::CheckFeedUrl("http:///nohost").ok());
  CHECK_FALSE(importers::CheckFeedUrl("http://user@host/x").ok());
}
