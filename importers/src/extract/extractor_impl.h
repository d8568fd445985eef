// The loaded state of an Extractor: gazetteer, lexicon and models.
#pragma once

#include <optional>
#include <string>

#include "../country_names.h"
#include "../language/spellers.h"
#include "../learn/lexicons.h"
#include "../learn/linear_model.h"
#include "actorgraph/importers/extraction.h"
#include "analysis.h"
#include "budget.h"
#include "gazetteer.h"

namespace actorgraph::importers {

struct Extractor::Impl {
  extract::Gazetteer gazetteer;
  CountryNames countries;
  std::optional<LanguageIdentifier> languages;
  std::optional<Spellers> spellers;  // the same dictionaries, as spell checkers
  learn::WordLexicon words;
  learn::LinearModel tagger, kind, org, relation;
  std::string version;
  ExtractionLimits limits;
};

// Loads everything but the models (gazetteer, language dictionaries, country names, word
// lexicon) from `data_dir` and the paths in `options`; the trainer and Extractor::Open share it.
core::Status LoadResources(const ExtractorOptions& options, const std::string& data_dir,
                           Extractor::Impl& impl);

// The stages before the relation decision, as extraction runs them (the trainer runs them on
// its training documents): analysis, learned mentions and types, coreference into `entities`,
// and the rule patterns' relations (features of the relation model) into `rules`, within
// `budget` (its caps applied; BudgetExceeded thrown when its deadline passes).
void ReadEntities(const Extractor::Impl& m, const Document& doc, extract::Budget& budget,
                  extract::Analysis& a, std::vector<core::EntityFact>& entities,
                  std::vector<core::RelationFact>& rules);

}  // namespace actorgraph::importers
