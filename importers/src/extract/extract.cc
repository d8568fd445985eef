// The extraction pipeline: clean -> segment -> mentions -> types -> coreference -> relations.
#include "actorgraph/importers/extraction.h"

#include "clean.h"
#include "coref.h"
#include "document_parse.h"
#include "relations.h"
#include "typing.h"

namespace actorgraph::importers {

Extraction Extract(const Document& doc) {
  using namespace extract;
  Extraction out;
  // The headline is part of the article: extraction reads ArticleText(doc), and evidence
  // offsets point into it (the pipeline stores that same text).
  Document full;
  full.url = doc.url;
  full.title = doc.title;
  full.date = doc.date;
  full.text = ArticleText(doc);
  Cleaned cleaned = Clean(full);
  out.title = cleaned.title;
  out.date = cleaned.date;
  out.dateline = cleaned.dateline;

  ParsedDoc parsed;
  parsed.text = full.text;
  parsed.sentences = Segment(full.text, cleaned.lines);
  parsed.mentions.reserve(parsed.sentences.size());
  for (const Sentence& s : parsed.sentences) parsed.mentions.push_back(FindMentions(s));
  SettleTypes(parsed);
  out.entities = Resolve(parsed);
  out.relations = Relate(parsed, out.entities);
  return out;
}

}  // namespace actorgraph::importers
