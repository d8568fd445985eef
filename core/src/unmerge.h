// Undoing a merge after ingestion touched its survivor: which of the survivor's later
// changes the undo keeps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/model.h"

namespace actorgraph::core {

// The survivor as the undo of a merge should leave it: `before` (the survivor before the
// merge) with the changes ingestion made after the merge (`current` against `after`, the
// survivor the merge wrote) kept: aliases added since, and a first/last seen date that
// moved since. Nullopt when a later change depends on the merged node or is no ingestion's:
// a new name or alias that folds to one of `loser_forms` (the merged node's folded names,
// which the survivor answered for only because of the merge), an alias removed, or a
// changed type or tombstone. Curation steps are undone through their own records.
std::optional<Node> UnmergedSurvivor(const Node& before, const Node& after, const Node& current,
                                     const std::vector<std::string>& loser_forms);

}  // namespace actorgraph::core
