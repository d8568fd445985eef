#include "edit_distance.h"

#include <algorithm>
#include <vector>

namespace actorgraph::core {

size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t bound) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  thread_local std::vector<size_t> prev, cur;
  prev.resize(b.size() + 1);
  cur.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    // A row whose smallest cell exceeds the bound ends the computation.
    if (row_min > bound) return bound + 1;
    prev.swap(cur);
  }
  return std::min(prev[b.size()], bound + 1);
}

EditPattern::EditPattern(std::string_view pattern) : pattern_(pattern) {
  if (pattern.size() > kMaxBitParallel) return;
  for (size_t i = 0; i < pattern.size(); ++i)
    match_[static_cast<uint8_t>(pattern[i])] |= uint64_t{1} << i;
}

size_t EditPattern::Distance(std::string_view text, size_t bound) const {
  const size_t m = pattern_.size();
  if ((m > text.size() ? m - text.size() : text.size() - m) > bound) return bound + 1;
  if (m > kMaxBitParallel) return BoundedEditDistance(pattern_, text, bound);
  if (m == 0) return std::min(text.size(), bound + 1);
  // Column by column over the text, the vertical deltas of the DP column as bit vectors:
  // pv (+1) and mv (-1); `score` is the last row's cell, the distance so far.
  const uint64_t last = uint64_t{1} << (m - 1);
  uint64_t pv = ~uint64_t{0}, mv = 0;
  size_t score = m;
  for (unsigned char c : text) {
    const uint64_t eq = match_[c];
    const uint64_t xv = eq | mv;
    const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    uint64_t ph = mv | ~(xh | pv);
    uint64_t mh = pv & xh;
    if (ph & last)
      ++score;
    else if (mh & last)
      --score;
    ph = (ph << 1) | 1;  // the first row is 0, 1, 2, ...: each column adds one
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return std::min(score, bound + 1);
}

}  // namespace actorgraph::core
