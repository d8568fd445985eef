// Stages 1-4 of the rule reading, shared by extraction and by training: the article text as
// extraction reads it, its lines, sentences, and the rule stages' mentions (which the learned
// models take as features).
#pragma once

#include <string>

#include "actorgraph/importers/document.h"
#include "budget.h"
#include "clean.h"
#include "document_parse.h"
#include "gazetteer.h"

namespace actorgraph::importers::extract {

// Not copyable or movable: `parsed` views `text`.
struct Analysis {
  Analysis() = default;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  std::string text;  // ArticleText(doc): evidence offsets point into it
  Cleaned cleaned;
  ParsedDoc parsed;      // sentences, and the rule stages' typed mentions
  std::string language;  // ISO 639-1 of the text, "und" when unknown (set by the extractor)
};

// Fills `out` for `doc`; `g` must outlive `out`. Long sentences are split per `budget`, whose
// deadline is checked once per sentence (it throws BudgetExceeded).
void Analyze(const Document& doc, const Gazetteer& g, Budget& budget, Analysis& out);

}  // namespace actorgraph::importers::extract
