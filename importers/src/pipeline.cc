#include "actorgraph/importers/pipeline.h"

namespace actorgraph::importers {

core::ArticleFacts ToFacts(const Document& doc, Extraction extraction) {
  core::ArticleFacts facts;
  facts.url = doc.url;
  facts.title = doc.title.empty() ? extraction.title : doc.title;
  facts.date = doc.date.empty() ? extraction.date : doc.date;
  facts.text = doc.text;
  facts.entities = std::move(extraction.entities);
  facts.relations = std::move(extraction.relations);
  facts.extractor_version = kExtractorVersion;
  return facts;
}

core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Document& doc) {
  if (doc.text.empty() && doc.title.empty())
    return core::Status::InvalidArgument("empty article: no title and no text");
  return core::IngestArticle(store, ToFacts(doc, Extract(doc)));
}

}  // namespace actorgraph::importers
