#include <catch2/catch.hpp>
#include <string>

#include "actorgraph/core/names.h"
#include "actorgraph/importers/readers.h"
#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;
using actorgraph::core::StatusCode;

TEST_CASE("ReadText takes title and date from the head of a scraped article", "[readers][text]") {
  auto doc = ai::ReadText(at::Slurp(at::DataDir() / "article.txt"), "article.txt");
  REQUIRE(doc.ok());
  CHECK(doc->url == "article.txt");
  CHECK(doc->title == "Varnholt opens smart foundry in Bergen");
  CHECK(doc->date == "2019-03-04");
  CHECK(doc->text.starts_with("Mar 4, 2019"));
  CHECK(doc->text.find("Varnholt opened its first smart foundry outside Austria in Bergen") !=
        std::string::npos);
  CHECK(doc->text.find("\n\n\"Bergen is a turning point,\"") != std::string::npos);
  // Page chrome and the title line are not part of the body.
  CHECK(doc->text.find("Skip to main content") == std::string::npos);
  CHECK(doc->text.find("Varnholt opens smart foundry") == std::string::npos);
}

TEST_CASE("ReadText on the corpus articles", "[readers][text]") {
  auto dated =
      ai::ReadText(at::Slurp(at::CorpusDir() / "dev" / "gm-saic-ev-architecture-2011.txt"));
  REQUIRE(dated.ok());
  // Its head has the blog's date (2011-09-21, the gold's) and, below the press release's
  // headline, the release's own (2011-09-20): the earliest wins (article_date.h), so the
  // date is the release's, one day before the gold's.
  CHECK(dated->date == "2011-09-20");
  CHECK(dated->title == "General Motors, SAIC sign electric vehicle co-development deal for China");

  // A masthead's date of today above the article's own date: the article's wins.
  auto masthead = ai::ReadText(
      at::Slurp(at::CorpusDir() / "dev" / "mercopress-gm-south-america-ardila-2010.txt"));
  REQUIRE(masthead.ok());
  CHECK(masthead->date == "2010-06-23");
  auto spanish = ai::ReadText(at::Slurp(
      at::CorpusDir() / "dev" / "jornada-concamin-reunion-anual-industriales-leon-2022.txt"));
  REQUIRE(spanish.ok());
  CHECK(spanish->date == "2022-10-06");
  // A date after a long menu, just before the body.
  auto menu = ai::ReadText(
      at::Slurp(at::CorpusDir() / "dev" / "szdaily-dongfeng-zhu-yanfeng-chairman-2015.txt"));
  REQUIRE(menu.ok());
  CHECK(menu->date == "2015-05-07");

  auto chrome =
      ai::ReadText(at::Slurp(at::CorpusDir() / "dev" / "gmis-connect-lighthouses-2022.txt"));
  REQUIRE(chrome.ok());
  CHECK(chrome->title.starts_with("GMIS Connect highlights industrial lighthouses"));
  CHECK(chrome->text.find("Skip to main content") == std::string::npos);

  // An article that opens with a sentence has no title line.
  auto untitled =
      ai::ReadText(at::Slurp(at::CorpusDir() / "dev" / "bosch-china-xu-daquan-2024.txt"));
  REQUIRE(untitled.ok());
  CHECK(untitled->title.empty());
  CHECK(untitled->text.starts_with("The German auto parts supplier Bosch"));
}

TEST_CASE("ReadText normalises newlines and repairs UTF-8", "[readers][text]") {
  auto doc = ai::ReadText(
      "Varnholt opens a foundry\r\n\r\n\r\nFirst paragraph.\r\nStill first.\rSecond "
      "line.\n\n\n\nLast \xE9t\xE9 "
      "paragraph.");
  REQUIRE(doc.ok());
  CHECK(doc->title == "Varnholt opens a foundry");
  CHECK(doc->text.find('\r') == std::string::npos);
  CHECK(doc->text.starts_with("First paragraph.\nStill first.\nSecond line.\n\nLast "));
  CHECK(actorgraph::core::IsValidUtf8(doc->text));
  CHECK(doc->text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD for each bad byte
  CHECK(doc->date.empty());
}

TEST_CASE("ReadText refuses binary and empty input", "[readers][text]") {
  auto binary = ai::ReadText(std::string("GIF89a\0\0\x01\x02\x03", 11));
  REQUIRE_FALSE(binary.ok());
  CHECK(binary.status().code() == StatusCode::kInvalidArgument);
  CHECK(binary.status().message().find("binary") != std::string::npos);

  auto empty = ai::ReadText(" \n\t\n");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message().find("empty") != std::string::npos);
}

TEST_CASE("ReadText recognises the usual ways of writing a date line", "[readers][text]") {
  const std::pair<const char*, const char*> kDates[] = {
      {"2016-08-19T14:20", "2016-08-19"},
      {"Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10"},
      {"10th June 2003", "2003-06-10"},
      {"Sept 3, 2020", "2020-09-03"},
      {"Updated: Feb 13,2022 7:41 PM", "2022-02-13"},
      {"Thursday, October 17, 2019", "2019-10-17"},
      {"Room 12, floor 3", ""},
      {"2023-13-01", ""}};
  for (const auto& [line, date] : kDates) {
    auto doc = ai::ReadText(std::string("A headline for the test\n") + line +
                            "\n\nThe body of the article.");
    REQUIRE(doc.ok());
    INFO(line);
    CHECK(doc->date == date);
  }
}

TEST_CASE("A plain-text article's title is its headline, never a menu or widget line",
          "[readers][text]") {
  struct Case {
    std::string text, title;
  };
  for (const Case& c : std::vector<Case>{
           {"The Guardian (Nigeria)\nMANEG elects Erewa-Meggison as chairman\n-\nThe group "
            "met in Lagos on Monday.\n",
            "MANEG elects Erewa-Meggison as chairman"},
           {"Market News\nMilacron of US plans $30 million capex in India\nMUMBAI, AUGUST 20: "
            "Milacron plans to invest.\n",
            "Milacron of US plans $30 million capex in India"},
           {"Interval 10 seconds\nThe Northern China Regional Coordination Center settled in "
            "Zhengzhou\nOn December 16, the centre opened.\n",
            "The Northern China Regional Coordination Center settled in Zhengzhou"},
           {"Home | News | Business | Sport\nEVObsession logo\nNemaska Lithium signs final "
            "agreements with Johnson Matthey\nThe deal was signed on Friday.\n",
            "Nemaska Lithium signs final agreements with Johnson Matthey"},
           {"World Chambers Congress\n7th World Chambers Congress kicks off in Mexico City\n"
            "Mexican President Felipe Calderon opened the congress.\n",
            "7th World Chambers Congress kicks off in Mexico City"},
           {"Ashgabat, Turkmenistan, June 5\nBy Huseyn Hasanov\nUzbekistan's national holding "
            "company signed an agreement with Gazprom on Monday.\n",
            ""},
       }) {
    INFO(c.text);
    auto doc = ai::ReadText(c.text);
    REQUIRE(doc.ok());
    CHECK(doc->title == c.title);
    if (!c.title.empty()) {
      // The furniture before the headline is not part of the body either.
      CHECK(doc->text.find(c.text.substr(0, c.text.find('\n'))) == std::string::npos);
    }
  }
}
