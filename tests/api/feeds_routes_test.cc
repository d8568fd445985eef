// /api/v1/feeds on a real server and store: list, add, get, remove, with the token's guard
// and a JSON 4xx for each bad request.
#include <catch2/catch.hpp>

#include "actorgraph/importers/feeds.h"
#include "api/api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

TEST_CASE("feeds are added, listed, read and removed; writes need the token", "[api][feeds]") {
  api::ServerOptions options;
  options.token = "s3cret";
  LiveServer s(options, /*load_corpus=*/false);

  auto empty = Get(s, "/api/v1/feeds");
  REQUIRE(empty.status == 200);
  CHECK(empty.body["items"].empty());
  CHECK(empty.body["total"] == 0);

  const std::string body =
      R"({"url": "https://news.example.com/rss.xml", "interval_seconds": 600})";
  CHECK(ErrorCode(Send(s, "POST", "/api/v1/feeds", body)) == "unauthorized");
  CHECK(ErrorCode(Send(s, "POST", "/api/v1/feeds", body, "wrong")) == "forbidden");
  auto added = Send(s, "POST", "/api/v1/feeds", body, "s3cret");
  REQUIRE(added.status == 201);
  const std::string id = added.body["id"];
  CHECK(id == importers::FeedId("https://news.example.com/rss.xml"));
  CHECK(added.body["url"] == "https://news.example.com/rss.xml");
  CHECK(added.body["interval_seconds"] == 600);
  CHECK(added.body["items_seen"] == 0);
  CHECK(added.body["last_poll"].is_null());
  CHECK(added.body["last_error"].is_null());
  CHECK(added.body["added"].get<std::string>().size() == 20);  // 2026-01-02T03:04:05Z

  // Again: the same feed, its interval updated.
  auto again =
      Send(s, "POST", "/api/v1/feeds",
           R"({"url": "https://news.example.com/rss.xml", "interval_seconds": 60})", "s3cret");
  CHECK(again.status == 200);
  CHECK(again.body["interval_seconds"] == 60);

  auto list = Get(s, "/api/v1/feeds");
  REQUIRE(list.body["items"].size() == 1);
  CHECK(list.body["items"][0]["id"] == id);
  CHECK(Get(s, "/api/v1/feeds/" + id).body["interval_seconds"] == 60);
  // It is in the database: what the follower reads.
  auto stored = importers::GetFeed(*s.store().Read(), id);
  REQUIRE(stored);
  CHECK(stored->url == "https://news.example.com/rss.xml");

  CHECK(ErrorCode(Send(s, "DELETE", "/api/v1/feeds/" + id)) == "unauthorized");
  auto removed = Send(s, "DELETE", "/api/v1/feeds/" + id, "{}", "s3cret");
  CHECK(removed.status == 200);
  CHECK(removed.body["removed"] == id);
  CHECK(Get(s, "/api/v1/feeds").body["items"].empty());
  CHECK(Send(s, "DELETE", "/api/v1/feeds/" + id, "{}", "s3cret").status == 404);
  CHECK(Get(s, "/api/v1/feeds/" + id).status == 404);
}

TEST_CASE("bad feed requests are JSON 4xx errors", "[api][feeds]") {
  LiveServer s({}, /*load_corpus=*/false);
  struct Case {
    std::string body, code;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"url": "ftp://x.example/feed"})", "invalid_url"},
           {R"({"url": "http:///feed"})", "invalid_url"},
           {R"({"url": "http://a b.example/"})", "invalid_url"},
           {R"({"url": 7})", "invalid_field"},
           {R"({})", "invalid_field"},
           {R"({"url": "http://x.example/f", "interval_seconds": 0})", "invalid_field"},
           {R"({"url": "http://x.example/f", "interval_seconds": "soon"})", "invalid_field"},
           {R"({"url": "http://x.example/f", "every": 5})", "unknown_field"},
           {R"([1, 2])", ""},
       }) {
    INFO(c.body);
    auto r = Send(s, "POST", "/api/v1/feeds", c.body);
    CHECK(r.status == 400);
    CHECK(r.body.contains("error"));
    if (!c.code.empty()) CHECK(ErrorCode(r) == c.code);
  }
  CHECK(ErrorCode(Get(s, "/api/v1/feeds/not-an-id")) == "invalid_id");
  CHECK(Get(s, "/api/v1/feeds").body["items"].empty());  // nothing half-written
}

TEST_CASE("an article keeps the author, canonical url and site name of its page",
          "[api][articles][metadata]") {
  LiveServer s({}, /*load_corpus=*/false);
  const std::string page =
      "<html><head><title>Varnholt opens a foundry in Bergen</title>"
      "<meta property=\"og:site_name\" content=\"Nordic Wire\">"
      "<link rel=\"canonical\" href=\"https://wire.example.com/varnholt-bergen\">"
      "<meta name=\"author\" content=\"Ingrid Solberg\"></head><body><article>"
      "<h1>Varnholt opens a foundry in Bergen</h1><p>Varnholt Industries opened a smart "
      "foundry in Bergen on Monday, chief executive Per Aas said.</p></article></body></html>";
  auto posted = Send(s, "POST", "/api/v1/articles", page, "", "text/html");
  REQUIRE(posted.status == 201);
  auto article = Get(s, "/api/v1/articles/" + posted.body["article_id"].get<std::string>());
  REQUIRE(article.status == 200);
  CHECK(article.body["title"] == "Varnholt opens a foundry in Bergen");
  CHECK(article.body["author"] == "Ingrid Solberg");
  CHECK(article.body["site_name"] == "Nordic Wire");
  CHECK(article.body["canonical_url"] == "https://wire.example.com/varnholt-bergen");
  auto list = Get(s, "/api/v1/articles");
  REQUIRE(list.body["items"].size() == 1);
  CHECK(list.body["items"][0]["site_name"] == "Nordic Wire");

  // A JSON article gives them as fields, as a JSON Lines dump does.
  const nlohmann::json json_article = {
      {"text", "The Ministry of Trade signed a partnership with Oslo Steel in Oslo."},
      {"title", "Ministry signs with Oslo Steel"},
      {"author", "Per Aas"},
      {"canonical_url", "https://wire.example.com/oslo-steel"},
      {"site_name", "Nordic Wire"}};
  auto json_posted = Send(s, "POST", "/api/v1/articles", json_article.dump());
  REQUIRE(json_posted.status == 201);
  auto stored = Get(s, "/api/v1/articles/" + json_posted.body["article_id"].get<std::string>());
  REQUIRE(stored.status == 200);
  CHECK(stored.body["author"] == "Per Aas");
  CHECK(stored.body["canonical_url"] == "https://wire.example.com/oslo-steel");
  CHECK(stored.body["site_name"] == "Nordic Wire");
}
