#include "duplicate_names.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "actorgraph/core/name_rules.h"
#include "actorgraph/core/names.h"

namespace actorgraph::core {

namespace {

// Signal strengths: what a name signal alone says (the score combines them with the
// neighbours', duplicates.cc).
constexpr double kSameName = 0.9;
constexpr double kSameCore = 0.85;
constexpr double kSameWords = 0.8;
constexpr double kAcronym = 0.8;
constexpr double kTwoLetterAcronym = 0.5;  // "SE", "GM": many expansions fit
constexpr double kContainedBase = 0.3;  // plus kContainedShare * (share of the longer's words)
constexpr double kContainedShare = 0.4;
constexpr double kAddsPlaceFactor = 0.5;  // the longer name adds a place: a branch
constexpr size_t kMaxPlaceWords = 3;       // place names looked for: up to three words
constexpr double kMinSimilarity = 0.75;  // bigram Dice of the cores below this says nothing
constexpr double kSimilarityWeight = 1.2;  // strength (dice - 0.5) * weight: 0.3 to 0.6

// Function words of the languages the press writes names in; never a name's own word.
bool IsStopWord(const std::string& w) {
  static const std::set<std::string> kStop = {
      "the", "of",  "and", "for", "in",  "on",  "at", "to", "a",   "an",  "de", "la", "le",
      "du",  "des", "der", "die", "das", "und", "et", "y",  "del", "von", "da", "do", "di"};
  return kStop.count(w) > 0;
}

std::vector<std::string> SplitWords(const std::string& folded) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) out.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Written in capitals: two or more letters, no lower-case ASCII letter ("UNIDO", "U.S.").
bool WrittenInCapitals(const std::string& written) {
  size_t upper = 0;
  for (char c : written) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

NameForm MakeForm(const Node& node, const std::string& written) {
  NameForm f;
  f.written = written;
  f.folded = FoldName(written);
  std::vector<std::string> kept, edition;
  for (const auto& w : SplitWords(f.folded)) {
    bool edition_word = node.type == NodeType::kEvent && NamesEventEdition(w);
    (edition_word ? edition : kept).push_back(w);
  }
  f.edition = Join(edition);
  f.core = Join(kept);
  if (IsOrganization(node.type))
    if (std::string core = LegalNameCore(f.core); !core.empty()) f.core = core;
  std::vector<std::string> words;
  for (const auto& w : SplitWords(f.core))
    if (!IsStopWord(w)) words.push_back(w);
  if (words.size() >= 2)
    for (const auto& w : words) f.initials.push_back(w[0]);
  f.acronym = words.size() == 1 && f.core.size() >= 2 && f.core.size() <= 10 &&
              WrittenInCapitals(written);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  f.words = std::move(words);
  return f;
}

// Dice coefficient of the character bigrams of two strings, in [0, 1].
double BigramDice(const std::string& a, const std::string& b) {
  if (a.size() < 2 || b.size() < 2) return a == b ? 1 : 0;
  std::map<std::string, int> grams;
  for (size_t i = 0; i + 1 < a.size(); ++i) ++grams[a.substr(i, 2)];
  size_t shared = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    auto it = grams.find(b.substr(i, 2));
    if (it != grams.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - 2);
}

double Round2(double v) { return std::round(v * 100) / 100; }

// A place name made of words of `longer`'s core that `shorter`'s has not, or empty.
std::string AddedPlace(const NameForm& shorter, const NameForm& longer, const PlaceNames& places) {
  std::vector<std::string> words = SplitWords(longer.core);
  auto added = [&](const std::string& w) {
    return !std::binary_search(shorter.words.begin(), shorter.words.end(), w);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t n = 0; n < kMaxPlaceWords && i + n < words.size() && added(words[i + n]); ++n) {
      run += (n ? " " : "") + words[i + n];
      if (places.count(run)) return run;
    }
  }
  return "";
}

// The strongest signal of one pair of forms, if any; `place` is set when the longer of two
// names that contain one another adds a place name.
std::optional<DuplicateReason> CompareForms(const NameForm& a, const NameForm& b,
                                            const PlaceNames& places, double* strength,
                                            std::string* place) {
  auto reason = [&](const char* code, nlohmann::json value, double s) {
    *strength = s;
    return DuplicateReason{code, std::move(value), {a.written, b.written}};
  };
  if (a.edition != b.edition || a.core.empty() || b.core.empty()) return std::nullopt;
  if (a.folded == b.folded) return reason("same_name", a.folded, kSameName);
  if (a.core == b.core) return reason("same_core_name", a.core, kSameCore);
  if (!a.words.empty() && a.words == b.words) return reason("same_words", Join(a.words), kSameWords);
  for (auto [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}})
    if (x->acronym && x->core == y->initials)
      return reason("acronym", x->core, x->core.size() > 2 ? kAcronym : kTwoLetterAcronym);
  const NameForm& shorter = a.words.size() <= b.words.size() ? a : b;
  const NameForm& longer = &shorter == &a ? b : a;
  if (!shorter.words.empty() && shorter.words.size() < longer.words.size() &&
      std::includes(longer.words.begin(), longer.words.end(), shorter.words.begin(),
                    shorter.words.end())) {
    double share = static_cast<double>(shorter.words.size()) / longer.words.size();
    *place = AddedPlace(shorter, longer, places);
    return reason("name_contained", Round2(share),
                  (kContainedBase + kContainedShare * share) *
                      (place->empty() ? 1 : kAddsPlaceFactor));
  }
  double dice = BigramDice(a.core, b.core);
  if (dice >= kMinSimilarity)
    return reason("similar_name", Round2(dice), (dice - 0.5) * kSimilarityWeight);
  return std::nullopt;
}

}  // namespace

std::vector<NameForm> NameFormsOf(const Node& node) {
  std::vector<NameForm> forms;
  std::set<std::string> seen;
  std::vector<std::string> written{node.name};
  written.insert(written.end(), node.aliases.begin(), node.aliases.end());
  for (const auto& w : written) {
    if (forms.size() == kMaxFormsPerNode) break;
    NameForm f = MakeForm(node, w);
    if (f.folded.empty() || !seen.insert(f.folded).second) continue;
    if (node.type == NodeType::kEvent && IsGenericEventName(f.folded)) continue;
    // A person's one-word form is a surname or a given name, shared by many people (the
    // resolver never matches on one either).
    if (node.type == NodeType::kPerson && f.folded.find(' ') == std::string::npos) continue;
    forms.push_back(std::move(f));
  }
  return forms;
}

std::vector<std::string> NameBlockKeys(const std::vector<NameForm>& forms) {
  std::vector<std::string> acronyms, words;
  for (const auto& f : forms) {
    if (f.acronym) acronyms.push_back("a:" + f.core);
    if (!f.initials.empty()) acronyms.push_back("a:" + f.initials);
    for (const auto& w : f.words)
      if (w.size() >= 2) words.push_back("w:" + w);
  }
  auto unique = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(acronyms);
  unique(words);
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  acronyms.insert(acronyms.end(), words.begin(), words.end());
  if (acronyms.size() > kMaxNameKeys) acronyms.resize(kMaxNameKeys);
  return acronyms;
}

NameMatch CompareNames(const std::vector<NameForm>& a, const std::vector<NameForm>& b,
                       const PlaceNames& places) {
  // The best reason of each code (with the place its name adds, if any), strongest first.
  std::map<std::string, std::pair<double, DuplicateReason>> best;
  std::string best_place;
  for (const auto& fa : a)
    for (const auto& fb : b) {
      double s = 0;
      std::string place;
      auto r = CompareForms(fa, fb, places, &s, &place);
      if (!r) continue;
      auto it = best.find(r->code);
      if (it != best.end() && s <= it->second.first) continue;
      if (r->code == "name_contained") best_place = place;
      best[r->code] = {s, std::move(*r)};
    }
  if (!best_place.empty()) {
    auto forms = best["name_contained"].second.forms;
    best["adds_place"] = {0, DuplicateReason{"adds_place", best_place, forms}};
  }
  std::vector<std::pair<double, DuplicateReason>> ranked;
  for (auto& [code, entry] : best) ranked.push_back(std::move(entry));
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  NameMatch m;
  for (auto& [s, r] : ranked) {
    m.strength = std::max(m.strength, s);
    m.reasons.push_back(std::move(r));
  }
  return m;
}

}  // namespace actorgraph::core
