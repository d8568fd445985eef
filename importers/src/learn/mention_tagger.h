// The learned mention tagger: a left-to-right (greedy) linear classifier over BIO labels of
// PER, ORG, LOC and MISC (our events are MISC), as Ratinov & Roth (2009) found greedy decoding
// as accurate as Viterbi for NER. Each token's decision reads the word, its shape, affixes,
// neighbours, its sentence's position and casing, the lexicons and gazetteer, what the rule
// stages (extract/mentions.h) made of it, what the rest of the document writes, and the two
// labels before it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../extract/document_parse.h"
#include "../extract/gazetteer.h"
#include "feature_hash.h"
#include "lexicons.h"
#include "linear_model.h"

namespace actorgraph::importers::learn {

// The tagger's label set, in model order.
const std::vector<std::string>& TaggerLabels();

// What the tagger needs from the world; non-owning, all must outlive the tagger.
struct TaggerResources {
  const WordLexicon* words = nullptr;
  const extract::Gazetteer* gazetteer = nullptr;
};

// The per-token features that do not depend on earlier labels, for one document.
struct DocTokenFeatures {
  std::vector<std::vector<std::vector<uint64_t>>> tokens;  // [sentence][token] -> ids
  std::vector<std::vector<std::string>> lower;             // [sentence][token]
  std::vector<std::vector<std::string>> shape;
};

DocTokenFeatures StaticFeatures(const extract::ParsedDoc& doc, const TaggerResources& res);

// Adds the features of token `i` of sentence `s` given the two labels before it.
void TokenFeatures(const DocTokenFeatures& doc, size_t s, size_t i, std::string_view prev1,
                   std::string_view prev2, FeatureVector& out);

class MentionTagger {
 public:
  MentionTagger(const LinearModel* model, TaggerResources res) : model_(model), res_(res) {}

  // The BIO label of every token of every sentence of `doc` ("O", "B-PER", "I-PER", ...),
  // and each token's margin (best score minus the second best). Thread-safe.
  std::vector<std::vector<std::string>> Tag(
      const extract::ParsedDoc& doc, std::vector<std::vector<float>>* margins = nullptr) const;

 private:
  const LinearModel* model_;
  TaggerResources res_;
};

}  // namespace actorgraph::importers::learn
