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
#include "gazetteer.h"

namespace actorgraph::importers::extract {

// Decides the type of tokens [first, last) of sentence `s` tagged `tag` (PER, ORG, LOC, MISC);
// nullopt drops the mention.
using SpanTyper = std::function<std::optional<core::NodeType>(
    size_t s, uint32_t first, uint32_t last, const std::string& tag)>;

// Where the tagger ran an organisation's name on into a person's ("Zurich Airport Asia Daniel
// Bircher", "Gazprom PJSC Alexey Miller": a caption or list without its comma), relabels the tail
// from a given name on as a person: an ORG or MISC span of three or more words whose last two
// or three are capitalised words (not acronyms), the first of them a given name that does not
// follow another, the rest family names or words that are not common lower-case words
// (`common_word` takes the lower-cased word), none an organisation, event or legal word.
void SplitPersonTails(const ParsedDoc& doc, const Gazetteer& gazetteer,
                      const std::function<bool(std::string_view)>& common_word,
                      std::vector<std::vector<std::string>>& labels);

// Replaces doc.mentions[*].mentions with the learned mentions (roles are kept).
void ApplyLearnedMentions(ParsedDoc& doc, const std::vector<std::vector<std::string>>& labels,
                          const SpanTyper& typer);

}  // namespace actorgraph::importers::extract
