// Small UTF-8 and word-shape helpers shared by the extraction stages.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::importers::extract {

// True when the first letter-like code point of `w` is an uppercase letter.
bool StartsUpper(std::string_view w);
// True when `w` has at least two letters and none of them is lowercase ("NIRA", "CEO").
bool IsAllUpper(std::string_view w);
// True when `w` has at least one lowercase letter.
bool HasLower(std::string_view w);
// True when `w` starts with an ASCII digit.
bool StartsDigit(std::string_view w);
// ASCII lowercase copy (non-ASCII bytes are kept as they are).
std::string Lower(std::string_view w);
// Removes leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);
// Replaces typographic apostrophes and quotes with ASCII ones, collapses white space.
std::string Normalize(std::string_view s);

}  // namespace actorgraph::importers::extract
