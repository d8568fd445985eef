// The boilerplate that news pages put inside the article container, named by the usual
// class conventions, stays out of the body (importers/src/html_boilerplate.h).
#include <catch2/catch.hpp>
#include <string>

#include "actorgraph/importers/readers.h"
#include "importers/readers_body_fixture.h"

namespace ai = actorgraph::importers;

using actorgraph::importers::testing::BodyWith;
using actorgraph::importers::testing::Contains;

TEST_CASE("ReadHtml leaves out a related-articles list inside the article", "[readers][html]") {
  std::string body = BodyWith(R"(<section class="related-articles"><h3>More on robotics</h3>
      <p>Read next: <a href="/a">Acme buys a sensor maker in Bergen, Norway, for its drives</a></p>
      <p>Read next: <a href="/b">Robot sales in the Nordic countries grew again last year</a></p></section>)");
  CHECK_FALSE(Contains(body, "More on robotics"));
  CHECK_FALSE(Contains(body, "Read next"));
}

TEST_CASE("ReadHtml leaves out a newsletter sign-up box", "[readers][html]") {
  std::string body = BodyWith(R"(<section class="newsletter-signup"><p>Get the Industry Daily
      newsletter in your inbox every morning, with the week's plant openings, deals and people.
      Sign up now, it is free.</p></section>)");
  CHECK_FALSE(Contains(body, "newsletter"));
}

TEST_CASE("ReadHtml leaves out a sharing bar", "[readers][html]") {
  std::string body = BodyWith(
      R"(<p class="sharing-tools">Tell your colleagues about this story, on <a href="/f">Facebook</a>,
      <a href="/l">LinkedIn</a> or by <a href="/e">e-mail</a>.</p>)");
  CHECK_FALSE(Contains(body, "Tell your colleagues"));
}

TEST_CASE("ReadHtml leaves out a picture gallery and a photo credit", "[readers][html]") {
  std::string body = BodyWith(R"(<div class="article-gallery"><figure><img src="/1.jpg">
      <p>Image 1 of 3: the assembly hall of the new plant in Tromso, where robots build drives.</p>
      </figure></div>
      <figure><img src="/2.jpg"><span class="image-credit">Photo: John Roe, Industry Daily</span></figure>)");
  CHECK_FALSE(Contains(body, "Image 1 of 3"));
  CHECK_FALSE(Contains(body, "Photo: John Roe"));
}

TEST_CASE("ReadHtml leaves out an advertising slot", "[readers][html]") {
  std::string body = BodyWith(R"(<div class="ad-slot"><span>Advertisement</span><p>Save 20% on
      industrial sensors this week only, with free delivery across Norway, Sweden and Finland.</p></div>)");
  CHECK_FALSE(Contains(body, "Save 20%"));
}

TEST_CASE("ReadHtml leaves out the author box under the article", "[readers][html]") {
  std::string body = BodyWith(R"(<div class="author-bio"><img src="/jane.jpg"><p>Jane Roe covers
      robotics and industry for Industry Daily. She lives in Oslo, Norway, and writes about
      plants, deals and the people who run them.</p></div>)");
  CHECK_FALSE(Contains(body, "covers robotics and industry"));
}

TEST_CASE("ReadHtml keeps a block named like boilerplate that holds most of the article",
          "[readers][html]") {
  const std::string page = R"(<!doctype html><html><head><title>Acme opens a plant</title>
    </head><body><div class="entry-content widget-area">
      <p>Acme Robotics opened its first robotics plant in Tromso, Troms County, on Tuesday, the company told reporters.</p>
      <p>The plant will employ 1,200 people, produce controllers, drives and sensors, and supply carmakers, electronics makers and machine builders.</p>
    </div></body></html>)";
  auto doc = ai::ReadHtml(page);
  REQUIRE(doc.ok());
  CHECK(Contains(doc->text, "on Tuesday, the company told reporters."));
  CHECK(Contains(doc->text, "electronics makers and machine builders."));
}

TEST_CASE("ReadHtml leaves out the headlines listed after the article's last paragraph",
          "[readers][html]") {
  const std::string page = R"(<!doctype html><html><head><title>Acme opens a plant</title>
    </head><body><article class="post">
      <p>Acme Robotics opened its first robotics plant in Tromso, Troms County, on Tuesday, the company told reporters.</p>
      <p><a href="/earlier">Acme said in May that it would build the plant</a></p>
      <p>The plant will employ 1,200 people, produce controllers, drives and sensors, and supply carmakers, electronics makers and machine builders.</p>
      <h3>You may also like</h3>
      <p><a href="/a">Acme buys a sensor maker in Bergen, Norway</a></p>
      <p><a href="/b">Robot sales in the Nordic countries grew again last year</a></p>
    </article></body></html>)";
  auto doc = ai::ReadHtml(page);
  REQUIRE(doc.ok());
  CHECK(Contains(doc->text, "electronics makers and machine builders."));
  // A link inside the body is the body's.
  CHECK(Contains(doc->text, "Acme said in May that it would build the plant"));
  CHECK_FALSE(Contains(doc->text, "You may also like"));
  CHECK_FALSE(Contains(doc->text, "sensor maker in Bergen"));
  CHECK_FALSE(Contains(doc->text, "Robot sales"));
}
