// Extraction throughput: bytes of article text per second over the dev corpus, one thread,
// and the memory the opened extractor holds.
// Corpus folder: $ACTORGRAPH_CORPUS_DIR/dev (default ../shared/corpus/dev from the source).
// Data folder (models, word lists): $ACTORGRAPH_DATA (default: the build's actorgraph-data).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/importers/extraction.h"

namespace {

std::vector<actorgraph::importers::Document> LoadCorpus() {
  namespace fs = std::filesystem;
  const char* env = std::getenv("ACTORGRAPH_CORPUS_DIR");
  fs::path dir = fs::path(env ? env : ACTORGRAPH_BENCH_CORPUS_DIR) / "dev";
  std::vector<actorgraph::importers::Document> docs;
  if (!fs::exists(dir)) return docs;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.path().extension() != ".txt") continue;
    std::ifstream in(f.path());
    std::stringstream ss;
    ss << in.rdbuf();
    actorgraph::importers::Document d;
    d.text = ss.str();
    docs.push_back(std::move(d));
  }
  return docs;
}

// The dev corpus, read once; null (and the benchmark skipped) when there is none.
const std::vector<actorgraph::importers::Document>* Corpus(benchmark::State& state) {
  static const auto docs = LoadCorpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus found; set ACTORGRAPH_CORPUS_DIR");
    return nullptr;
  }
  return &docs;
}

// The extractor, opened once, outside the timings; null (and the benchmark skipped) on error.
// Without ExtractionLimits: these measure the whole pipeline, which the caps and the CPU
// budget would cut short on the long articles.
const actorgraph::importers::Extractor* OpenExtractor(benchmark::State& state) {
  static const auto extractor = [] {
    actorgraph::importers::ExtractorOptions options;
    options.limits.max_sentence_tokens = std::numeric_limits<size_t>::max();
    options.limits.max_mentions = std::numeric_limits<size_t>::max();
    options.limits.cpu_budget = std::chrono::milliseconds::zero();
    if (!std::getenv("ACTORGRAPH_DATA")) options.data_dir = ACTORGRAPH_BENCH_DATA_DIR;
    return actorgraph::importers::Extractor::Open(options);
  }();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return nullptr;
  }
  return extractor.value().get();
}

void BM_Extract(benchmark::State& state) {
  const auto* docs = Corpus(state);
  if (!docs) return;
  const auto* extractor = OpenExtractor(state);
  if (!extractor) return;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& d : *docs) {
      auto x = extractor->Extract(d);
      benchmark::DoNotOptimize(x.entities.data());
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
  // The loaded models, lexicons and gazetteer (Extractor::memory_bytes), in MiB.
  state.counters["extractor_MiB"] = double(extractor->memory_bytes()) / (1 << 20);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// One long article of range(0) KB: the dev corpus's articles one after another, repeated (so
// names recur hundreds of times, as in a long report or a digest). Bytes per second must not
// fall as the article grows: the cost is linear in the text (issue 12), and the fitted
// complexity is printed as BM_ExtractLongArticle_BigO.
void BM_ExtractLongArticle(benchmark::State& state) {
  const auto* docs = Corpus(state);
  if (!docs) return;
  const auto* extractor = OpenExtractor(state);
  if (!extractor) return;
  actorgraph::importers::Document article;
  const size_t bytes = static_cast<size_t>(state.range(0)) << 10;
  while (article.text.size() < bytes)
    for (const auto& d : *docs) article.text += d.text + "\n\n";
  article.text.resize(bytes);
  for (auto _ : state) {
    auto x = extractor->Extract(article);
    benchmark::DoNotOptimize(x.entities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ExtractLongArticle)
    ->RangeMultiplier(2)
    ->Range(64, 1024)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace

BENCHMARK_MAIN();
