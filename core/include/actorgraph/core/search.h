// Name search: exact and prefix matches from the store's folded name index, fuzzy matches (a
// typo still finds the actor) from a trigram index over the snapshot's names and aliases.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core {

enum class MatchKind { kExact = 3, kPrefix = 2, kFuzzy = 1 };
const char* MatchKindName(MatchKind kind);  // "exact", "prefix", "fuzzy"

struct SearchQuery {
  std::string text;
  std::vector<NodeType> types;  // empty: every type
  size_t limit = 20;
};

struct SearchHit {
  Node node;
  MatchKind kind = MatchKind::kFuzzy;
  double score = 0;     // in (0, 1]: 1 exact, 0.5-0.9 prefix (closer to the whole name is
                        // higher), below 0.5 fuzzy (fewer edits is higher)
  std::string matched;  // the name or alias that matched, as written
  uint64_t degree = 0;
};

// Thread-safe; the trigram index is rebuilt with the snapshot.
class NameSearcher {
 public:
  explicit NameSearcher(SnapshotCache& snapshots) : snapshots_(snapshots) {}
  ~NameSearcher();

  // Hits ranked exact > prefix > fuzzy, then by degree, then by score. InvalidArgument when
  // the query folds to nothing.
  Result<std::vector<SearchHit>> Search(GraphReader& reader, const SearchQuery& query);

 private:
  struct FuzzyIndex;
  Result<std::shared_ptr<const FuzzyIndex>> Index();

  SnapshotCache& snapshots_;
  std::mutex mu_;
  std::shared_ptr<const FuzzyIndex> index_;
};

}  // namespace actorgraph::core
