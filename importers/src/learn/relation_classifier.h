// The learned relation decision. Candidates are pairs of entities named in one sentence (both
// orders), and pairs of a person or organisation with the event whose context the sentence is
// in (the event named last before it, or the article's first event: the panel, the session).
// A linear model labels each candidate with one of the seven edge types or "none", reading the
// ends' types, the words and cue classes between them, their distance, the job titles next to
// the person, and what the rule patterns (extract/relations.h) said of the pair. A pair's
// relation is its best-scoring candidate's; its evidence is that candidate's sentence.
#pragma once

#include <string>
#include <vector>

#include "../extract/document_parse.h"
#include "actorgraph/core/facts.h"
#include "feature_hash.h"
#include "linear_model.h"

namespace actorgraph::importers::learn {

// "none" then the edge type names, in model order.
const std::vector<std::string>& RelationLabels();

struct RelationCandidate {
  size_t from = 0, to = 0;  // entity indexes
  size_t sentence = 0;
  bool context = false;  // the event is not named in the sentence
  std::vector<uint64_t> features;
};

// Every candidate of the document, with its features. `rules`: the rule patterns' relations.
std::vector<RelationCandidate> RelationCandidates(const extract::ParsedDoc& doc,
                                                  const std::vector<core::EntityFact>& entities,
                                                  const std::vector<core::RelationFact>& rules);

// The relations the model keeps, one per (from, type, to), with sentence evidence, a
// confidence from the score margin, and works-for titles (the rule's title for the pair, else
// the job title written next to the person in that sentence).
std::vector<core::RelationFact> DecideRelations(const extract::ParsedDoc& doc,
                                                const std::vector<core::EntityFact>& entities,
                                                const std::vector<core::RelationFact>& rules,
                                                const std::vector<RelationCandidate>& candidates,
                                                const LinearModel& model);

// Whether an edge of `type` may join these end types (DESIGN.md's model).
bool EndsAllowed(core::EdgeType type, core::NodeType from, core::NodeType to);

}  // namespace actorgraph::importers::learn
