// Labelled training text: CoNLL-2003 (columns, IOB1), CoNLL04 (SpERT JSON) and our corpus
// (article + gold JSON, ../shared/corpus/README.md), each turned into Documents read the way
// `actorgraph extract` reads a text file, with the gold names as character spans of the text
// extraction sees (ArticleText).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"

namespace actorgraph::importers::learn {

struct GoldSpan {
  uint32_t begin = 0, end = 0;  // bytes of ArticleText(doc)
  std::string tag;              // PER, ORG, LOC, MISC
  std::string type;             // our type (person, company, agency, event, location), or ""
  std::string entity;           // the gold entity id (our corpus and CoNLL04), or ""
};

struct GoldRelation {
  std::string type;      // our edge type name ("works-for", "located-in", ...)
  std::string from, to;  // gold entity ids
  std::string title;
};

struct LabeledDoc {
  std::string id;      // file name or "conll03:N"
  std::string source;  // "ours", "conll03", "conll04"
  Document doc;
  std::vector<GoldSpan> spans;  // sorted, non-overlapping
  // Our corpus and CoNLL04: the gold entities (id -> type, name, aliases) and relations.
  nlohmann::json entities = nlohmann::json::array();
  std::vector<GoldRelation> relations;
};

core::Result<std::vector<LabeledDoc>> ReadConll03(const std::string& path);
core::Result<std::vector<LabeledDoc>> ReadConll04(const std::string& path);
// Every NAME.gold.json of `dir` with its article; names and aliases are found in the text at
// word boundaries (longest first; as written, or in capitals on an ALL-CAPS line).
core::Result<std::vector<LabeledDoc>> ReadGoldCorpus(const std::string& dir);

// Joins tokens as news text is written ("said , he" -> "said, he"); `offsets` gets each
// token's byte offset in the result.
std::string Detokenize(const std::vector<std::string>& tokens, std::vector<uint32_t>& offsets);

}  // namespace actorgraph::importers::learn
