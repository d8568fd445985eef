// Stage 6: relations between resolved entities, from how the press writes them: appositions
// with job titles (works-for), speech and moderation cues in an event's context, hosting
// cues (organizes), belonging (part-of), place phrases (located-in) and agreements
// (partners-with). Each relation carries its sentence, byte offsets and a confidence.
#pragma once

#include <vector>

#include "actorgraph/core/facts.h"
#include "document_parse.h"

namespace actorgraph::importers::extract {

// An event-named organisation ("... Summit" as the place of a title or as a host) is retyped
// to agency in `entities`.
std::vector<core::RelationFact> Relate(const ParsedDoc& doc,
                                       std::vector<core::EntityFact>& entities);

}  // namespace actorgraph::importers::extract
