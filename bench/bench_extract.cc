// Extraction throughput: bytes of article text per second over the dev corpus, one thread,
// and the memory the opened extractor holds.
// Corpus folder: $ACTORGRAPH_CORPUS_DIR/dev (default ../shared/corpus/dev from the source).
// Data folder (models, word lists): $ACTORGRAPH_DATA (default: the build's actorgraph-data).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

void BM_Extract(benchmark::State& state) {
  static const auto docs = LoadCorpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus found; set ACTORGRAPH_CORPUS_DIR");
    return;
  }
  actorgraph::importers::ExtractorOptions options;  // opened outside the timing
  if (!std::getenv("ACTORGRAPH_DATA")) options.data_dir = ACTORGRAPH_BENCH_DATA_DIR;
  static const auto extractor = actorgraph::importers::Extractor::Open(options);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto x = extractor.value()->Extract(d);
      benchmark::DoNotOptimize(x.entities.data());
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
  // The loaded models, lexicons and gazetteer (Extractor::memory_bytes), in MiB.
  state.counters["extractor_MiB"] = double(extractor.value()->memory_bytes()) / (1 << 20);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
