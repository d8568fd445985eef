// The ingestion pipeline: document -> extraction -> resolution -> one atomic write.
#pragma once

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/importers/document.h"
#include "actorgraph/importers/extraction.h"

namespace actorgraph::importers {

// The facts of a document as the resolver takes them (title and date fall back to what the
// extractor found in the text).
core::ArticleFacts ToFacts(const Document& doc, Extraction extraction);

// Extracts and ingests one document. Re-ingesting the same text changes nothing.
// Thread-safe: extraction runs unlocked, the write under the store's write lock.
core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Document& doc);

}  // namespace actorgraph::importers
