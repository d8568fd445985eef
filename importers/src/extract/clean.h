// Stage 1: separate a scraped article into its title, date, dateline and text lines, and
// drop page noise (menus, share buttons, cookie and "skip to" lines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/importers/document.h"

namespace actorgraph::importers::extract {

// A trimmed line of Document::text, by byte offsets. `headline` marks short lines without
// sentence punctuation and Title Case lines (headings, captions, menus): names found there
// count only when the body confirms them.
struct Line {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool headline = false;
  uint32_t dateline_end = 0;  // when the line opens with a dateline: where it ends
};

struct Cleaned {
  std::string title;        // Document::title, else the first heading-like line of the text
  std::string date;         // YYYY-MM-DD: Document::date, else FindArticleDate of the text
  std::string dateline;     // "HAMBURG, 14 March 2021" when a line opens with one
  std::vector<Line> lines;  // text lines in order, noise removed (the title line included)
};

Cleaned Clean(const Document& doc);

// Parses the first date written in `s` ("14 March 2021", "Oct 7, 2015", "2016-04-28",
// "11/23/2019" month first) into YYYY-MM-DD (YYYY-MM-DD only; empty when none).
std::string FindDate(std::string_view s);

// True for lines that are page furniture rather than article text.
bool IsNoiseLine(std::string_view line);

}  // namespace actorgraph::importers::extract
