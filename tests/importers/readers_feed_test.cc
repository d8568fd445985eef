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
  CHECK(other.status().message() == "not an RSS or Atom feed");

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
