// The article as the extraction stages share it: sentences and their mentions.
#pragma once

#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "mentions.h"
#include "segment.h"

namespace actorgraph::importers::extract {

struct ParsedDoc {
  const Gazetteer* gazetteer = nullptr;  // not owned; set by whoever builds the ParsedDoc
  std::string_view text;                 // the article text (offsets point into it)
  std::vector<Sentence> sentences;
  std::vector<SentenceMentions> mentions;  // parallel to sentences
};

}  // namespace actorgraph::importers::extract
