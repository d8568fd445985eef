// Stage 2b: sentences of the cleaned lines. A sentence never spans two lines; it ends at
// . ! ? followed by a capital, a digit or a quote, unless the period belongs to an
// abbreviation (Mr., Dr., Co., Ltd., H.E., U.S., No., Inc.).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "clean.h"
#include "tokens.h"

namespace actorgraph::importers::extract {

struct Sentence {
  uint32_t begin = 0;  // byte offsets into the article text
  uint32_t end = 0;
  uint32_t line = 0;      // index into Cleaned::lines
  bool headline = false;  // from a heading-like line
  std::vector<Token> tokens;
};

std::vector<Sentence> Segment(std::string_view text, const std::vector<Line>& lines);

}  // namespace actorgraph::importers::extract
