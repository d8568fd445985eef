// ReadFeed (RSS 2.0 / Atom, libxml2 without entities or DTDs) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actorgraph/importers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto docs = actorgraph::importers::ReadFeed(
      std::string_view(reinterpret_cast<const char*>(data), size), "https://example.org/feed");
  (void)docs;
  return 0;
}
