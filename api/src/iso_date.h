// Dates as the API takes them: "YYYY-MM-DD" naming a day of the calendar.
#pragma once

#include <string_view>

namespace actorgraph::api {

// Whether `text` is YYYY-MM-DD with a month 01-12 and a day that month has (29 February only
// in leap years: divisible by 4, centuries only by 400). Years 0001-9999.
bool IsIsoDate(std::string_view text);

}  // namespace actorgraph::api
