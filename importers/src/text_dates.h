// Full calendar dates as the press writes them in running text, in English, German, French,
// Spanish and Portuguese. Which of an article's dates is *its* date is article_date.h's job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers {

// A date found in a text: the date as "YYYY-MM-DD" and where it was written (byte offsets,
// [begin, end) over the date's words, weekday and article left out).
struct DateMention {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

// Every full date in `text` (UTF-8), in order. A full date has a day, a month and a
// four-digit year, 1900-2100, and exists in the calendar (no 31 February, 29 February only
// in leap years). The forms:
//   numeric   "2024-03-05", "2024/03/05", "2024.03.05" (year first); "05.03.2024",
//             "05-03-2024" (day first); "03/05/2024" (month first, the US order, unless
//             only the day-first reading is a date: "17/03/2024")
//   day first "5 March 2024", "5th March, 2024", "the 4th of July 2024", "30. März 2025",
//             "le 1er mars 2024", "3 de marzo de 2024", "1.º de marzo de 2024",
//             "1º de março de 2024", "05-Mar-2024"
//   month first "November 4th, 2024", "Sept. 5, 2024", "Jul 25,2024", "June 23rd 2010"
//   year first "2015-May-7", "2015/May/07"
// Month names and abbreviations come from month_names.h; a weekday before the date
// ("Monday, June 23, 2023") is simply not part of it. Partial and relative dates ("June
// 2024", "Oct 16", "yesterday", "vor zwei Tagen") are not dates here: no year is guessed.
std::vector<DateMention> FindDates(std::string_view text);

// The first of FindDates(text), without looking further.
std::optional<DateMention> FirstDate(std::string_view text);

// Whether y-m-d is a day of the calendar, in the years an article can be dated (1900-2100).
bool IsCalendarDate(int year, int month, int day);

// "YYYY-MM-DD".
std::string IsoDate(int year, int month, int day);

}  // namespace actorgraph::importers
