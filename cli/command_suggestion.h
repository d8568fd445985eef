// "Did you mean": the known command closest to a mistyped one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace actorgraph::cli {

// The command of `known` that `typed` most likely meant: the closest by edit distance
// (insertions, deletions, substitutions and swaps of neighbours, case ignored), when it is
// within a third of the command's length (at least one edit), or the only command that starts
// with `typed`; nullopt when none is that close or two are equally close.
std::optional<std::string> ClosestCommand(const std::string& typed,
                                          const std::vector<std::string>& known);

}  // namespace actorgraph::cli
