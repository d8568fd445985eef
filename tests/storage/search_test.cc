// NameSearcher's fuzzy matching: a name with as many typos as its length allows is still found
// whenever the typos leave it a trigram in common with the name (the trigram filter and the
// bounded edit distance drop no such match).
#include "actorgraph/core/search.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "actorgraph/core/names.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

// The edits the searcher forgives for a folded query of `length` bytes (core/src/search.cc).
size_t Allowed(size_t length) { return length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3; }

// Distinct trigrams of the words padded on both sides, as the searcher's index counts them.
size_t TrigramCount(const std::string& folded) {
  std::set<std::string> grams;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = std::min(folded.find(' ', start), folded.size());
    std::string padded = "\x01" + folded.substr(start, end - start) + "\x01";
    for (size_t i = 0; i + 3 <= padded.size(); ++i) grams.insert(padded.substr(i, 3));
    start = end + 1;
  }
  return grams.size();
}

std::string RandomWord(std::mt19937& rng) {
  static const char* syllables[] = {"ka",  "ro", "min", "tel", "sa",
                                    "vor", "lu", "den", "ix",  "pha"};
  std::string w;
  for (int k = 1 + rng() % 3; k > 0; --k) w += syllables[rng() % 10];
  return w;
}

}  // namespace

TEST_CASE("fuzzy search finds a name through as many typos as allowed", "[search]") {
  testing::TempDir dir;
  auto opened = storage::RocksGraphStore::Open(dir.path());
  REQUIRE(opened.ok());
  auto& store = *opened.value();
  std::mt19937 rng(11);
  core::GraphDelta delta;
  std::vector<core::Node> nodes;
  for (int n = 0; n < 400; ++n) {
    core::Node node;
    node.type = core::NodeType::kPerson;
    node.name = RandomWord(rng) + " " + RandomWord(rng) + (n % 3 ? " " + RandomWord(rng) : "");
    node.id = 1000 + n;
    delta.put_nodes.push_back(node);
    delta.put_index.push_back({core::FoldName(node.name), node.id});
    nodes.push_back(node);
  }
  REQUIRE(store.Apply(delta).ok());
  core::SnapshotCache snapshots(store);
  core::NameSearcher searcher(snapshots);

  size_t fuzzy_found = 0;
  for (int round = 0; round < 300; ++round) {
    const core::Node& target = nodes[rng() % nodes.size()];
    std::string query = core::FoldName(target.name);
    size_t edits = Allowed(query.size());
    for (size_t e = edits; e > 0; --e) {  // substitutions, insertions, deletions
      size_t at = rng() % query.size();
      char letter = static_cast<char>('a' + rng() % 26);
      switch (rng() % 3) {
        case 0:
          if (query[at] != ' ') query[at] = letter;
          break;
        case 1:
          query.insert(query.begin() + static_cast<long>(at), letter);
          break;
        default:
          if (query[at] != ' ' && query.size() > 4) query.erase(at, 1);
          break;
      }
    }
    if (Allowed(query.size()) < edits) continue;  // deletions made it too short for that many
    // The trigram filter promises a match that keeps a trigram in common (q-gram lemma).
    if (TrigramCount(query) <= 3 * edits) continue;
    core::SearchQuery q;
    q.text = query;
    q.limit = 1000;
    auto hits = searcher.Search(*store.Read(), q);
    REQUIRE(hits.ok());
    bool found = false;
    for (const auto& h : hits.value()) {
      if (h.node.id != target.id) continue;
      found = true;
      fuzzy_found += h.kind == core::MatchKind::kFuzzy;
    }
    INFO("query '" << query << "' for '" << target.name << "'");
    CHECK(found);
  }
  CHECK(fuzzy_found > 100);  // most queries really were misspelt
}
