#include "actorgraph/importers/pipeline.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <stdexcept>
#include <thread>

#include "actorgraph/core/write_health.h"

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
  facts.extractor_version = std::move(extraction.extractor_version);
  facts.language = doc.language.empty() ? extraction.language : doc.language;
  facts.author = doc.author;
  facts.canonical_url = doc.canonical_url;
  facts.site_name = doc.site_name;
  return facts;
}

core::Result<ExtractedArticle> ExtractArticle(const Extractor& extractor, const Document& doc) {
  AG_RETURN_IF_ERROR(CheckNotEmpty(doc));
  Extraction extraction = extractor.Extract(doc);
  if (extraction.too_complex)
    return core::Status::DeadlineExceeded("too complex to extract: " +
                                          extraction.too_complex_reason);
  ExtractedArticle out;
  out.limits_hit = extraction.limits_hit;
  out.facts = ToFacts(doc, std::move(extraction));
  return out;
}

namespace {

core::Result<core::IngestResult> Ingest(core::GraphStore& store, const ExtractedArticle& article,
                                        bool sync) {
  try {
    auto result = core::IngestArticle(store, article.facts, sync);
    if (result.ok()) result->extraction_limits = article.limits_hit;
    return result;
  } catch (const std::exception& e) {
    // A read the store could not do while resolving (its readers throw where their calls have
    // no Status): the article is not written; a failure of the store, not of the article.
    return core::Status::IoError(e.what());
  }
}

}  // namespace

core::Result<core::IngestResult> IngestDocument(core::GraphStore& store, const Extractor& extractor,
                                                const Document& doc) {
  auto article = ExtractArticle(extractor, doc);
  if (!article.ok()) return article.status();
  return Ingest(store, article.value(), /*sync=*/true);
}

// One batch: its documents and their facts, extracted by whichever thread takes the next
// index (the workers started with it, then the thread that commits it).
struct BatchIngestor::Batch {
  const Extractor* extractor = nullptr;
  std::vector<std::pair<std::string, Document>> docs;
  std::vector<std::optional<core::Result<ExtractedArticle>>> articles;  // parallel to docs
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;

  void Extract() {
    for (size_t i = next++; i < docs.size(); i = next++) {
      articles[i].emplace(ExtractArticle(*extractor, docs[i].second));
    }
  }
  // Extracts what no worker has taken yet, then waits for the workers.
  void Finish() {
    Extract();
    for (auto& w : workers) w.join();
    workers.clear();
  }
  ~Batch() { Finish(); }  // never leaves a worker running over freed documents
};

BatchIngestor::BatchIngestor(core::GraphStore& store, const Extractor& extractor, Callback on_done,
                             size_t threads, size_t batch_size)
    : store_(store),
      extractor_(extractor),
      on_done_(std::move(on_done)),
      threads_(std::max<size_t>(1, threads)),
      batch_size_(std::max<size_t>(1, batch_size)) {}

BatchIngestor::~BatchIngestor() { Flush(); }

void BatchIngestor::Add(std::string origin, Document doc) {
  pending_.emplace_back(std::move(origin), std::move(doc));
  if (pending_.size() >= batch_size_) Submit();  // failures are reported through on_done_
}

core::Status BatchIngestor::Flush() {
  core::Status st = pending_.empty() ? core::Status::Ok() : Submit();
  if (extracting_) {
    core::Status last = Commit(*extracting_);
    extracting_.reset();
    if (st.ok()) st = last;
  }
  return st;
}

core::Status BatchIngestor::Submit() {
  auto batch = std::make_unique<Batch>();
  batch->extractor = &extractor_;
  batch->docs = std::move(pending_);
  pending_.clear();
  batch->articles.resize(batch->docs.size());
  // Workers for all the threads but the calling one, which joins in when it commits the batch.
  size_t workers = write_failure_.ok() ? std::min(threads_ - 1, batch->docs.size()) : 0;
  for (size_t t = 0; t < workers; ++t)
    batch->workers.emplace_back([b = batch.get()] { b->Extract(); });
  core::Status st = core::Status::Ok();
  if (extracting_) st = Commit(*extracting_);
  extracting_ = std::move(batch);
  return st;
}

core::Status BatchIngestor::Commit(Batch& batch) {
  if (!write_failure_.ok()) {
    batch.next = batch.docs.size();  // no more extraction: none of it would be written
    batch.Finish();
    for (const auto& doc : batch.docs) on_done_(doc.first, write_failure_);
    return write_failure_;
  }
  batch.Finish();
  std::vector<core::Result<core::IngestResult>> results;
  results.reserve(batch.docs.size());
  // The first write the store fails (a full or failing disk: core/write_health.h) stops the
  // batch and the ingestor: nothing after it is written, and no article of the batch is
  // acknowledged (its sync is not even tried).
  core::Status failed = core::Status::Ok();
  for (const auto& article : batch.articles) {
    if (!failed.ok())
      results.emplace_back(failed);
    else if (!article->ok())
      results.emplace_back(article->status());
    else
      results.push_back(Ingest(store_, article->value(), /*sync=*/false));
    if (failed.ok() && !results.back().ok() && core::IsWriteFailure(results.back().status()) &&
        article->ok())
      failed = results.back().status();
  }
  if (!failed.ok()) write_failure_ = failed;
  core::Status synced = failed.ok() ? store_.Sync() : failed;
  for (size_t i = 0; i < batch.docs.size(); ++i) {
    if (synced.ok() || !results[i].ok())
      on_done_(batch.docs[i].first, results[i]);
    else
      on_done_(batch.docs[i].first, synced);
  }
  return synced;
}

}  // namespace actorgraph::importers
