// The loaded state of an Extractor: gazetteer, lexicon and models.
#pragma once

#include <string>

#include "../learn/lexicons.h"
#include "../learn/linear_model.h"
#include "actorgraph/importers/extraction.h"
#include "gazetteer.h"

namespace actorgraph::importers {

struct Extractor::Impl {
  extract::Gazetteer gazetteer;
  learn::WordLexicon words;
  learn::LinearModel tagger, kind, org, relation;
  std::string version;
};

}  // namespace actorgraph::importers
