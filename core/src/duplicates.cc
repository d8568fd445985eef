#include "actorgraph/core/duplicates.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_map>

#include "actorgraph/core/judgements.h"
#include "duplicate_names.h"

namespace actorgraph::core {

namespace {

using Index = GraphSnapshot::Index;

constexpr size_t kMaxBlockSize = 40;              // larger blocks are skipped
constexpr size_t kMaxCandidatePairs = 1'000'000;  // pairs scored at most
constexpr size_t kMaxNeighborsCompared = 256;     // per node, the lowest ordinals
// Shared neighbours: each distinct neighbour adds kNeighborStep to the strength, up to
// kMaxNeighborStrength; without any name signal the strength counts half (two colleagues
// share an employer and an event, and are two people).
constexpr double kNeighborStep = 0.15;
constexpr double kMaxNeighborStrength = 0.6;
constexpr double kNeighborsWithoutName = 0.5;
// Two nodes that one article names both: the article told them apart (the resolver had both
// names in hand), as with a company and its national branch ("Bosch", "Bosch China"); the
// pair's score is discounted by this factor.
constexpr double kCoMentionedFactor = 0.6;
// A company paired with an agency: the same actor typed differently by two articles, or two
// actors; the pair's score is discounted by this factor.
constexpr double kTypeDiffersFactor = 0.9;

// Nodes that can be one actor: the same type, company and agency being one kind (MergeNodes
// merges them).
int KindOf(NodeType t) { return IsOrganization(t) ? 0 : static_cast<int>(t); }

// The distinct neighbours of each node (self-loops left out), sorted, at most
// kMaxNeighborsCompared.
std::vector<std::vector<Index>> NeighborSets(const GraphSnapshot& snap) {
  std::vector<std::vector<Index>> out(snap.node_count());
  for (Index i = 0; i < snap.node_count(); ++i) {
    auto& set = out[i];
    for (uint32_t e : snap.Incident(i))
      if (Index o = snap.Other(e, i); o != i) set.push_back(o);
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    if (set.size() > kMaxNeighborsCompared) set.resize(kMaxNeighborsCompared);
  }
  return out;
}

// The number of values two sorted sequences share, `skip_a` and `skip_b` left out.
template <typename Seq>
size_t SharedCount(const Seq& a, const Seq& b, Index skip_a = GraphSnapshot::kNone,
                   Index skip_b = GraphSnapshot::kNone) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      n += a[i] != skip_a && a[i] != skip_b;
      ++i;
      ++j;
    }
  }
  return n;
}

// The candidate pairs (i < j, as one 64-bit key), from the name-key blocks and the
// shared-neighbour blocks, smallest blocks first, at most kMaxCandidatePairs, unique.
std::vector<uint64_t> CandidatePairs(const GraphSnapshot& snap,
                                     const std::vector<std::vector<NameForm>>& forms,
                                     const std::vector<std::vector<Index>>& neighbors) {
  std::unordered_map<std::string, std::vector<Index>> by_key;
  for (Index i = 0; i < snap.node_count(); ++i) {
    std::string kind = std::to_string(KindOf(snap.node(i).type)) + ":";
    for (const auto& key : NameBlockKeys(forms[i])) by_key[kind + key].push_back(i);
  }
  std::vector<std::vector<Index>> blocks;
  for (auto& [key, members] : by_key)
    if (members.size() >= 2 && members.size() <= kMaxBlockSize) blocks.push_back(members);
  // The neighbours of one node, per kind: nodes that share it.
  for (Index x = 0; x < snap.node_count(); ++x) {
    if (neighbors[x].size() < 2 || neighbors[x].size() > kMaxBlockSize) continue;
    std::map<int, std::vector<Index>> by_kind;
    for (Index n : neighbors[x]) by_kind[KindOf(snap.node(n).type)].push_back(n);
    for (auto& [kind, members] : by_kind)
      if (members.size() >= 2) blocks.push_back(std::move(members));
  }
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<uint64_t> pairs;
  for (const auto& block : blocks)
    for (size_t x = 0; x < block.size(); ++x)
      for (size_t y = x + 1; y < block.size(); ++y) {
        if (pairs.size() == kMaxCandidatePairs) break;
        Index i = std::min(block[x], block[y]), j = std::max(block[x], block[y]);
        pairs.push_back(static_cast<uint64_t>(i) << 32 | j);
      }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

// More edges first, then the longer name, then the smaller id.
NodeId Survivor(const GraphSnapshot& snap, Index i, Index j) {
  const Node &a = snap.node(i), &b = snap.node(j);
  if (snap.Degree(i) != snap.Degree(j)) return snap.Degree(i) > snap.Degree(j) ? a.id : b.id;
  if (a.name.size() != b.name.size()) return a.name.size() > b.name.size() ? a.id : b.id;
  return std::min(a.id, b.id);
}

PlaceNames PlacesOf(const GraphSnapshot& snap, const std::vector<std::vector<NameForm>>& forms) {
  PlaceNames places;
  for (Index i = 0; i < snap.node_count(); ++i)
    if (snap.node(i).type == NodeType::kLocation)
      for (const auto& f : forms[i]) places.insert(f.folded);
  return places;
}

std::optional<DuplicateSuggestion> Score(const GraphSnapshot& snap, Index i, Index j,
                                         const std::vector<std::vector<NameForm>>& forms,
                                         const std::vector<std::vector<Index>>& neighbors,
                                         const PlaceNames& places) {
  NameMatch names = CompareNames(forms[i], forms[j], places);
  size_t shared = SharedCount(neighbors[i], neighbors[j], i, j);
  double by_neighbors = std::min(kMaxNeighborStrength, kNeighborStep * static_cast<double>(shared));
  if (names.strength == 0) by_neighbors *= kNeighborsWithoutName;
  double score = 1 - (1 - names.strength) * (1 - by_neighbors);
  if (score < kMinDuplicateScore) return std::nullopt;  // the discounts only lower it
  const Node &a = snap.node(i), &b = snap.node(j);
  size_t together = SharedCount(snap.ArticlesOf(i), snap.ArticlesOf(j));
  if (together) score *= kCoMentionedFactor;
  if (a.type != b.type) score *= kTypeDiffersFactor;
  score = std::round(score * 1e4) / 1e4;
  if (score < kMinDuplicateScore) return std::nullopt;
  DuplicateSuggestion s;
  s.reasons = NameReasons(names, forms[i], forms[j], places);
  if (shared) s.reasons.push_back({"shared_neighbors", shared, {}});
  if (together) s.reasons.push_back({"co_mentioned", together, {}});
  if (a.type != b.type)
    s.reasons.push_back(
        {"type_differs", std::string(NodeTypeName(a.type)) + "/" + NodeTypeName(b.type), {}});
  bool swap = b.id < a.id;
  s.a = swap ? b.id : a.id;
  s.b = swap ? a.id : b.id;
  s.a_type = swap ? b.type : a.type;
  s.b_type = swap ? a.type : b.type;
  if (swap)
    for (auto& r : s.reasons)
      if (r.forms.size() == 2) std::swap(r.forms[0], r.forms[1]);
  s.score = score;
  s.survivor = Survivor(snap, i, j);
  return s;
}

bool RankedBefore(const DuplicateSuggestion& x, double score, NodeId a, NodeId b) {
  if (x.score != score) return x.score > score;
  if (x.a != a) return x.a < a;
  return x.b < b;
}

// The cursor names the last pair of a page: its score's bits, a and b, 48 hex digits.
std::string EncodeCursor(const DuplicateSuggestion& s) {
  uint64_t bits = 0;
  std::memcpy(&bits, &s.score, sizeof bits);
  char buf[49];
  std::snprintf(buf, sizeof buf, "%016" PRIx64 "%016" PRIx64 "%016" PRIx64, bits, s.a, s.b);
  return buf;
}

bool DecodeCursor(const std::string& text, double* score, NodeId* a, NodeId* b) {
  if (text.size() != 48) return false;
  uint64_t v[3] = {0, 0, 0};
  for (size_t k = 0; k < 48; ++k) {
    char c = text[k];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    v[k / 16] = v[k / 16] << 4 | static_cast<uint64_t>(d);
  }
  std::memcpy(score, &v[0], sizeof *score);
  *a = v[1];
  *b = v[2];
  return std::isfinite(*score) && *a < *b;
}

bool HasType(const DuplicateSuggestion& s, NodeType t) { return s.a_type == t || s.b_type == t; }

}  // namespace

std::vector<DuplicateSuggestion> RankDuplicates(const GraphSnapshot& snap) {
  std::vector<std::vector<NameForm>> forms(snap.node_count());
  for (Index i = 0; i < snap.node_count(); ++i) forms[i] = NameFormsOf(snap.node(i));
  std::vector<std::vector<Index>> neighbors = NeighborSets(snap);
  PlaceNames places = PlacesOf(snap, forms);
  std::vector<DuplicateSuggestion> out;
  for (uint64_t pair : CandidatePairs(snap, forms, neighbors))
    if (auto s = Score(snap, static_cast<Index>(pair >> 32), static_cast<Index>(pair), forms,
                       neighbors, places))
      out.push_back(std::move(*s));
  auto better = [](const auto& x, const auto& y) { return RankedBefore(x, y.score, y.a, y.b); };
  if (out.size() > kMaxRankedDuplicates) {
    std::nth_element(out.begin(), out.begin() + kMaxRankedDuplicates, out.end(), better);
    out.resize(kMaxRankedDuplicates);
  }
  std::sort(out.begin(), out.end(), better);
  return out;
}

struct DuplicateSuggester::Ranking {
  uint64_t version = 0;
  std::vector<DuplicateSuggestion> items;
};

Result<std::shared_ptr<const DuplicateSuggester::Ranking>> DuplicateSuggester::Current() {
  auto snap = snapshots_.Get();
  if (!snap.ok()) return snap.status();
  std::lock_guard<std::mutex> lock(mu_);
  if (!ranking_ || ranking_->version != snap.value()->version()) {
    auto fresh = std::make_shared<Ranking>();
    fresh->version = snap.value()->version();
    fresh->items = RankDuplicates(*snap.value());
    ranking_ = std::move(fresh);
  }
  return ranking_;
}

Result<DuplicatePage> DuplicateSuggester::Page(GraphReader& reader, const DuplicateQuery& query) {
  size_t start = 0;
  auto ranking = Current();
  if (!ranking.ok()) return ranking.status();
  const auto& items = ranking.value()->items;
  if (!query.cursor.empty()) {
    double score = 0;
    NodeId a = 0, b = 0;
    if (!DecodeCursor(query.cursor, &score, &a, &b))
      return Status::InvalidArgument("'cursor' is not a cursor of this listing");
    start = static_cast<size_t>(std::partition_point(items.begin(), items.end(),
                                                     [&](const DuplicateSuggestion& x) {
                                                       return RankedBefore(x, score, a, b) ||
                                                              (x.a == a && x.b == b);
                                                     }) -
                                items.begin());
  }
  bool judgements = HasDistinctJudgements(reader);
  auto admitted = [&](const DuplicateSuggestion& s) {
    if (query.type && !HasType(s, *query.type)) return false;
    if (judgements && JudgedDistinct(reader, s.a, s.b)) return false;
    return reader.GetNode(s.a).ok() && reader.GetNode(s.b).ok();
  };
  DuplicatePage page;
  for (size_t k = start; k < items.size(); ++k) {
    if (!admitted(items[k])) continue;
    if (page.items.size() == query.limit) {
      page.next_cursor = EncodeCursor(page.items.back());
      break;
    }
    page.items.push_back(items[k]);
  }
  return page;
}

}  // namespace actorgraph::core
