// Stage 5: in-document coreference. Groups mentions into entities: an acronym with its
// expansion, a surname with the full name, "Lindqvist" with "Lindqvist Group", "Alpine Robotics
// Forum" with "2021 Alpine Robotics Forum", and anaphors ("the webinar", "the company",
// "the Summit") with the latest fitting entity. Sets Mention::entity.
#pragma once

#include <vector>

#include "actorgraph/core/facts.h"
#include "document_parse.h"

namespace actorgraph::importers::extract {

// Returns the entities, each once, named by its fullest form with the other forms as aliases.
std::vector<core::EntityFact> Resolve(ParsedDoc& doc);

}  // namespace actorgraph::importers::extract
