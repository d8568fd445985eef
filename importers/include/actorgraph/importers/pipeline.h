// The ingestion pipeline: document -> extraction -> resolution -> one atomic write.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/importers/document.h"
#include "actorgraph/importers/extraction.h"

namespace actorgraph::importers {

// The facts of a document as the resolver takes them (title, date and language fall back to
// what the extractor found in the text).
core::ArticleFacts ToFacts(const Document& doc, Extraction extraction);

// A document's facts and the extraction caps it hit (Extraction::limits_hit).
struct ExtractedArticle {
  core::ArticleFacts facts;
  std::vector<std::string> limits_hit;
};

// Extracts one document. InvalidArgument for an empty document; DeadlineExceeded ("too complex
// to extract: ...") when extraction passed its CPU budget (ExtractionLimits::cpu_budget).
core::Result<ExtractedArticle> ExtractArticle(const Extractor& extractor, const Document& doc);

// Extracts (ExtractArticle, whose errors it returns) and ingests one document; returns once it
// is durable. IngestResult::extraction_limits names the caps it hit. Re-ingesting the same text
// changes nothing. Thread-safe: extraction runs unlocked, the write under the store's lock.
core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Extractor& extractor,
                                                const Document& doc);

// Bulk ingestion with group commit: documents are collected in batches of `batch_size`; a
// full batch is extracted on worker threads while the calling thread resolves and writes the
// batch before it (one atomic write per article, in the order the documents were added),
// makes it durable with a single WAL sync, and only then reports (acknowledges) its
// documents through `on_done`, in order. So at most two batches are in flight, and `on_done`
// runs on the calling thread, inside Add or Flush; an article is never reported before the
// sync that made it durable.
// A document refused by ExtractArticle (empty, too complex) is reported with that error and
// the batch goes on. Not thread-safe: one BatchIngestor per importing thread.
class BatchIngestor {
 public:
  using Callback = std::function<void(const std::string& origin,
                                      const core::Result<core::IngestResult>& result)>;

  // `threads`: extraction threads, the calling thread included.
  // `extractor` must outlive the ingestor.
  BatchIngestor(core::GraphStore& store, const Extractor& extractor, Callback on_done,
                size_t threads = 2, size_t batch_size = 256);
  ~BatchIngestor();  // flushes what is pending

  void Add(std::string origin, Document doc);
  // Ingests and reports every document added so far. A failed sync reports every article of
  // its batch as failed (none was acknowledged); Flush returns the first such error.
  // The first write the store fails (a full or failing disk, core/write_health.h) stops the
  // ingestor: every article of its batch, and of every batch after it, is reported failed
  // with that error and nothing more is written; Flush returns it.
  core::Status Flush();

 private:
  struct Batch;  // documents, their extraction in progress, its workers

  // Starts the extraction of pending_ and writes the batch that was extracting before it.
  core::Status Submit();
  // Finishes the extraction of `batch` (helping the workers), writes, syncs and reports it.
  core::Status Commit(Batch& batch);

  core::GraphStore& store_;
  const Extractor& extractor_;
  Callback on_done_;
  size_t threads_, batch_size_;
  std::vector<std::pair<std::string, Document>> pending_;
  std::unique_ptr<Batch> extracting_;  // submitted, not yet written
  core::Status write_failure_;         // the store's first failed write (Flush)
};

}  // namespace actorgraph::importers
