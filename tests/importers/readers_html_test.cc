#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "actorgraph/core/names.h"
#include "actorgraph/importers/readers.h"
#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;

namespace {

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string CorpusPage(const std::string& name) {
  return at::Slurp(at::CorpusDir() / "html" / (name + ".html"));
}

}  // namespace

TEST_CASE("ReadHtml extracts the article of a real page without its navigation",
          "[readers][html]") {
  std::string page = CorpusPage("aclu");
  REQUIRE(page.size() > 100000);
  auto doc = ai::ReadHtml(page, "https://www.aclu.org/blog/facebook");
  REQUIRE(doc.ok());
  CHECK(doc->url == "https://www.aclu.org/blog/facebook");
  CHECK(doc->title == "Facebook Is Tracking Me Even Though I\u2019m Not on Facebook");
  CHECK(doc->date == "2018-04-05");
  CHECK(Contains(doc->text, "I don't use Facebook."));
  CHECK(Contains(doc->text, "This is, in essence, exactly what Cambridge Analytica did."));
  // Site chrome around the article stays out.
  CHECK_FALSE(Contains(doc->text, "Skip navigation"));
  CHECK_FALSE(Contains(doc->text, "Renew Your Membership"));
  CHECK_FALSE(Contains(doc->text, "Find Your Local Affiliate"));
  // Paragraphs are separated by blank lines.
  CHECK(Contains(doc->text, ".\n\n"));
  CHECK(actorgraph::core::IsValidUtf8(doc->text));
}

TEST_CASE("ReadHtml matches Readability's article on every corpus page", "[readers][html]") {
  size_t pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(at::CorpusDir() / "html")) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(".html") || name.ends_with(".expected.html")) continue;
    std::string stem = name.substr(0, name.size() - 5);
    auto doc = ai::ReadHtml(at::Slurp(entry.path()));
    REQUIRE(doc.ok());
    std::string expected =
        ai::HtmlToText(at::Slurp(entry.path().parent_path() / (stem + ".expected.html")));
    INFO(stem);
    CHECK(at::WordF1(doc->text, expected) > 0.8);
    CHECK_FALSE(doc->title.empty());
    ++pages;
  }
  CHECK(pages >= 20);
}

TEST_CASE("ReadHtml drops menus, cookie banners, share buttons and comments", "[readers][html]") {
  const std::string page = R"(<!doctype html><html><head>
    <title>Acme opens a plant in Tromso | Industry Daily</title>
    <meta property="article:published_time" content="2023-03-07T09:30:00+08:00">
    </head><body>
    <a class="skip-link" href="#main">Skip to main content</a>
    <div id="cookie-banner">We use cookies to improve your experience. Accept all</div>
    <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
    <main><article class="post">
      <h1>Acme opens a plant in Tromso</h1>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <p>Acme Robotics opened its first robotics plant in Tromso, Troms County, on Tuesday, the company told reporters.</p>
      <p>"This plant is a milestone for our growth in Norway, and for our customers in the region," said Jane Doe, Chief Technology Officer at Acme Robotics.</p>
      <p>The plant will employ 1,200 people, produce controllers, drives and sensors, and supply carmakers, electronics makers and machine builders.</p>
    </article>
    <section id="comments" class="comments"><h3>3 comments</h3><p>First! Great article, thanks for sharing this with us all.</p></section>
    <aside class="sidebar"><h3>Related stories</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
    </main>
    <footer class="site-footer"><p>Copyright 2023 Industry Daily. All rights reserved, including the right to reproduce.</p></footer>
    </body></html>)";
  auto doc = ai::ReadHtml(page);
  REQUIRE(doc.ok());
  CHECK(doc->title == "Acme opens a plant in Tromso");
  CHECK(doc->date == "2023-03-07");
  CHECK(
      Contains(doc->text, "Acme Robotics opened its first robotics plant in Tromso, Troms County"));
  CHECK(Contains(doc->text, "said Jane Doe, Chief Technology Officer at Acme Robotics."));
  CHECK(Contains(doc->text, "machine builders."));
  for (const char* noise : {"Skip to main content", "cookies", "Share on Facebook", "Tweet",
                            "First!", "Other story", "Copyright", "Home"}) {
    INFO(noise);
    CHECK_FALSE(Contains(doc->text, noise));
  }
  // One paragraph per <p>.
  CHECK(Contains(doc->text, "on Tuesday, the company told reporters.\n\n\"This plant"));
}

TEST_CASE("ReadHtml finds dates in JSON-LD, itemprop and <time>", "[readers][html]") {
  const std::string article =
      "<p>Varnholt opened a foundry in Bergen, Vestland County, to make hydraulic parts for "
      "Norway.</p>";
  auto date_of = [&](const std::string& head, const std::string& body) {
    auto doc = ai::ReadHtml("<html><head>" + head + "</head><body><article>" + body + article +
                            "</article></body></html>");
    REQUIRE(doc.ok());
    return doc->date;
  };
  CHECK(
      date_of(
          R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                   "headline":"Plant","datePublished":"2019-03-04T20:17:00-04:00"}</script>)",
          "") == "2019-03-04");
  CHECK(date_of(R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
                   {"@type":"Article","datePublished":"2019-07-11"}]}</script>)",
                "") == "2019-07-11");
  CHECK(date_of("", R"(<span itemprop="datePublished" content="2020-01-02">2 Jan</span>)") ==
        "2020-01-02");
  CHECK(date_of("", R"(<time datetime="2021-12-24T08:00">Christmas Eve</time>)") == "2021-12-24");
  CHECK(date_of(R"(<meta name="pubdate" content="Tue, 10 Jun 2003 04:00:00 GMT">)", "") ==
        "2003-06-10");
  CHECK(date_of("", "").empty());
}

TEST_CASE("ReadHtml takes the title from og:title or <title> without the site name",
          "[readers][html]") {
  auto title_of = [](const std::string& head, const std::string& body = "") {
    auto doc = ai::ReadHtml("<html><head>" + head + "</head><body>" + body +
                            "<p>Some text here.</p></body></html>");
    REQUIRE(doc.ok());
    return doc->title;
  };
  CHECK(title_of("<title>Steel makers meet in Vienna - Metal News</title>") ==
        "Steel makers meet in Vienna");
  CHECK(title_of("<title>Steel makers meet in Vienna | Metal News</title>") ==
        "Steel makers meet in Vienna");
  CHECK(
      title_of(
          R"(<meta property="og:title" content="Forum &amp;amp; fair"><title>Other | Site</title>)") ==
      "Forum & fair");
  // Too few words left without the suffix: the whole title stays.
  CHECK(title_of("<title>Home | Site</title>") == "Home | Site");
  // A short <title> gives way to the page's single <h1>.
  CHECK(title_of("<title>News</title>", "<h1>Acme opens a plant in Tromso</h1>") ==
        "Acme opens a plant in Tromso");
}

TEST_CASE("ReadHtml survives truncated, legacy-encoded, deep and non-text input",
          "[readers][html]") {
  SECTION("a page cut in half keeps its title and what text it has") {
    std::string page = CorpusPage("ars-1");
    auto doc = ai::ReadHtml(std::string_view(page).substr(0, page.size() / 2));
    REQUIRE(doc.ok());
    CHECK(doc->title == "Just-released Minecraft exploit makes it easy to crash game servers");
    CHECK(actorgraph::core::IsValidUtf8(doc->text));
  }
  SECTION("windows-1252 is transcoded") {
    auto doc = ai::ReadHtml(
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9 society</title></head>"
        "<body><p>The caf\xE9 opened in Montr\xE9"
        "al, said the owner, on Monday morning.</p></body></html>");
    REQUIRE(doc.ok());
    CHECK(doc->title == "Caf\u00e9 society");
    CHECK(Contains(doc->text, "Montr\u00e9al"));
  }
  SECTION("invalid UTF-8 is repaired") {
    auto doc = ai::ReadHtml(
        "<html><body><p>Bad \xFF\xFE bytes in a paragraph, like this one here.</p></body></html>");
    REQUIRE(doc.ok());
    CHECK(actorgraph::core::IsValidUtf8(doc->text));
    CHECK(Contains(doc->text, "bytes in a paragraph"));
  }
  SECTION("markup nested deeper than any real page is refused as an HTML bomb") {
    for (int depth : {20000, 200000}) {
      std::string page = "<html><body>";
      for (int i = 0; i < depth; ++i) page += "<span><div>";
      page += "<p>Deep inside, a paragraph.</p>";
      auto start = std::chrono::steady_clock::now();
      auto doc = ai::ReadHtml(page);
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
      REQUIRE_FALSE(doc.ok());
      CHECK(doc.status().code() == actorgraph::core::StatusCode::kInvalidArgument);
      CHECK(Contains(doc.status().message(), "nested"));
    }
  }
  SECTION("deep but plausible nesting is read") {
    std::string page = "<html><body>";
    for (int i = 0; i < 500; ++i) page += "<div>";
    page += "<p>Deep inside, a paragraph survives all of this nesting, intact.</p>";
    auto doc = ai::ReadHtml(page);
    REQUIRE(doc.ok());
    CHECK(Contains(doc->text, "Deep inside, a paragraph survives"));
  }
  SECTION("a feed item's hostile nesting is flattened, not a stall") {
    std::string html;
    for (int i = 0; i < 200000; ++i) html += "<span><div>";
    html += "<p>Still readable at the bottom of a very deep fragment, in one piece.</p>";
    CHECK(Contains(ai::HtmlToText(html), "Still readable at the bottom"));
  }
  SECTION("binary data is refused") {
    std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    auto doc = ai::ReadHtml(binary);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == actorgraph::core::StatusCode::kInvalidArgument);
  }
  SECTION("an empty page has no text") {
    auto doc = ai::ReadHtml("");
    REQUIRE(doc.ok());
    CHECK(doc->text.empty());
  }
}

TEST_CASE("ReadHtml turns <br><br> runs into paragraphs", "[readers][html]") {
  auto doc = ai::ReadHtml(
      "<html><body><div id=\"story\">The plant opened on Monday in Tromso, Troms County, after two "
      "years of work."
      "<br><br>It will make controllers, drives and sensors for carmakers, electronics makers and "
      "others."
      "<br> <br><br>About 1,200 people will work there, the company told reporters on "
      "Monday.</div></body></html>");
  REQUIRE(doc.ok());
  CHECK(doc->text ==
        "The plant opened on Monday in Tromso, Troms County, after two years of work.\n\n"
        "It will make controllers, drives and sensors for carmakers, electronics makers and "
        "others.\n\n"
        "About 1,200 people will work there, the company told reporters on Monday.");
}

TEST_CASE("HtmlToText renders a fragment as paragraphs", "[readers][html]") {
  CHECK(ai::HtmlToText("<p>One "
                       "<b>bold</b>move.</p><p>Two<br>lines</p><script>x()</script><ul><li>a</"
                       "li><li>b</li></ul>") == "One boldmove.\n\nTwo\nlines\n\na\nb");
  CHECK(ai::HtmlToText("plain &amp; simple") == "plain & simple");
}

TEST_CASE("ReadHtml keeps the author, canonical url and site name the page declares",
          "[readers][html][metadata]") {
  const std::string body =
      "<article><h1>Varnholt opens a foundry in Bergen</h1><p>Varnholt Industries opened a "
      "smart foundry in Bergen on Monday, its chief executive said.</p><p>The plant employs "
      "three hundred people and makes castings for wind turbines.</p></article>";
  SECTION("JSON-LD NewsArticle: authors, publisher; a relative canonical link") {
    const std::string page =
        "<html><head><title>Varnholt opens a foundry in Bergen | Nordic Wire</title>"
        "<link rel=\"canonical\" href=\"/2024/03/varnholt-bergen\">"
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": "
        "\"NewsArticle\", \"headline\": \"Varnholt opens a foundry in Bergen\", "
        "\"datePublished\": \"2024-03-05T08:00:00Z\", \"author\": [{\"@type\": \"Person\", "
        "\"name\": \"Ingrid Solberg\"}, {\"@type\": \"Person\", \"name\": \"Per Aas\"}], "
        "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Nordic Wire\"}}</script>"
        "</head><body>" +
        body + "</body></html>";
    auto doc = ai::ReadHtml(page, "https://wire.example.com/news?id=7");
    REQUIRE(doc.ok());
    CHECK(doc->title == "Varnholt opens a foundry in Bergen");
    CHECK(doc->date == "2024-03-05");
    CHECK(doc->author == "Ingrid Solberg, Per Aas");
    CHECK(doc->site_name == "Nordic Wire");
    CHECK(doc->canonical_url == "https://wire.example.com/2024/03/varnholt-bergen");
  }
  SECTION("OpenGraph and <meta>") {
    const std::string page =
        "<html><head><title>Varnholt opens a foundry</title>"
        "<meta property=\"og:site_name\" content=\"Bergen Tidende\">"
        "<meta property=\"og:url\" content=\"https://bt.example.no/varnholt\">"
        "<meta name=\"author\" content=\"Kari Nordmann\">"
        "<meta property=\"article:author\" content=\"https://bt.example.no/authors/kari\">"
        "</head><body>" +
        body + "</body></html>";
    auto doc = ai::ReadHtml(page);
    REQUIRE(doc.ok());
    CHECK(doc->author == "Kari Nordmann");
    CHECK(doc->site_name == "Bergen Tidende");
    CHECK(doc->canonical_url == "https://bt.example.no/varnholt");
  }
  SECTION("a page that declares none of them") {
    auto doc = ai::ReadHtml(
        "<html><head><title>Varnholt opens a foundry</title>"
        "<link rel=\"canonical\" href=\"javascript:void(0)\"></head><body>" +
        body + "</body></html>");
    REQUIRE(doc.ok());
    CHECK(doc->author.empty());
    CHECK(doc->site_name.empty());
    CHECK(doc->canonical_url.empty());
  }
}
