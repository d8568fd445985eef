// Where a line quotes someone: the spans between quotation marks.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace actorgraph::importers {

// The [begin, end) byte spans of `line` (UTF-8) inside quotation marks, marks included:
// "...", “...”, „...“ (German), «...» and »...« (French, German). A quotation still open at
// the end of the line runs to its end (the press opens a quoted paragraph and closes the
// quote paragraphs later). Single quotes are left alone: they double as apostrophes.
std::vector<std::pair<size_t, size_t>> QuotedSpans(std::string_view line);

// Whether byte `at` lies in one of `spans` (as QuotedSpans gives them: in order, apart).
bool InSpans(const std::vector<std::pair<size_t, size_t>>& spans, size_t at);

}  // namespace actorgraph::importers
