// What the extractor finds in one document: typed actors and relations with their evidence.
#pragma once

#include <string>
#include <vector>

#include "actorgraph/core/facts.h"
#include "actorgraph/importers/document.h"

namespace actorgraph::importers {

inline constexpr const char* kExtractorVersion = "rules-1";

using ExtractedEntity = core::EntityFact;
using ExtractedRelation = core::RelationFact;  // from/to index Extraction::entities

struct Extraction {
  std::string title;     // the document's title (Document::title, or found in the text)
  std::string date;      // YYYY-MM-DD, from the document or its dateline, or empty
  std::string dateline;  // "HAMBURG, 14 March 2021" when the text opens with one
  // ISO 639-1 code of the text's language (LanguageIdentifier::Detect on ArticleText), "und"
  // when unrecognised; empty while the extractor does not detect it.
  std::string language;
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedRelation> relations;
};

// Runs the whole rule-based pipeline (clean, segment, mentions, types, relations,
// in-document coreference) on one document. Pure: no I/O, thread-safe.
Extraction Extract(const Document& doc);

}  // namespace actorgraph::importers
