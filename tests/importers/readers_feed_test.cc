#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "actorgraph/importers/readers.h"
#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;
using actorgraph::core::StatusCode;

TEST_CASE("ReadFeed reads RSS 2.0 items", "[readers][feed]") {
  auto items = ai::ReadFeed(at::Slurp(at::DataDir() / "feed_rss.xml"), "feed_rss.xml");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);

  const ai::Document& plant = (*items)[0];
  CHECK(plant.url == "https://wire.example.org/2023/acme-tromso");
  CHECK(plant.title == "Acme Robotics opens plant in Tromso");
  CHECK(plant.date == "2023-03-07");
  // content:encoded (HTML) wins over the shorter description, and is turned into text.
  CHECK(plant.text.find("Acme Robotics opened its first robotics plant in Tromso, Troms County") ==
        0);
  CHECK(plant.text.find("said Jane Doe, Chief Executive Officer") != std::string::npos);
  CHECK(plant.text.find("<p>") == std::string::npos);
  CHECK(plant.text.find("track()") == std::string::npos);
  CHECK(plant.text.find("Share on Twitter") == std::string::npos);

  const ai::Document& forum = (*items)[1];
  CHECK(forum.date == "2023-11-15");
  CHECK(forum.text ==
        "The Green Steel Forum will be held in Vienna in May, organised by the Steel Federation.");
}

TEST_CASE("ReadFeed reads Atom entries", "[readers][feed]") {
  auto items = ai::ReadFeed(at::Slurp(at::DataDir() / "feed_atom.xml"));
  REQUIRE(items.ok());
  REQUIRE(items->size() == 3);

  const ai::Document& nimf = (*items)[0];
  CHECK(nimf.url == "https://notes.example.com/nimf-muscat");  // rel="alternate", not rel="edit"
  CHECK(nimf.title == "NIMF & partners convene in Muscat");
  CHECK(nimf.date == "2022-11-01");  // published, not updated
  CHECK(nimf.text ==
        "The Northern Industrial Makers Forum convened in Muscat.\n\n"
        "Selim Baroudi, Managing Director of NIMF, opened the session.");

  const ai::Document& webinar = (*items)[1];
  CHECK(webinar.date == "2022-12-05");  // only updated
  CHECK(webinar.text ==
        "A webinar on resilient supply chains took place online.\nIt was moderated by John Roe.");

  const ai::Document& lyon = (*items)[2];
  CHECK(lyon.title == "Factory tour in Lyon");
  CHECK(lyon.text == "Visitors toured the factory in Lyon.\n\nThe tour ended at noon.");
}

TEST_CASE("ReadFeed reads a news sitemap's pages, and a plain sitemap's", "[readers][feed]") {
  const std::string news = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc> https://wire.example.org/2024/varnholt-bergen </loc>
    <news:news>
      <news:publication><news:name>Wire</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-06T08:30:00+02:00</news:publication_date>
      <news:title>Varnholt opens a foundry in Bergen</news:title>
    </news:news>
  </url>
  <url><loc>https://wire.example.org/2024/oslo-steel</loc><lastmod>2024-05-04</lastmod></url>
  <url><lastmod>2024-05-01</lastmod></url>
</urlset>)";
  auto items = ai::ReadFeed(news, "https://wire.example.org/news-sitemap.xml");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);  // the <url> without a <loc> names no page
  CHECK((*items)[0].url == "https://wire.example.org/2024/varnholt-bergen");
  CHECK((*items)[0].title == "Varnholt opens a foundry in Bergen");
  CHECK((*items)[0].date == "2024-05-06");
  CHECK((*items)[0].text.empty());  // the page is read when it is fetched
  CHECK((*items)[1].url == "https://wire.example.org/2024/oslo-steel");
  CHECK((*items)[1].title.empty());
  CHECK((*items)[1].date == "2024-05-04");

  auto index = ai::ReadFeed(
      R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">)"
      R"(<sitemap><loc>https://wire.example.org/a.xml</loc></sitemap></sitemapindex>)");
  REQUIRE_FALSE(index.ok());
  CHECK(index.status().code() == StatusCode::kInvalidArgument);
  CHECK(index.status().message().find("sitemap index") != std::string::npos);
}

TEST_CASE("ReadFeed refuses malformed XML, entity bombs and other documents", "[readers][feed]") {
  auto malformed = ai::ReadFeed(at::Slurp(at::DataDir() / "feed_malformed.xml"));
  REQUIRE_FALSE(malformed.ok());
  CHECK(malformed.status().code() == StatusCode::kInvalidArgument);
  CHECK(malformed.status().message().find("malformed XML at line") == 0);

  auto start = std::chrono::steady_clock::now();
  auto bomb = ai::ReadFeed(at::Slurp(at::DataDir() / "feed_billion_laughs.xml"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.status().message().find("entities") != std::string::npos);

  auto other = ai::ReadFeed(at::Slurp(at::DataDir() / "not_a_feed.xml"));
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message() == "not an RSS or Atom feed, nor a sitemap");

  CHECK_FALSE(ai::ReadFeed("").ok());
  CHECK_FALSE(ai::ReadFeed(std::string("\0\x01\x02<rss>", 8)).ok());
}

TEST_CASE("ReadFeed never loads an external DTD", "[readers][feed]") {
  // The DTD would define &xxe; as the contents of a local file; it is not loaded, so the
  // reference stays empty.
  auto items = ai::ReadFeed(
      "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"file:///etc/passwd\">"
      "<rss version=\"2.0\"><channel><item><title>T</title><description>x &xxe; "
      "y</description></item></channel></rss>");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 1);
  const std::string& text = (*items)[0].text;
  CHECK(text.starts_with("x "));
  CHECK(text.ends_with(" y"));
  CHECK(text.find("root") == std::string::npos);
}
