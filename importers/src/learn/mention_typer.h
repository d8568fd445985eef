// The learned typer of organisation-like mentions, in two steps: what a mention is (an
// organisation, an event, or neither: a nationality, a product, a law), trained on CoNLL-2003's
// ORG and MISC and our corpus; then which organisation (company or agency), trained on our
// corpus. Features: the mention's words, head and affixes, its neighbours, the tagger's label,
// the rule stages' guess, the lexicon classes of its head, its casing and digits, and how the
// document writes it elsewhere (with a legal suffix, next to a job title).
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
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

// How a document writes a mention's words elsewhere: for each occurrence of the same words
// (lower-cased) followed by another token, whether that token is a legal or company suffix,
// an agency or event head, and whether a job title precedes the occurrence. Counted once per
// distinct word sequence and kept, so that typing every mention of a document costs time
// linear in its length even when it repeats a name thousands of times. The tokens of `doc`
// must not change while this is in use (mentions may).
class DocumentWritings {
 public:
  explicit DocumentWritings(const extract::ParsedDoc& doc);
  ~DocumentWritings();
  // Adds the "doc-next" and "doc-prev" features of `m`: one per occurrence other than `m`.
  void AddFeatures(const MentionRef& m, FeatureVector& out);

 private:
  struct Counts;
  Counts CountsOf(const MentionRef& m);
  Counts AtOccurrence(size_t sentence, uint32_t first, uint32_t length) const;

  const extract::ParsedDoc& doc_;
  // Where each lower-cased word starts a token: (sentence, token).
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> positions_;
  std::unordered_map<std::string, Counts> counted_;  // by the mention's lower-cased words
};

// The features of `m` in `doc` (whose writings are `writings`); `rule_type` is the rule
// stages' type of the same span, or "".
void MentionFeatures(const extract::ParsedDoc& doc, DocumentWritings& writings, const MentionRef& m,
                     const std::string& rule_type, FeatureVector& out);

// The rule stages' type of exactly or mostly the tokens of `m`, or "".
std::string RuleTypeOf(const extract::ParsedDoc& doc, const MentionRef& m);

}  // namespace actorgraph::importers::learn
