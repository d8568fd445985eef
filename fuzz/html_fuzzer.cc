// ReadHtml on arbitrary bytes: never crashes, hangs or leaks; a document it returns is UTF-8
// text the extractor can take.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actorgraph/importers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto doc = actorgraph::importers::ReadHtml(html, "https://example.org/page");
  (void)doc;
  (void)actorgraph::importers::HtmlToText(html);
  return 0;
}
