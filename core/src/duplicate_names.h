// The name side of duplicate suggestions (duplicates.h): each node's names reduced to what two
// names of one actor share, block keys over them, and the comparison of two nodes' names.
// Comparing allocates nothing (it runs for every candidate pair); the reasons are written
// out only for the pairs that are suggested.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "actorgraph/core/duplicates.h"
#include "actorgraph/core/model.h"

namespace actorgraph::core {

// One name or alias of a node.
struct NameForm {
  std::string written;                  // as written
  std::string folded;                   // FoldName(written)
  std::string core;                     // folded without legal forms (organisations), editions
  std::vector<std::string> core_words;  // the core's words in order
  std::vector<std::string> words;       // the core's words, stop words left out, sorted, unique
  std::string initials;                 // first letters of `words` in order, when two or more
  bool acronym = false;                 // written in capitals, one word of 2 to 10 letters
  std::string edition;                  // an event's year and ordinal words ("2024"), else empty
  std::vector<uint16_t> bigrams;        // the core's character bigrams, sorted
};

// At most kMaxFormsPerNode forms per node (name first, then aliases); generic event names
// ("general meeting") and one-word person forms ("Xu") are left out: they name no particular
// actor.
inline constexpr size_t kMaxFormsPerNode = 8;
std::vector<NameForm> NameFormsOf(const Node& node);

// The keys under which a node's names meet another's: each word of a core ("w:acme") and each
// acronym or initials ("a:unido"), acronyms first, then longer words first; at most
// kMaxNameKeys.
inline constexpr size_t kMaxNameKeys = 16;
std::vector<std::string> NameBlockKeys(const std::vector<NameForm>& forms);

// The folded names and aliases of the graph's location nodes: a name that is another's plus
// a place ("Acme" and "Acme Egypt") names a national branch, most often another actor.
using PlaceNames = std::unordered_set<std::string>;

// The name signals, strongest kind first (one pair of forms gives at most one of them).
enum class NameSignal { kSameName, kSameCore, kSameWords, kAcronym, kContained, kSimilar };
inline constexpr size_t kNameSignals = 6;

// How strongly two nodes' names say one actor, in [0, 1): the best signal over all pairs of
// forms (forms that name different editions of an event are never compared), and the best
// pair of forms of each signal.
struct NameMatch {
  struct Best {
    double strength = 0;      // 0: the signal was not seen
    double figure = 0;        // kContained: the share of words; kSimilar: the similarity
    size_t a = 0, b = 0;      // the forms
    bool adds_place = false;  // kContained: the longer name adds a place name
  };
  double strength = 0;
  std::array<Best, kNameSignals> best{};
};
NameMatch CompareNames(const std::vector<NameForm>& a, const std::vector<NameForm>& b,
                       const PlaceNames& places);

// The reasons of a match, strongest first ("adds_place" after the others).
std::vector<DuplicateReason> NameReasons(const NameMatch& m, const std::vector<NameForm>& a,
                                         const std::vector<NameForm>& b, const PlaceNames& places);

}  // namespace actorgraph::core
