#include "actorgraph/importers/pipeline.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

namespace actorgraph::importers {

namespace {

core::Status CheckNotEmpty(const Document& doc) {
  if (doc.text.empty() && doc.title.empty())
    return core::Status::InvalidArgument("empty article: no title and no text");
  return core::Status::Ok();
}

}  // namespace

core::ArticleFacts ToFacts(const Document& doc, Extraction extraction) {
  core::ArticleFacts facts;
  facts.url = doc.url;
  facts.title = doc.title.empty() ? extraction.title : doc.title;
  facts.date = doc.date.empty() ? extraction.date : doc.date;
  facts.text = ArticleText(doc);
  facts.entities = std::move(extraction.entities);
  facts.relations = std::move(extraction.relations);
  facts.extractor_version = kExtractorVersion;
  return facts;
}

core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Document& doc) {
  AG_RETURN_IF_ERROR(CheckNotEmpty(doc));
  return core::IngestArticle(store, ToFacts(doc, Extract(doc)));
}

BatchIngestor::BatchIngestor(core::GraphStore& store, Callback on_done, size_t threads,
                             size_t batch_size)
    : store_(store),
      on_done_(std::move(on_done)),
      threads_(std::max<size_t>(1, threads)),
      batch_size_(std::max<size_t>(1, batch_size)) {}

BatchIngestor::~BatchIngestor() { Flush(); }

void BatchIngestor::Add(std::string origin, Document doc) {
  pending_.emplace_back(std::move(origin), std::move(doc));
  if (pending_.size() >= batch_size_) Flush();
}

core::Status BatchIngestor::Flush() {
  if (pending_.empty()) return core::Status::Ok();
  // Extraction is pure: run it on worker threads, each taking the next document.
  std::vector<std::optional<core::ArticleFacts>> facts(pending_.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < pending_.size(); i = next++) {
      const Document& doc = pending_[i].second;
      if (CheckNotEmpty(doc).ok()) facts[i] = ToFacts(doc, Extract(doc));
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < std::min(threads_, pending_.size()); ++t) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();

  std::vector<core::Result<core::IngestResult>> results;
  results.reserve(pending_.size());
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (!facts[i]) results.emplace_back(CheckNotEmpty(pending_[i].second));
    else results.push_back(core::IngestArticle(store_, *facts[i], /*sync=*/false));
  }
  core::Status synced = store_.Sync();
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (synced.ok() || !results[i].ok()) on_done_(pending_[i].first, results[i]);
    else on_done_(pending_[i].first, synced);
  }
  pending_.clear();
  return synced;
}

}  // namespace actorgraph::importers
