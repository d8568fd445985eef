// The name side of duplicate suggestions (duplicates.h): each node's names reduced to what two
// names of one actor share, block keys over them, and the comparison of two nodes' names.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "actorgraph/core/duplicates.h"
#include "actorgraph/core/model.h"

namespace actorgraph::core {

// One name or alias of a node.
struct NameForm {
  std::string written;              // as written
  std::string folded;               // FoldName(written)
  std::string core;                 // folded without legal forms (organisations) and editions
  std::vector<std::string> words;   // the core's words, stop words left out, sorted, unique
  std::string initials;             // first letters of the core's words when it has two or more
  bool acronym = false;             // written in capitals, one word of 2 to 10 letters
  std::string edition;              // an event's year and ordinal words ("2024"), else empty
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

// How strongly two nodes' names say one actor, in [0, 1), with the reasons (strongest first):
// the best signal over all pairs of forms; forms that name different editions of an event are
// never compared.
struct NameMatch {
  double strength = 0;
  std::vector<DuplicateReason> reasons;
};
NameMatch CompareNames(const std::vector<NameForm>& a, const std::vector<NameForm>& b,
                       const PlaceNames& places);

}  // namespace actorgraph::core
