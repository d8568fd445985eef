#include "unmerge.h"

#include <algorithm>

#include "actorgraph/core/names.h"

namespace actorgraph::core {

namespace {

bool Has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::optional<Node> UnmergedSurvivor(const Node& before, const Node& after, const Node& current,
                                     const std::vector<std::string>& loser_forms) {
  if (current.type != after.type || current.merged_into != after.merged_into) return std::nullopt;
  for (const auto& a : after.aliases)
    if (!Has(current.aliases, a)) return std::nullopt;
  Node out = before;
  if (current.name != after.name) {
    if (Has(loser_forms, FoldName(current.name))) return std::nullopt;
    out.name = current.name;
  }
  for (const auto& a : current.aliases) {
    if (Has(after.aliases, a)) continue;
    if (Has(loser_forms, FoldName(a))) return std::nullopt;
    out.aliases.push_back(a);
  }
  if (current.first_seen != after.first_seen) out.first_seen = current.first_seen;
  if (current.last_seen != after.last_seen) out.last_seen = current.last_seen;
  return out;
}

}  // namespace actorgraph::core
