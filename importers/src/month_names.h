// Month names as the press writes them in English, German, French, Spanish and Portuguese.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::importers {

// `word` lowercased, accents removed and a trailing period dropped, so that "März", "MÄRZ",
// "marz" and "Sept." compare as written by hand: "marz", "sept". UTF-8 in, UTF-8 out.
std::string FoldMonthWord(std::string_view word);

// 1-12 when `word` (any case, with or without accents or a trailing period) is a month's
// name or abbreviation in one of the five languages — "November", "Nov", "Sept.", "März",
// "Mär", "mars", "juin", "août", "septiembre", "setembro", "Jänner" — else 0.
int MonthFromName(std::string_view word);

// MonthFromName for a word already folded with FoldMonthWord.
int MonthFromFoldedName(const std::string& folded);

}  // namespace actorgraph::importers
