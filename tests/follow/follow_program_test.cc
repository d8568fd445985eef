// The actorgraph program end to end: `import` of a web archive, `follow --once`, a bad feeds
// file, and kill -9 in the middle of a poll (nothing acknowledged is lost, nothing is
// ingested twice).
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "actorgraph/importers/feeds.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "follow/site_server.h"
#include "importers/warc_test_util.h"
#include "reliability/process.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace at = actorgraph::importers::testing;
using nlohmann::json;

namespace {

std::string DataDir() {
  const char* d = std::getenv("ACTORGRAPH_DATA");
  return d ? d : "";
}

std::vector<std::string> Program(std::vector<std::string> args) {
  args.insert(args.begin(), testing::ActorgraphBin());
  args.push_back("--data");
  args.push_back(DataDir());
  return args;
}

std::multiset<std::string> ArticleUrls(const std::string& db) {
  auto store = storage::RocksGraphStore::Open(db);
  REQUIRE(store.ok());
  std::multiset<std::string> urls;
  REQUIRE((*store)
              ->Read()
              ->ForEachArticle([&](const core::Article& a) {
                urls.insert(a.url);
                return true;
              })
              .ok());
  return urls;
}

std::string Body(int i) {
  return "Company" + std::string(1, static_cast<char>('A' + i % 26)) + std::to_string(i) +
         " Industries opened a plant in Bergen on Monday, chief executive Ingrid Solberg " +
         std::to_string(i) + " said.";
}

}  // namespace

TEST_CASE("actorgraph import reads a WARC file and says what it refused", "[follow][program]") {
  testing::TempDir tmp;
  std::string members;
  members += at::GzipMember(at::WarcRecordText("warcinfo", "", "2024-03-01T10:00:00Z",
                                               "application/warc-fields", "software: t\r\n"));
  for (int i = 0; i < 3; ++i)
    members += at::GzipMember(at::WarcRecordText(
        "response", "https://news.example.com/" + std::to_string(i), "2024-03-01T10:00:00Z",
        "application/http; msgtype=response",
        at::HttpResponseText(200, "text/html",
                             at::NewsPage("Story " + std::to_string(i), Body(i)))));
  members += at::GzipMember(at::WarcRecordText(
      "response", "https://news.example.com/lie", "2024-03-01T10:00:00Z",
      "application/http; msgtype=response", at::HttpResponseText(200, "text/html", "<p>x</p>"), 9));
  const std::string path = tmp.Sub("CC-NEWS.warc.gz");
  std::ofstream(path, std::ios::binary) << members;
  auto r = testing::Run(Program({"import", "--db", tmp.Sub("db"), "--json", path}));
  REQUIRE(r.exit_code == 0);
  json summary = json::parse(r.out);
  CHECK(summary["articles_new"] == 3);
  REQUIRE(summary["refused"].size() == 1);
  CHECK(summary["refused"][0]["source"] == path + "#5");
  CHECK(summary["refused"][0]["reason"].get<std::string>().find("Content-Length lies") == 0);
  CHECK(ArticleUrls(tmp.Sub("db")) == std::multiset<std::string>{"https://news.example.com/0",
                                                                 "https://news.example.com/1",
                                                                 "https://news.example.com/2"});
}

TEST_CASE("actorgraph follow --once polls each feed once; a bad feeds file is refused",
          "[follow][program]") {
  testing::SiteServer site;
  site.Put("a.html", testing::NewsPage("Story A", Body(1)));
  site.Put("feed.xml", testing::RssFeed({{"A", site.Url("/a.html")}}));
  testing::TempDir tmp;
  std::ofstream(tmp.Sub("feeds.txt")) << "# test\n"
                                      << site.Url("/feed.xml") << " 60\n"
                                      << site.Url("/status/500") << "\n";
  auto first = testing::Run(
      Program({"follow", "--db", tmp.Sub("db"), "--once", "--delay", "0", tmp.Sub("feeds.txt")}));
  REQUIRE(first.exit_code == 0);
  json out = json::parse(first.out);
  REQUIRE(out.size() == 2);
  std::map<std::string, json> by_url;
  for (const auto& f : out) by_url[f["url"]] = f;
  CHECK(by_url[site.Url("/feed.xml")]["new_items_ingested"] == 1);
  CHECK(by_url[site.Url("/status/500")]["last_error"] == site.Url("/status/500") + ": HTTP 500");
  auto second = testing::Run(
      Program({"follow", "--db", tmp.Sub("db"), "--once", "--delay", "0", tmp.Sub("feeds.txt")}));
  REQUIRE(second.exit_code == 0);
  for (const auto& f : json::parse(second.out)) CHECK(f["new_items_ingested"] == 0);
  CHECK(ArticleUrls(tmp.Sub("db")) == std::multiset<std::string>{site.Url("/a.html")});

  std::ofstream(tmp.Sub("bad.txt")) << site.Url("/feed.xml") << "\nnot-a-url\n";
  auto bad = testing::Run(Program({"follow", "--db", tmp.Sub("db2"), "--once", tmp.Sub("bad.txt")}),
                          tmp.Sub("bad.err"));
  CHECK(bad.exit_code == 1);
  std::ifstream err(tmp.Sub("bad.err"));
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  CHECK(message.find("bad.txt:2: the feed url must start with http:// or https://") !=
        std::string::npos);
}

TEST_CASE("kill -9 during a poll loses nothing acknowledged and ingests nothing twice",
          "[follow][program]") {
  testing::SiteServer site;
  constexpr int kItems = 24;
  std::vector<std::pair<std::string, std::string>> items;
  for (int i = 0; i < kItems; ++i) {
    site.Put("p" + std::to_string(i) + ".html",
             testing::NewsPage("Story " + std::to_string(i), Body(i)));
    items.push_back({"S" + std::to_string(i), site.Url("/p" + std::to_string(i) + ".html")});
  }
  site.Put("feed.xml", testing::RssFeed(items));
  site.set_file_delay(std::chrono::milliseconds(150));
  testing::TempDir tmp;
  std::ofstream(tmp.Sub("feeds.txt")) << site.Url("/feed.xml") << "\n";
  pid_t pid = testing::Spawn(
      Program({"follow", "--db", tmp.Sub("db"), "--delay", "0", tmp.Sub("feeds.txt")}),
      tmp.Sub("follow.log"));
  // Until most pages were fetched (the follower commits every 8 articles), then kill -9 in the
  // middle of the poll.
  for (int i = 0; i < 400 && site.Hits().size() < 21; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  testing::Reap(pid, /*kill=*/true);
  const size_t fetched_before = site.Hits().size();
  REQUIRE(fetched_before < kItems);  // killed midway
  {
    // Every item recorded as ingested has its article.
    auto store = storage::RocksGraphStore::Open(tmp.Sub("db"));
    REQUIRE(store.ok());
    auto reader = (*store)->Read();
    std::set<std::string> stored;
    REQUIRE(reader
                ->ForEachArticle([&](const core::Article& a) {
                  stored.insert(a.url);
                  return true;
                })
                .ok());
    size_t acknowledged = 0;
    for (const auto& [title, url] : items)
      if (auto seen = importers::GetSeen(*reader, url); seen && seen->ingested) {
        CHECK(stored.count(url) == 1);
        ++acknowledged;
      }
    CHECK(acknowledged >= 8);
  }
  site.set_file_delay(std::chrono::milliseconds(0));
  auto rest = testing::Run(
      Program({"follow", "--db", tmp.Sub("db"), "--once", "--delay", "0", tmp.Sub("feeds.txt")}));
  REQUIRE(rest.exit_code == 0);
  auto urls = ArticleUrls(tmp.Sub("db"));
  CHECK(urls.size() == kItems);
  for (const auto& [title, url] : items) CHECK(urls.count(url) == 1);
}

TEST_CASE("serve --follow polls the feeds of the file and those POSTed to /api/v1/feeds",
          "[follow][program]") {
  testing::SiteServer site;
  site.Put("a.html", testing::NewsPage("Story A", Body(1)));
  site.Put("b.html", testing::NewsPage("Story B", Body(2)));
  site.Put("one.xml", testing::RssFeed({{"A", site.Url("/a.html")}}));
  site.Put("two.xml", testing::AtomFeed({{"B", site.Url("/b.html")}}));
  testing::TempDir tmp;
  std::ofstream(tmp.Sub("feeds.txt")) << site.Url("/one.xml") << " 3600\n";
  const std::string log = tmp.Sub("serve.log");
  pid_t pid = testing::Spawn(Program({"serve", "--db", tmp.Sub("db"), "--port", "0", "--follow",
                                      tmp.Sub("feeds.txt"), "--delay", "0"}),
                             log);
  // The port, from the start line ("serving DB on http://127.0.0.1:PORT/").
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
  }
  REQUIRE(port > 0);
  httplib::Client api("127.0.0.1", port);
  auto feeds_when = [&](const std::function<bool(const json&)>& done) {
    json feeds;
    for (int i = 0; i < 200; ++i) {
      auto r = api.Get("/api/v1/feeds");
      if (r && r->status == 200) {
        feeds = json::parse(r->body)["items"];
        if (done(feeds)) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return feeds;
  };
  json feeds =
      feeds_when([](const json& f) { return f.size() == 1 && f[0]["items_ingested"] == 1; });
  REQUIRE(feeds.size() == 1);
  CHECK(feeds[0]["items_ingested"] == 1);
  CHECK(feeds[0]["last_poll"].is_string());
  // A feed POSTed to the running server is polled within a second or so.
  auto added =
      api.Post("/api/v1/feeds", json{{"url", site.Url("/two.xml")}}.dump(), "application/json");
  REQUIRE(added);
  CHECK(added->status == 201);
  feeds = feeds_when([](const json& f) {
    return f.size() == 2 && f[0]["items_ingested"] == 1 && f[1]["items_ingested"] == 1;
  });
  REQUIRE(feeds.size() == 2);
  for (const auto& f : feeds) CHECK(f["items_ingested"] == 1);
  auto articles = api.Get("/api/v1/articles");
  REQUIRE(articles);
  CHECK(json::parse(articles->body)["total"] == 2);
  kill(pid, SIGTERM);
  CHECK(WIFEXITED(testing::Reap(pid, /*kill=*/false)));
}
