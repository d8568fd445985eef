#include "actorgraph/core/search.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "actorgraph/core/names.h"
#include "edit_distance.h"

namespace actorgraph::core {

namespace {

constexpr size_t kMaxPrefixEntries = 500;
constexpr size_t kMaxFuzzyCandidates = 2000;

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Trigrams of each word padded with a marker on both sides, packed in 24 bits.
std::vector<uint32_t> Trigrams(const std::vector<std::string>& words) {
  std::vector<uint32_t> out;
  for (const auto& w : words) {
    std::string padded = "\x01" + w + "\x01";
    for (size_t i = 0; i + 3 <= padded.size(); ++i)
      out.push_back(static_cast<uint8_t>(padded[i]) << 16 |
                    static_cast<uint8_t>(padded[i + 1]) << 8 | static_cast<uint8_t>(padded[i + 2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The fewest edits (up to bound + 1) from the query (`query`, of `query_words` words) to the
// whole form or to a run of as many of its words. Folded forms separate words by single
// spaces, so a run is a substring.
size_t BestDistance(const EditPattern& query, size_t query_words, std::string_view form,
                    size_t bound) {
  size_t best = query.Distance(form, bound);
  thread_local std::vector<size_t> starts;  // where each word begins, then form.size() + 1
  starts.clear();
  for (size_t i = 0; i < form.size(); ++i)
    if (i == 0 || form[i - 1] == ' ') starts.push_back(i);
  starts.push_back(form.size() + 1);
  for (size_t w = 0; w + query_words + 1 <= starts.size() && best > 0; ++w) {
    size_t begin = starts[w], end = starts[w + query_words] - 1;
    best = std::min(best, query.Distance(form.substr(begin, end - begin), bound));
  }
  return best;
}

size_t AllowedEdits(size_t length) {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

bool TypeWanted(const SearchQuery& q, NodeType t) {
  return q.types.empty() || std::find(q.types.begin(), q.types.end(), t) != q.types.end();
}

// The node's name or alias that folds to `folded` (its name when none does).
std::string SurfaceFor(const Node& node, const std::string& folded) {
  for (const auto& a : node.aliases)
    if (FoldName(a) == folded) return a;
  return node.name;
}

}  // namespace

const char* MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kPrefix:
      return "prefix";
    case MatchKind::kFuzzy:
      return "fuzzy";
  }
  return "fuzzy";
}

struct NameSearcher::FuzzyIndex {
  struct Form {
    std::string folded;
    std::string surface;
    GraphSnapshot::Index node;
  };
  std::shared_ptr<const GraphSnapshot> snap;
  std::vector<Form> forms;
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;  // trigram -> forms

  explicit FuzzyIndex(std::shared_ptr<const GraphSnapshot> s) : snap(std::move(s)) {
    for (GraphSnapshot::Index i = 0; i < snap->node_count(); ++i) {
      const Node& node = snap->node(i);
      std::vector<std::string> seen;
      std::vector<std::string> surfaces{node.name};
      surfaces.insert(surfaces.end(), node.aliases.begin(), node.aliases.end());
      for (const auto& surface : surfaces) {
        std::string folded = FoldName(surface);
        if (folded.empty() || std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
        seen.push_back(folded);
        uint32_t f = static_cast<uint32_t>(forms.size());
        for (uint32_t g : Trigrams(Words(folded))) postings[g].push_back(f);
        forms.push_back({std::move(folded), surface, i});
      }
    }
  }
};

NameSearcher::~NameSearcher() = default;

Result<std::shared_ptr<const NameSearcher::FuzzyIndex>> NameSearcher::Index() {
  auto snap = snapshots_.Get();
  if (!snap.ok()) return snap.status();
  std::lock_guard<std::mutex> lock(mu_);
  if (!index_ || index_->snap->version() != snap.value()->version())
    index_ = std::make_shared<const FuzzyIndex>(snap.value());
  return index_;
}

Result<std::vector<SearchHit>> NameSearcher::Search(GraphReader& reader, const SearchQuery& q) {
  std::string folded = FoldName(q.text);
  if (folded.empty()) return Status::InvalidArgument("the query has no letters or digits");
  std::unordered_map<NodeId, SearchHit> hits;
  auto offer = [&](const Node& node, MatchKind kind, double score, const std::string& matched) {
    if (node.merged_into != 0 || !TypeWanted(q, node.type)) return;
    auto [it, fresh] = hits.try_emplace(node.id);
    SearchHit& h = it->second;
    if (!fresh && (h.kind > kind || (h.kind == kind && h.score >= score))) return;
    h.node = node;
    h.kind = kind;
    h.score = score;
    h.matched = matched;
  };
  for (NodeId id : reader.LookupExact(folded))
    if (auto node = reader.GetNode(id); node.ok())
      offer(node.value(), MatchKind::kExact, 1.0, SurfaceFor(node.value(), folded));
  for (const auto& entry : reader.LookupPrefix(folded, kMaxPrefixEntries)) {
    if (entry.folded_name == folded) continue;
    double closeness =
        static_cast<double>(folded.size()) / static_cast<double>(entry.folded_name.size());
    if (auto node = reader.GetNode(entry.node); node.ok())
      offer(node.value(), MatchKind::kPrefix, 0.5 + 0.4 * closeness,
            SurfaceFor(node.value(), entry.folded_name));
  }
  auto index = Index();
  if (!index.ok()) return index.status();
  const FuzzyIndex& fuzzy = *index.value();
  std::vector<std::string> words = Words(folded);
  std::vector<uint32_t> grams = Trigrams(words);
  // Shared trigrams per form, counted in a reused dense array.
  thread_local std::vector<uint16_t> shared;
  thread_local std::vector<uint32_t> touched;
  shared.resize(fuzzy.forms.size());
  touched.clear();
  for (uint32_t g : grams)
    if (auto it = fuzzy.postings.find(g); it != fuzzy.postings.end())
      for (uint32_t f : it->second)
        if (shared[f]++ == 0) touched.push_back(f);
  std::vector<std::pair<uint32_t, uint32_t>> candidates;  // (shared trigrams, form)
  // An edit changes at most 3 of the word-padded trigrams, so a form within `allowed` edits
  // shares at least |grams| - 3 * allowed of them (the q-gram lemma): no true match is left
  // out, except one that shares no trigram at all (a short name with every trigram misspelt).
  size_t allowed = AllowedEdits(folded.size());
  uint32_t needed = static_cast<uint32_t>(
      std::max<long>(1, static_cast<long>(grams.size()) - 3 * static_cast<long>(allowed)));
  for (uint32_t f : touched) {
    if (shared[f] >= needed) candidates.push_back({shared[f], f});
    shared[f] = 0;
  }
  size_t keep = std::min(candidates.size(), kMaxFuzzyCandidates);
  std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  const EditPattern pattern(folded);
  for (size_t c = 0; c < keep; ++c) {
    const auto& form = fuzzy.forms[candidates[c].second];
    size_t d = BestDistance(pattern, words.size(), form.folded, allowed);
    if (d <= allowed)
      offer(fuzzy.snap->node(form.node), MatchKind::kFuzzy,
            0.45 * (1.0 - static_cast<double>(d) / static_cast<double>(folded.size() + 1)),
            form.surface);
  }
  std::vector<SearchHit> out;
  out.reserve(hits.size());
  // Degrees from the snapshot the fuzzy index was built on (current as of Index()), from the
  // store's counters for a node it does not hold yet.
  for (auto& [id, hit] : hits) {
    auto i = fuzzy.snap->Find(id);
    hit.degree = i != GraphSnapshot::kNone ? fuzzy.snap->Degree(i) : reader.GetDegree(id).total();
    out.push_back(std::move(hit));
  }
  std::sort(out.begin(), out.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.kind != b.kind) return a.kind > b.kind;
    if (a.degree != b.degree) return a.degree > b.degree;
    if (a.score != b.score) return a.score > b.score;
    return a.node.id < b.node.id;
  });
  if (out.size() > q.limit) out.resize(q.limit);
  return out;
}

}  // namespace actorgraph::core
