// The job title of a works-for relation, as the article writes it next to the person:
// "chairman, president and CEO Mary Barra", "Mary Barra, the chairman of GM". Titles come from
// the rule stages' role spans (extract::Role); this only chooses and joins them.
#pragma once

#include <string>

#include "../extract/document_parse.h"

namespace actorgraph::importers::learn {

// The title next to a mention of entity `person` (its index in the resolved entities):
// in sentence `preferred` first, then in a sentence that also names `org`, then in the
// earliest other sentence. A role is next to a mention when at most two tokens lie between
// them and those are punctuation or a determiner ("X, the chairman"), or when it follows a
// mention of `org` in apposition to the person ("Tim Cook, Apple CEO"); roles joined by a
// comma, "and" or "&" ("chairman, president and CEO") form one title. "" when none is written.
std::string JobTitleOf(const extract::ParsedDoc& doc, int person, int org, size_t preferred);

}  // namespace actorgraph::importers::learn
