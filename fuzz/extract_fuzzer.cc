// The extractor on arbitrary text: every relation points at entities it returned, and its
// evidence offsets lie inside the text. The extractor is opened once from importers::DataDir()
// ($ACTORGRAPH_DATA, else actorgraph-data beside the fuzzer, which the fuzz build fills); the
// fuzzer aborts with the reason when it cannot open it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "actorgraph/importers/extraction.h"

namespace {

const actorgraph::importers::Extractor& TheExtractor() {
  static const auto opened = actorgraph::importers::Extractor::Open({});
  if (!opened.ok()) {
    std::fprintf(stderr, "cannot open the extractor: %s\n", opened.status().ToString().c_str());
    std::abort();
  }
  return *opened.value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  actorgraph::importers::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  auto x = TheExtractor().Extract(doc);
  for (const auto& r : x.relations) {
    if (r.from >= x.entities.size() || r.to >= x.entities.size()) std::abort();
    if (r.begin > r.end) std::abort();
  }
  return 0;
}
