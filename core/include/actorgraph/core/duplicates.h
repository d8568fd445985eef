// Duplicate suggestions: pairs of nodes that are likely one actor (a company under its brand
// and its legal name, an agency under its acronym and its full name, a country under two
// names), ranked for a curator to merge (curation.h MergeNodes) or to judge distinct
// (RecordDistinct; such pairs are never suggested again).
//
// Signals, all general (no list of actors): the same folded name or the same name once legal
// forms are dropped (name_rules.h LegalNameCore), the same words in another order, an acronym
// and its expansion, one name's words contained in the other's, string similarity, shared
// neighbours. Discounted: a longer name that adds a place ("Acme Egypt": a national branch), a
// pair that one article names both (the article told them apart), a company/agency pair (the
// extractor's typing differs); two editions of an event (different years) are never paired.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core {

// One machine-readable reason: `code` is one of "same_name", "same_core_name", "same_words",
// "acronym", "name_contained", "similar_name", "shared_neighbors" (for the pair), or
// "adds_place", "co_mentioned", "type_differs" (against it); `value` is the code's figure or
// key (the shared name, the acronym, the share of words, the similarity, the place, the number
// of neighbours or articles, the two types); `forms` the two names compared, as written (empty
// when the reason is not about names).
struct DuplicateReason {
  std::string code;
  nlohmann::json value;
  std::vector<std::string> forms;
};

struct DuplicateSuggestion {
  NodeId a = 0;  // a < b
  NodeId b = 0;
  NodeType a_type = NodeType::kPerson;
  NodeType b_type = NodeType::kPerson;
  double score = 0;     // in (0, 1], rounded to 4 decimals: higher is more likely one actor
  NodeId survivor = 0;  // the node to merge the other into: more edges, then the longer name
  std::vector<DuplicateReason> reasons;  // strongest first
};

// The best kMaxRankedDuplicates pairs of the snapshot that score at least kMinDuplicateScore,
// best first (score descending, then a, then b). Pure function of the snapshot.
//
// Work bound: pairs are only compared within blocks (same kind of node, company and agency
// being one kind, plus a shared name word, a shared acronym key, or a shared neighbour); a
// node has at most 16 name keys, a block of more than 40 nodes is skipped (a word that common
// tells nothing), and at most 1,000,000 candidate pairs are scored, the smallest blocks first,
// so the work is O(nodes * 16 * 40) pairs and never above 10^6 pair comparisons whatever the
// graph; each comparison compares at most 8 names per node and 256 neighbours per node.
// Measured: 4-5 s for a graph of 66,000 nodes and 860,000 edges (bench/gen_articles.py --n
// 100000), once per graph version (DuplicateSuggester caches it).
inline constexpr double kMinDuplicateScore = 0.3;
inline constexpr size_t kMaxRankedDuplicates = 10000;
std::vector<DuplicateSuggestion> RankDuplicates(const GraphSnapshot& snap);

struct DuplicateQuery {
  std::optional<NodeType> type;  // pairs with a node of this type only
  size_t limit = 50;
  std::string cursor;  // opaque; empty for the first page
};

struct DuplicatePage {
  std::vector<DuplicateSuggestion> items;
  std::string next_cursor;  // empty on the last page
};

// Caches the ranking of the current snapshot; pages it, leaving out the pairs `reader` holds a
// distinct-actor judgement for (judgements.h) and nodes no longer live. Thread-safe.
class DuplicateSuggester {
 public:
  explicit DuplicateSuggester(SnapshotCache& snapshots) : snapshots_(snapshots) {}

  // InvalidArgument for a cursor this listing did not hand out.
  Result<DuplicatePage> Page(GraphReader& reader, const DuplicateQuery& query);

 private:
  struct Ranking;
  Result<std::shared_ptr<const Ranking>> Current();

  SnapshotCache& snapshots_;
  std::mutex mu_;
  std::shared_ptr<const Ranking> ranking_;
};

}  // namespace actorgraph::core
