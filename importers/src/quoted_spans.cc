#include "quoted_spans.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace actorgraph::importers {
namespace {

struct Mark {
  std::string_view open;
  std::string_view close1, close2;  // what may close it
};

// An opening mark and the marks that close it ("„" is closed by "“" in German and by "”"
// in Polish-style typesetting; "“" by "”", or by "“" when a typewriter's habit persists).
constexpr Mark kMarks[] = {
    {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9C"},  // “ ” “
    {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9D"},  // „ “ ”
    {"\xC2\xAB", "\xC2\xBB", "\xC2\xBB"},              // « »
    {"\xC2\xBB", "\xC2\xAB", "\xC2\xAB"},              // » «
    {"\"", "\"", "\""},
};

}  // namespace

std::vector<std::pair<size_t, size_t>> QuotedSpans(std::string_view line) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t i = 0;
  while (i < line.size()) {
    const Mark* opened = nullptr;
    for (const Mark& m : kMarks) {
      if (line.compare(i, m.open.size(), m.open) == 0) {
        opened = &m;
        break;
      }
    }
    if (!opened) {
      ++i;
      continue;
    }
    size_t begin = i;
    size_t j = i + opened->open.size();
    size_t end = line.size();
    while (j < line.size()) {
      size_t len =
          line.compare(j, opened->close1.size(), opened->close1) == 0   ? opened->close1.size()
          : line.compare(j, opened->close2.size(), opened->close2) == 0 ? opened->close2.size()
                                                                        : 0;
      if (len) {
        end = j + len;
        break;
      }
      ++j;
    }
    spans.emplace_back(begin, end);
    i = end;
  }
  return spans;
}

bool InSpans(const std::vector<std::pair<size_t, size_t>>& spans, size_t at) {
  // Spans are in order and apart: the one that could hold `at` is the last to begin at or
  // before it.
  auto after =
      std::upper_bound(spans.begin(), spans.end(), at,
                       [](size_t a, const std::pair<size_t, size_t>& s) { return a < s.first; });
  return after != spans.begin() && at < std::prev(after)->second;
}

}  // namespace actorgraph::importers
