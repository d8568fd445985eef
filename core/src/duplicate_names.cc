#include "duplicate_names.h"

#include <algorithm>
#include <cmath>
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
constexpr double kContainedBase = 0.3;     // plus kContainedShare * (share of the longer's words)
constexpr double kContainedShare = 0.4;
constexpr double kAddsPlaceFactor = 0.5;   // the longer name adds a place: a branch
constexpr size_t kMaxPlaceWords = 3;       // place names looked for: up to three words
constexpr double kMinSimilarity = 0.75;    // bigram Dice of the cores below this says nothing
constexpr double kSimilarityWeight = 1.2;  // strength (dice - 0.5) * weight: 0.3 to 0.6

constexpr const char* kSignalCodes[kNameSignals] = {"same_name", "same_core_name", "same_words",
                                                    "acronym",   "name_contained", "similar_name"};

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
  f.core_words = SplitWords(f.core);
  std::vector<std::string> words;
  for (const auto& w : f.core_words)
    if (!IsStopWord(w)) words.push_back(w);
  if (words.size() >= 2)
    for (const auto& w : words) f.initials.push_back(w[0]);
  f.acronym =
      words.size() == 1 && f.core.size() >= 2 && f.core.size() <= 10 && WrittenInCapitals(written);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  f.words = std::move(words);
  for (size_t i = 0; i + 1 < f.core.size(); ++i)
    f.bigrams.push_back(static_cast<uint16_t>(static_cast<unsigned char>(f.core[i]) << 8 |
                                              static_cast<unsigned char>(f.core[i + 1])));
  std::sort(f.bigrams.begin(), f.bigrams.end());
  return f;
}

// Dice coefficient of two forms' character bigrams (as multisets), in [0, 1].
double BigramDice(const NameForm& a, const NameForm& b) {
  if (a.bigrams.empty() || b.bigrams.empty()) return a.core == b.core ? 1 : 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.bigrams.size() && j < b.bigrams.size();) {
    if (a.bigrams[i] < b.bigrams[j]) {
      ++i;
    } else if (b.bigrams[j] < a.bigrams[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) /
         static_cast<double>(a.bigrams.size() + b.bigrams.size());
}

double Round2(double v) { return std::round(v * 100) / 100; }

// A place name made of words of `longer`'s core that `shorter`'s has not, or null.
const std::string* AddedPlace(const NameForm& shorter, const NameForm& longer,
                              const PlaceNames& places) {
  const auto& words = longer.core_words;
  auto added = [&](const std::string& w) {
    return !std::binary_search(shorter.words.begin(), shorter.words.end(), w);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t n = 0; n < kMaxPlaceWords && i + n < words.size() && added(words[i + n]); ++n) {
      run += (n ? " " : "") + words[i + n];
      if (auto it = places.find(run); it != places.end()) return &*it;
    }
  }
  return nullptr;
}

// The strongest signal of one pair of forms into `best` (when stronger than what it holds).
void CompareForms(const NameForm& a, const NameForm& b, size_t ia, size_t ib,
                  const PlaceNames& places, NameMatch* m) {
  if (a.edition != b.edition || a.core.empty() || b.core.empty()) return;
  auto note = [&](NameSignal signal, double strength, double figure = 0, bool place = false) {
    NameMatch::Best& best = m->best[static_cast<size_t>(signal)];
    if (strength <= best.strength) return;
    best = {strength, figure, ia, ib, place};
    m->strength = std::max(m->strength, strength);
  };
  if (a.folded == b.folded) return note(NameSignal::kSameName, kSameName);
  if (a.core == b.core) return note(NameSignal::kSameCore, kSameCore);
  if (!a.words.empty() && a.words == b.words) return note(NameSignal::kSameWords, kSameWords);
  for (auto [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}})
    if (x->acronym && x->core == y->initials)
      return note(NameSignal::kAcronym, x->core.size() > 2 ? kAcronym : kTwoLetterAcronym);
  const NameForm& shorter = a.words.size() <= b.words.size() ? a : b;
  const NameForm& longer = &shorter == &a ? b : a;
  if (!shorter.words.empty() && shorter.words.size() < longer.words.size() &&
      std::includes(longer.words.begin(), longer.words.end(), shorter.words.begin(),
                    shorter.words.end())) {
    double share = static_cast<double>(shorter.words.size()) / longer.words.size();
    bool place = AddedPlace(shorter, longer, places) != nullptr;
    return note(NameSignal::kContained,
                (kContainedBase + kContainedShare * share) * (place ? kAddsPlaceFactor : 1), share,
                place);
  }
  double dice = BigramDice(a, b);
  if (dice >= kMinSimilarity) note(NameSignal::kSimilar, (dice - 0.5) * kSimilarityWeight, dice);
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
  NameMatch m;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j) CompareForms(a[i], b[j], i, j, places, &m);
  return m;
}

std::vector<DuplicateReason> NameReasons(const NameMatch& m, const std::vector<NameForm>& a,
                                         const std::vector<NameForm>& b, const PlaceNames& places) {
  std::vector<std::pair<double, DuplicateReason>> ranked;
  for (size_t s = 0; s < kNameSignals; ++s) {
    const NameMatch::Best& best = m.best[s];
    if (best.strength == 0) continue;
    const NameForm &fa = a[best.a], &fb = b[best.b];
    nlohmann::json value;
    switch (static_cast<NameSignal>(s)) {
      case NameSignal::kSameName:
        value = fa.folded;
        break;
      case NameSignal::kSameCore:
        value = fa.core;
        break;
      case NameSignal::kSameWords:
        value = Join(fa.words);
        break;
      case NameSignal::kAcronym:
        value = fa.acronym && fa.core == fb.initials ? fa.core : fb.core;
        break;
      case NameSignal::kContained:
      case NameSignal::kSimilar:
        value = Round2(best.figure);
        break;
    }
    std::vector<std::string> forms{fa.written, fb.written};
    ranked.push_back({best.strength, {kSignalCodes[s], std::move(value), forms}});
    if (best.adds_place) {
      const NameForm& shorter = fa.words.size() <= fb.words.size() ? fa : fb;
      const std::string* place = AddedPlace(shorter, &shorter == &fa ? fb : fa, places);
      ranked.push_back({0, {"adds_place", place ? *place : "", forms}});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<DuplicateReason> out;
  for (auto& [strength, reason] : ranked) out.push_back(std::move(reason));
  return out;
}

}  // namespace actorgraph::core
