// Reader throughput, one thread: bytes of web page per second through ReadHtml (parse,
// metadata, article extraction) over the corpus pages, and through the source walker.
// Pages: $ACTORGRAPH_CORPUS_DIR/html/*.html (default ../shared/corpus from the source),
// without the *.expected.html answers.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/importers/readers.h"

namespace {

namespace fs = std::filesystem;

fs::path PagesDir() {
  const char* env = std::getenv("ACTORGRAPH_CORPUS_DIR");
  return fs::path(env ? env : ACTORGRAPH_BENCH_CORPUS_DIR) / "html";
}

std::vector<std::string> LoadPages() {
  std::vector<fs::path> paths;
  if (fs::exists(PagesDir())) {
    for (const auto& f : fs::directory_iterator(PagesDir())) {
      std::string name = f.path().filename().string();
      if (name.ends_with(".html") && !name.ends_with(".expected.html")) paths.push_back(f.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
  }
  return pages;
}

// All pages, one after the other: the rate an importer of a folder of pages sees.
void BM_ReadHtml(benchmark::State& state) {
  static const std::vector<std::string> pages = LoadPages();
  if (pages.empty()) {
    state.SkipWithError("no pages found; set ACTORGRAPH_CORPUS_DIR");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages) {
      auto doc = actorgraph::importers::ReadHtml(page);
      benchmark::DoNotOptimize(doc.ok());
      bytes += static_cast<int64_t>(page.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadHtml)->Unit(benchmark::kMillisecond);

// HTML to text without article extraction (the path feed content takes).
void BM_HtmlToText(benchmark::State& state) {
  static const std::vector<std::string> pages = LoadPages();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages) {
      benchmark::DoNotOptimize(actorgraph::importers::HtmlToText(page).size());
      bytes += static_cast<int64_t>(page.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_HtmlToText)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
