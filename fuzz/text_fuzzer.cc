// ReadText and the format sniffer on arbitrary bytes (the body of a text/plain POST).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actorgraph/importers/readers.h"
#include "actorgraph/importers/sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = actorgraph::importers::ReadText(text);
  (void)doc;
  (void)actorgraph::importers::SniffFormat(text);
  return 0;
}
