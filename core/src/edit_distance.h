// Levenshtein distance between byte strings, bounded: the search's fuzzy matching asks only
// whether a name is within a few edits of the query. Two implementations with the same answers:
// the row-by-row dynamic programme, and Myers' bit-parallel one (Hyyrö's formulation) for
// patterns of at most 64 bytes, which the search uses for every candidate of one query.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace actorgraph::core {

// The distance of a and b when it is at most `bound`, else bound + 1.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t bound);

// One pattern, prepared once and compared with many texts. Thread-compatible (immutable after
// construction).
class EditPattern {
 public:
  static constexpr size_t kMaxBitParallel = 64;
  explicit EditPattern(std::string_view pattern);
  // The distance of the pattern and `text` when it is at most `bound`, else bound + 1: the
  // same answer as BoundedEditDistance(pattern, text, bound).
  size_t Distance(std::string_view text, size_t bound) const;

 private:
  std::string_view pattern_;
  std::array<uint64_t, 256> match_{};  // bit i of match_[c]: pattern_[i] == c
};

}  // namespace actorgraph::core
