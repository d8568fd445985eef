// Stock text, hidden text and hover cards inside the article container stay out of the body
// (importers/src/html_stock_text.h, html_boilerplate.h), while body paragraphs that look like
// them stay in.
#include <catch2/catch.hpp>
#include <string>

#include "../../importers/src/html_stock_text.h"
#include "actorgraph/importers/readers.h"
#include "importers/readers_body_fixture.h"

namespace ai = actorgraph::importers;
namespace ah = actorgraph::importers::html;

using actorgraph::importers::testing::BodyWith;
using actorgraph::importers::testing::Contains;

TEST_CASE("ReadHtml leaves out publication stamps", "[readers][html]") {
  std::string body = BodyWith(R"(<p>Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM</p>
      <p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p>
      <p>By Jane Roe - 11/18/19 11:04 PM EST</p>)");
  CHECK_FALSE(Contains(body, "Posted Nov 18"));
  CHECK_FALSE(Contains(body, "PUBLISHED"));
  CHECK_FALSE(Contains(body, "Jane Roe"));
}

TEST_CASE("ReadHtml leaves out picture captions that carry a credit", "[readers][html]") {
  std::string body = BodyWith(R"(<div class="photo"><img src="/hall.jpg">
      <span>Robots assemble drives in the new hall (Image: Acme Robotics)</span></div>
      <p>Workers at the opening [File: Nordic Pictures]</p>
      <figure><img src="/line.jpg"><figcaption>The first line. Photograph: John Roe/Industry Daily</figcaption></figure>)");
  CHECK_FALSE(Contains(body, "Robots assemble drives"));
  CHECK_FALSE(Contains(body, "Workers at the opening"));
  CHECK_FALSE(Contains(body, "The first line"));
}

TEST_CASE("ReadHtml leaves out a pointer label and the headlines under it", "[readers][html]") {
  std::string body = BodyWith(R"(<p><strong>DON'T MISS</strong></p>
      <p><a href="/a">Acme buys a sensor maker in Bergen</a> | <a href="/b">Robot sales grew again</a></p>
      <h4>More:</h4><ul><li><a href="/c">Nordic carmakers order more robots</a></li></ul>)");
  CHECK_FALSE(Contains(body, "MISS"));
  CHECK_FALSE(Contains(body, "sensor maker in Bergen"));
  CHECK_FALSE(Contains(body, "More:"));
  CHECK_FALSE(Contains(body, "Nordic carmakers"));
}

TEST_CASE("ReadHtml leaves out shouted links and subscription calls", "[readers][html]") {
  std::string body = BodyWith(
      R"(<p><strong><a href="/app">GET THE INDUSTRY DAILY APP BY CLICKING HERE</a></strong></p>
      <p><em>Subscribe to our YouTube channel for the latest plant tours and interviews!</em></p>
      <p><em>This post may contain affiliate links. Please see our disclosure page.</em></p>)");
  CHECK_FALSE(Contains(body, "INDUSTRY DAILY APP"));
  CHECK_FALSE(Contains(body, "YouTube channel"));
  CHECK_FALSE(Contains(body, "affiliate links"));
}

TEST_CASE("ReadHtml keeps body paragraphs that look like stock text", "[readers][html]") {
  std::string body = BodyWith(R"(<p>More than 400 robots will be built there by 2021.</p>
      <p>On Nov 19, 2019, Acme said it had posted its best quarter, with sales up 12%, and that
      customers could subscribe to a service plan covering the drives (the company said).</p>
      <p><a href="/earlier">Acme said in May that it would build the plant</a></p>
      <p>Related companies in the region, such as Nordic Drives, will supply parts.</p>)");
  CHECK(Contains(body, "More than 400 robots will be built there by 2021."));
  CHECK(Contains(body, "covering the drives (the company said)."));
  CHECK(Contains(body, "Acme said in May that it would build the plant"));
  CHECK(Contains(body, "Related companies in the region"));
}

TEST_CASE("ReadHtml leaves out screen-reader-only and print-only text", "[readers][html]") {
  std::string body =
      BodyWith(R"(<p><span class="sr-only">Image caption</span>Jane Doe at the plant.</p>
      <div class="d-none d-print-block"><p>Citation: Acme opens a plant (2019, November 18), retrieved from the web.</p></div>
      <div class="d-none d-md-block"><p>Acme will open a second plant in Bergen, Vestland County, in 2021.</p></div>)");
  CHECK_FALSE(Contains(body, "Image caption"));
  CHECK_FALSE(Contains(body, "Citation"));
  CHECK(Contains(body, "Acme will open a second plant in Bergen"));
}

TEST_CASE("ReadHtml judges a <div> of inline text by its class, camel case included",
          "[readers][html]") {
  std::string body = BodyWith(R"(<div class="caption-credit">Nordic Pictures agency</div>
      <div class="InlineImage-imageEmbedCredit">Jane Roe | Industry Daily</div>)");
  CHECK_FALSE(Contains(body, "Nordic Pictures"));
  CHECK_FALSE(Contains(body, "Jane Roe"));
}

TEST_CASE("ReadHtml leaves out a hover card inside a paragraph", "[readers][html]") {
  std::string body = BodyWith(
      R"(<p>Jane Roe<span class="rollover-people"><a href="/roe">Jane Roe: Acme buys a sensor maker</a></span>, an analyst, praised the plant as a milestone for Norway's robotics industry.</p>)");
  CHECK_FALSE(Contains(body, "sensor maker"));
  CHECK(Contains(body, "an analyst, praised the plant"));
}

TEST_CASE("IsDateStamp takes a date and its labels, nothing more", "[readers][html]") {
  CHECK(ah::IsDateStamp("Updated at 1:23 p.m."));
  CHECK(ah::IsDateStamp("Posted: Fri 6:45 PM, Feb 16, 2018 |"));
  CHECK(ah::IsDateStamp("November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm"));
  CHECK_FALSE(ah::IsDateStamp("Acme opened the plant on Nov 19, 2019."));
  CHECK_FALSE(ah::IsDateStamp("By the end of 2020"));
}

TEST_CASE("IsPictureCredit needs a credit label, not any brackets", "[readers][html]") {
  CHECK(ah::IsPictureCredit("Image caption Jane Doe at the plant"));
  CHECK(ah::IsPictureCredit("Jane Doe at the plant (AP Photo/John Roe, File)"));
  CHECK_FALSE(ah::IsPictureCredit("Acme employs 1,300 people (2019)."));
  CHECK_FALSE(ah::IsPictureCredit("The plant opened on Tuesday. (Reuters)"));
}

TEST_CASE("IsStoryPointerLabel takes the label alone", "[readers][html]") {
  CHECK(ah::IsStoryPointerLabel("You may also like..."));
  CHECK(ah::IsStoryPointerLabel("Read More"));
  CHECK(ah::IsStoryPointerLabel("Don\u2019t miss"));
  CHECK_FALSE(ah::IsStoryPointerLabel("More robots were sold."));
}
