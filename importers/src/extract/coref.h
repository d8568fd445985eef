// Stage 5: in-document coreference. Groups mentions into entities: an acronym with its
// expansion, a surname with the full name, "Haier" with "Haier Group", "World Manufacturing
// Forum" with "2018 World Manufacturing Forum", and anaphors ("the webinar", "the company",
// "the Summit") with the latest fitting entity. Sets Mention::entity.
#pragma once

#include <vector>

#include "actorgraph/core/facts.h"
#include "document_parse.h"

namespace actorgraph::importers::extract {

// Returns the entities, each once, named by its fullest form with the other forms as aliases.
std::vector<core::EntityFact> Resolve(ParsedDoc& doc);

}  // namespace actorgraph::importers::extract
