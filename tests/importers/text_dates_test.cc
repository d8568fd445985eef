// Dates from text (issue 14): each form in each language, ordinals, datelines, which of an
// article's dates is its own, and what is not a date.
#include "../../importers/src/text_dates.h"

#include <catch2/catch.hpp>
#include <string>

#include "../../importers/src/article_date.h"
#include "../../importers/src/month_names.h"
#include "../../importers/src/reader_dates.h"
#include "actorgraph/importers/readers.h"

namespace ai = actorgraph::importers;

namespace {

// The first date of `text`, or "" when it has none.
std::string First(const std::string& text) {
  auto d = ai::FirstDate(text);
  return d ? d->iso : "";
}

}  // namespace

TEST_CASE("month names in five languages, from ICU", "[dates]") {
  CHECK(ai::MonthFromName("November") == 11);
  CHECK(ai::MonthFromName("nov") == 11);
  CHECK(ai::MonthFromName("Sept.") == 9);
  CHECK(ai::MonthFromName("SEPT") == 9);
  CHECK(ai::MonthFromName("März") == 3);
  CHECK(ai::MonthFromName("MÄRZ") == 3);
  CHECK(ai::MonthFromName("Marz") == 3);  // without the umlaut
  CHECK(ai::MonthFromName("Mär") == 3);
  CHECK(ai::MonthFromName("Dezember") == 12);
  CHECK(ai::MonthFromName("Jänner") == 1);
  CHECK(ai::MonthFromName("mars") == 3);
  CHECK(ai::MonthFromName("juin") == 6);
  CHECK(ai::MonthFromName("juil.") == 7);
  CHECK(ai::MonthFromName("août") == 8);
  CHECK(ai::MonthFromName("aout") == 8);
  CHECK(ai::MonthFromName("février") == 2);
  CHECK(ai::MonthFromName("septiembre") == 9);
  CHECK(ai::MonthFromName("setiembre") == 9);
  CHECK(ai::MonthFromName("diciembre") == 12);
  CHECK(ai::MonthFromName("setembro") == 9);
  CHECK(ai::MonthFromName("março") == 3);
  CHECK(ai::MonthFromName("outubro") == 10);
  CHECK(ai::MonthFromName("Mai") == 5);
  CHECK(ai::MonthFromName("mayo") == 5);
  for (const char* word : {"de", "Monday", "Montag", "lundi", "yesterday", "ma", "Marsch", ""})
    CHECK(ai::MonthFromName(word) == 0);
}

TEST_CASE("numeric dates", "[dates]") {
  CHECK(First("2024-03-05") == "2024-03-05");
  CHECK(First("Published 2024/03/05 10:00") == "2024-03-05");
  CHECK(First("2024.03.05") == "2024-03-05");
  CHECK(First("2018-04-05T06:00:00Z") == "2018-04-05");
  CHECK(First("am 30.03.2025 in Berlin") == "2025-03-30");
  CHECK(First("30-03-2025") == "2025-03-30");
  CHECK(First("Date:12/17/2020") == "2020-12-17");  // month first (US)
  CHECK(First("03/05/2024") == "2024-03-05");       // both readings: the US one
  CHECK(First("17/03/2024") == "2024-03-17");       // only day first is a date
  CHECK(First("version 1.2.3.2024").empty());
  CHECK(First("2020-2021").empty());
  CHECK(First("2024-13-01").empty());
}

TEST_CASE("English dates with ordinals and weekdays", "[dates]") {
  CHECK(First("November 4th, 2024") == "2024-11-04");
  CHECK(First("the 1st of March 2024") == "2024-03-01");
  CHECK(First("2nd June 2023") == "2023-06-02");
  CHECK(First("3rd Feb, 2019") == "2019-02-03");
  CHECK(First("31st Aug, 2020") == "2020-08-31");
  CHECK(First("Monday, June 23, 2023") == "2023-06-23");
  CHECK(First("Wednesday, June 23rd 2010 - 03:13 UTC") == "2010-06-23");
  CHECK(First("Sept. 5, 2024") == "2024-09-05");
  CHECK(First("Updated: Jul 25,2023 4:05 PM") == "2023-07-25");
  CHECK(First("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10");
  CHECK(First("2015-May-7  08:53") == "2015-05-07");
  CHECK(First("05-Mar-2024") == "2024-03-05");
}

TEST_CASE("German, French, Spanish and Portuguese dates", "[dates]") {
  CHECK(First("Berlin, 30. März 2025 –") == "2025-03-30");
  CHECK(First("30. Maerz 2025").empty());  // "Maerz" is no spelling ICU knows
  CHECK(First("am 1. Dez. 2024") == "2024-12-01");
  CHECK(First("Montag, 2. Juni 2025") == "2025-06-02");
  CHECK(First("Paris, le 3 mars 2024") == "2024-03-03");
  CHECK(First("le 1er juin 2024") == "2024-06-01");
  CHECK(First("15 août 2023") == "2023-08-15");
  CHECK(First("15 aout 2023") == "2023-08-15");
  CHECK(First("3 de marzo de 2024") == "2024-03-03");
  CHECK(First("sábado 8 de octubre de 2022") == "2022-10-08");
  CHECK(First("1º de septiembre del 2024") == "2024-09-01");
  CHECK(First("1.º de septiembre de 2024") == "2024-09-01");
  CHECK(First("3 de março de 2024") == "2024-03-03");
  CHECK(First("1º de setembro de 2024") == "2024-09-01");
  CHECK(First("12 set. 2024") == "2024-09-12");
}

TEST_CASE("a weekday before the date, in each language", "[dates]") {
  CHECK(First("Monday, June 23, 2023") == "2023-06-23");
  CHECK(First("Montag, 23. Juni 2023") == "2023-06-23");
  CHECK(First("lundi 23 juin 2023") == "2023-06-23");
  CHECK(First("lunes, 23 de junio de 2023") == "2023-06-23");
  CHECK(First("segunda-feira, 23 de junho de 2023") == "2023-06-23");
}

TEST_CASE("invalid and partial dates are not dates", "[dates]") {
  CHECK(First("31 February 2024").empty());
  CHECK(First("February 30, 2024").empty());
  CHECK(First("29 February 2023").empty());
  CHECK(First("29 February 2024") == "2024-02-29");
  CHECK(First("31 April 2024").empty());
  CHECK(First("2023-02-29").empty());
  CHECK(First("32 March 2024").empty());
  CHECK(First("March 2024").empty());
  CHECK(First("New Delhi, Oct 16 (PTI)").empty());
  CHECK(First("5 March 1850").empty());
  // An invalid date does not hide a valid one after it.
  CHECK(First("31 February 2024 or 1 March 2024") == "2024-03-01");
}

TEST_CASE("FindDates gives every date with its place", "[dates]") {
  std::string text = "From 4 June 2024 to 2024-06-07.";
  auto dates = ai::FindDates(text);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].iso == "2024-06-04");
  CHECK(text.substr(dates[0].begin, dates[0].end - dates[0].begin) == "4 June 2024");
  CHECK(dates[1].iso == "2024-06-07");
  CHECK(text.substr(dates[1].begin, dates[1].end - dates[1].begin) == "2024-06-07");
}

TEST_CASE("NormaliseDate reads the readers' date fields", "[dates][readers]") {
  CHECK(ai::NormaliseDate("20030610") == "2003-06-10");
  CHECK(ai::NormaliseDate("20030231").empty());
  CHECK(ai::NormaliseDate("2019-03-04T20:17:00-04:00") == "2019-03-04");
  CHECK(ai::NormaliseDate("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10");
  CHECK(ai::NormaliseDate("30. März 2025") == "2025-03-30");
  CHECK(ai::NormaliseDate("soon").empty());
}

TEST_CASE("wire datelines give the article's date", "[dates][article]") {
  CHECK(ai::FindArticleDate("Headline\n\nBEIJING, June 23, 2023 /PRNewswire/ -- Acme Corp. "
                            "announced a new plant in Tianjin on Friday.") == "2023-06-23");
  CHECK(ai::FindArticleDate("Berlin, 30. März 2025 – Die Firma Acme eröffnet ein neues Werk in "
                            "Bremen, teilte sie mit.") == "2025-03-30");
  CHECK(ai::FindArticleDate("Paris, le 3 mars 2024 – La société Acme ouvre une nouvelle usine à "
                            "Lyon, a-t-elle annoncé.") == "2024-03-03");
  CHECK(ai::FindArticleDate("Madrid, 3 de marzo de 2024 - La empresa Acme abrirá una nueva "
                            "planta en Valencia, según un comunicado.") == "2024-03-03");
  CHECK(ai::FindArticleDate("São Paulo, 3 de março de 2024 - A empresa Acme vai abrir uma nova "
                            "fábrica em Campinas, disse a empresa.") == "2024-03-03");
  CHECK(ai::FindArticleDate("Cairo, Egypt - 11 December 2018: The African Export-Import Bank "
                            "opened the trade fair with the Union.") == "2018-12-11");
  CHECK(ai::FindArticleDate("WASHINGTON, May 5, 2020 (Reuters) - Acme said it would buy Widget "
                            "Ltd for $2 billion, its chief executive said.") == "2020-05-05");
  CHECK(ai::FindArticleDate("HANNOVER, Germany, (WAM - 31st Aug, 2020) The summit has named "
                            "its new chair, the organisers said in a statement.") == "2020-08-31");
  // The agency's dateline without a date gives none: the date of a later event is not it.
  CHECK(ai::FindArticleDate("LONDON (Reuters) - Acme said on Monday it would buy Widget Ltd, "
                            "a deal first discussed on 3 May 2021.\n") == "");
}

TEST_CASE("the head's date lines give the article's date, the earliest winning",
          "[dates][article]") {
  CHECK(ai::FindArticleDate("Acme opens plant\n21 March 2017\nAcme opened a plant in Bremen on "
                            "Tuesday, its chief executive said.") == "2017-03-21");
  // A masthead's date of today and the article's date: the publication comes first.
  CHECK(ai::FindArticleDate("Ciudad de México\nsábado 8 de octubre de 2022\nEconomía\n"
                            "2022-10-06 20:46\nIndustriales clausuran reunión anual\n"
                            "Los empresarios clausuraron su reunión anual sin el mensaje del "
                            "presidente.") == "2022-10-06");
  CHECK(ai::FindArticleDate("Published: 5 May 2020\nUpdated: 7 May 2020\nAcme opened a plant in "
                            "Bremen on Tuesday, its chief executive said.") == "2020-05-05");
  // The head's date wins over one in the lead's sentence about another event.
  CHECK(ai::FindArticleDate("Acme opens plant\nJune 2, 2021\nAcme, which broke ground on "
                            "1 March 2019, opened its plant in Bremen.") == "2021-06-02");
}

TEST_CASE("a lone blurb in the page's menu does not end the head", "[dates][article]") {
  CHECK(ai::FindArticleDate("Home\nKnow your rights\nDo you know your rights? These resources "
                            "were made so that you can keep them at hand.\nDonate\nBlogs\n"
                            "Acme opens plant\nJane Doe\nApril 5, 2018 | 6:00 PM\nAcme opened "
                            "a plant in Bremen on Tuesday, its chief executive said.\nThe plant "
                            "will employ 300 people by the end of the year, he said.") ==
        "2018-04-05");
}

TEST_CASE("the lead's date counts only when the head and dateline have none", "[dates][article]") {
  CHECK(ai::FindArticleDate("Acme opens plant\nWith this investment, Bremen gains a plant: On "
                            "October 18, 2019, Acme broke ground there.") == "2019-10-18");
  // Only the lead: a date three paragraphs later is about something else.
  CHECK(ai::FindArticleDate("Acme opens plant\nAcme opened a plant in Bremen on Tuesday, its "
                            "chief said.\nThe plant will employ 300 people by the end of the "
                            "year.\nIt makes parts for the cars that Acme builds in Spain.\n"
                            "The first plant of Acme opened on 4 May 2001 in Hamburg.") == "");
}

TEST_CASE("a date in a quotation is not the article's", "[dates][article]") {
  for (const char* quote : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB"}) {
    std::string close = std::string(quote) == "\xE2\x80\x9C"   ? "\xE2\x80\x9D"
                        : std::string(quote) == "\xE2\x80\x9E" ? "\xE2\x80\x9C"
                        : std::string(quote) == "\xC2\xAB"     ? "\xC2\xBB"
                                                               : "\"";
    std::string lead = "Acme opened a plant, and its chief said: " + std::string(quote) +
                       "On 4 May 2020 we signed the deal." + close + " On 5 June 2021 it opened.";
    CHECK(ai::FindArticleDate("Acme opens plant\n" + lead) == "2021-06-05");
    // With the head's date, the quotation's date is earlier but still loses.
    CHECK(ai::FindArticleDate("Acme opens plant\n" + std::string(quote) + "4 May 2020" + close +
                              "\n7 June 2021\n" + lead) == "2021-06-07");
  }
}

TEST_CASE("relative datelines give no date", "[dates][article]") {
  for (const char* text :
       {"Acme opens plant\nBERLIN, yesterday - Acme opened a plant in Bremen, it said today.",
        "Acme opens plant\nLast week, Acme opened a plant in Bremen, its chief executive said.",
        "Acme eröffnet Werk\nBerlin, vor zwei Tagen – Acme hat ein Werk in Bremen eröffnet, "
        "teilte die Firma mit.",
        "Acme opens plant\nMUMBAI, AUGUST 20: Acme opened a plant in Pune, its chief said."}) {
    CAPTURE(text);
    CHECK(ai::FindArticleDate(std::string(text)).empty());
  }
}

TEST_CASE("the readers date an article by its text when no field gives the date",
          "[dates][readers]") {
  const std::string wire =
      "Berlin, 30. März 2025 – Die Firma Acme eröffnet ein neues Werk in Bremen, teilte sie "
      "am Montag mit.";
  auto text = ai::ReadText("Acme eröffnet Werk\n\n" + wire + "\n");
  REQUIRE(text.ok());
  CHECK(text->date == "2025-03-30");

  // A page whose metadata has no date: its dateline.
  auto page = ai::ReadHtml(
      "<html><head><title>Acme eröffnet Werk</title></head><body><article>"
      "<h1>Acme eröffnet Werk</h1><p>" +
      wire +
      " Das Werk soll 300 Menschen beschäftigen.</p></article>"
      "</body></html>");
  REQUIRE(page.ok());
  CHECK(page->date == "2025-03-30");
  // Its metadata's date wins.
  auto dated = ai::ReadHtml(
      "<html><head><meta property=\"article:published_time\" content=\"2025-03-29\">"
      "</head><body><article><p>" +
      wire + "</p></article></body></html>");
  REQUIRE(dated.ok());
  CHECK(dated->date == "2025-03-29");

  // A JSON Lines record without a "date": the text's; with one: the record's.
  std::vector<std::string> dates;
  ai::ReadJsonLines("{\"title\":\"Acme\",\"text\":\"" + wire +
                        "\"}\n{\"title\":\"Acme\",\"date\":\"2025-03-31\",\"text\":\"" + wire +
                        "\"}\n",
                    [&](ai::JsonLine&& line) {
                      REQUIRE(line.doc.ok());
                      dates.push_back(line.doc->date);
                    });
  CHECK(dates == std::vector<std::string>{"2025-03-30", "2025-03-31"});
}
