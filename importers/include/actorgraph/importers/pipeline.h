// The ingestion pipeline: document -> extraction -> resolution -> one atomic write.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/importers/document.h"
#include "actorgraph/importers/extraction.h"

namespace actorgraph::importers {

// The facts of a document as the resolver takes them (title and date fall back to what the
// extractor found in the text).
core::ArticleFacts ToFacts(const Document& doc, Extraction extraction);

// Extracts and ingests one document; returns once it is durable. Re-ingesting the same text
// changes nothing. Thread-safe: extraction runs unlocked, the write under the store's lock.
core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Document& doc);

// Bulk ingestion with group commit: documents are collected, extracted in parallel, written
// one atomic batch per article in the order they were added, then made durable with a single
// WAL sync, and only then reported (acknowledged) through `on_done`, in order.
// Not thread-safe: one BatchIngestor per importing thread.
class BatchIngestor {
 public:
  using Callback = std::function<void(const std::string& origin,
                                      const core::Result<core::IngestResult>& result)>;

  BatchIngestor(core::GraphStore& store, Callback on_done, size_t threads = 2,
                size_t batch_size = 256);
  ~BatchIngestor();  // flushes what is pending

  void Add(std::string origin, Document doc);
  // Ingests every pending document. A failed sync reports every article of the batch as
  // failed (none was acknowledged) and returns the error.
  core::Status Flush();

 private:
  core::GraphStore& store_;
  Callback on_done_;
  size_t threads_, batch_size_;
  std::vector<std::pair<std::string, Document>> pending_;
};

}  // namespace actorgraph::importers
