// ReadJsonLines on arbitrary bytes: one callback per non-blank line, line numbers increasing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "actorgraph/importers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t last = 0;
  actorgraph::importers::ReadJsonLines(std::string_view(reinterpret_cast<const char*>(data), size),
                                       [&](actorgraph::importers::JsonLine&& line) {
                                         if (line.line <= last) std::abort();
                                         last = line.line;
                                       });
  return 0;
}
