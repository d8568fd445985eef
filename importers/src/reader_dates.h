// Dates of the readers' metadata fields (a feed's <pubDate>, a page's <meta>, a JSON Lines
// "date"), normalised to YYYY-MM-DD. An article's date from its text is article_date.h's.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::importers {

// "2018-04-05T06:00", "2018/04/05", "Tue, 10 Jun 2003 04:00:00 GMT", "10th June 2003",
// "June 10, 2003", "30. März 2025", "20030610" -> "YYYY-MM-DD": the first full date of the
// field's first 200 bytes in any form of text_dates.h (the calendar date as written, time
// zone ignored), or the field's only word as eight digits; "" when it holds no date.
std::string NormaliseDate(std::string_view text);

}  // namespace actorgraph::importers
