// The size caps of ExtractionLimits, applied to a parsed article between stages.
#pragma once

#include <vector>

#include "budget.h"
#include "document_parse.h"
#include "segment.h"

namespace actorgraph::importers::extract {

// Splits every sentence longer than budget.max_sentence_tokens() into consecutive sentences of
// at most that many tokens (same line and headline flag, offsets of their own tokens), so no
// stage sees a longer one. Notes "sentence_split" when it splits any.
void SplitLongSentences(std::vector<Sentence>& sentences, Budget& budget);

// Keeps the first budget.max_mentions() mentions of `doc` in text order and drops the rest
// (their sentences stay, without mentions). Notes "mentions_capped" when it drops any.
void CapMentions(ParsedDoc& doc, Budget& budget);

}  // namespace actorgraph::importers::extract
