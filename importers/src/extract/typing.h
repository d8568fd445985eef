// Stage 4: settle the type of every mention from its context, then across the document:
// a name next to a job title is a person, the place of a title is an organisation, a short
// form takes the type of the long form it starts, and untyped capitalised words at the start
// of a sentence or in a heading are dropped. Mentions left untyped are removed.
#pragma once

#include "document_parse.h"

namespace actorgraph::importers::extract {

void SettleTypes(ParsedDoc& doc);

}  // namespace actorgraph::importers::extract
