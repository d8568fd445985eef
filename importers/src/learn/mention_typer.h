// The learned typer of organisation-like mentions, in two steps: what a mention is (an
// organisation, an event, or neither: a nationality, a product, a law), trained on CoNLL-2003's
// ORG and MISC and our corpus; then which organisation (company or agency), trained on our
// corpus. Features: the mention's words, head and affixes, its neighbours, the tagger's label,
// the rule stages' guess, the lexicon classes of its head, its casing and digits, and how the
// document writes it elsewhere (with a legal suffix, next to a job title).
#pragma once

#include <string>
#include <vector>

#include "../extract/document_parse.h"
#include "feature_hash.h"
#include "linear_model.h"

namespace actorgraph::importers::learn {

const std::vector<std::string>& KindLabels();  // "org", "event", "none"
const std::vector<std::string>& OrgLabels();   // "company", "agency"

// A mention to type: tokens [first, last) of sentence `sentence`, with the tagger's label.
struct MentionRef {
  size_t sentence = 0;
  uint32_t first = 0, last = 0;
  std::string tag;  // ORG or MISC
};

// The features of `m` in `doc`; `rule_type` is the rule stages' type of the same span, or "".
void MentionFeatures(const extract::ParsedDoc& doc, const MentionRef& m,
                     const std::string& rule_type, FeatureVector& out);

// The rule stages' type of exactly or mostly the tokens of `m`, or "".
std::string RuleTypeOf(const extract::ParsedDoc& doc, const MentionRef& m);

}  // namespace actorgraph::importers::learn
