// Stage 3 as learned: the tagger's spans become the document's name mentions, typed by the
// learned typer; the rule stages' anaphors ("the company", "the webinar") and acronyms in
// parentheses are kept where they do not overlap a learned name. Then document consistency:
// a name labelled once is labelled wherever the same words are written again (ALL-CAPS lines
// and headlines included), with its type.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document_parse.h"

namespace actorgraph::importers::extract {

// Decides the type of tokens [first, last) of sentence `s` tagged `tag` (PER, ORG, LOC, MISC);
// nullopt drops the mention.
using SpanTyper = std::function<std::optional<core::NodeType>(
    size_t s, uint32_t first, uint32_t last, const std::string& tag)>;

// Replaces doc.mentions[*].mentions with the learned mentions (roles are kept).
void ApplyLearnedMentions(ParsedDoc& doc, const std::vector<std::vector<std::string>>& labels,
                          const SpanTyper& typer);

}  // namespace actorgraph::importers::extract
