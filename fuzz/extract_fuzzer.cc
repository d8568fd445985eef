// The extractor on arbitrary text: every relation points at entities it returned, and its
// evidence offsets lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "actorgraph/importers/extraction.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  actorgraph::importers::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  auto x = actorgraph::importers::Extract(doc);
  for (const auto& r : x.relations) {
    if (r.from >= x.entities.size() || r.to >= x.entities.size()) std::abort();
    if (r.begin > r.end) std::abort();
  }
  return 0;
}
