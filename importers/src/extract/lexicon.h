// Closed word classes of press English that the rules key on: title words, organisation
// suffixes and heads, event heads, name connectors, honorifics and cue verbs. Lookups take a
// word as written and compare it lower-cased. Thread-safe (immutable tables).
#pragma once

#include <cstdint>
#include <string_view>

namespace actorgraph::importers::extract {

enum WordClass : uint32_t {
  kTitleHead = 1u << 0,      // President, Director, CEO, Minister
  kTitleModifier = 1u << 1,  // Vice, Deputy, Executive, Chief, Managing, Senior
  kTitleDomain = 1u << 2,    // Economy, Supply, Chain, Digital: may sit inside a title
  kCompanySuffix = 1u << 3,  // last words of company names: Company, Motors, Technology
  kAgencyHead = 1u << 4,     // Ministry, Federation, Association, University, Centre
  kEventHead = 1u << 5,      // Summit, Conference, Forum, Webinar, Expo, Fair, Day
  kConnector = 1u << 6,      // of, for, and, &, de, di, the: may join the words of a name
  kHonorific = 1u << 7,      // Mr., Ms., Dr., H.E., Prof., Eng.
  kFunction = 1u << 8,       // determiners, pronouns, prepositions, sentence adverbs
  kCalendar = 1u << 9,       // months and week days
  kEventPart = 1u << 10,     // Opening, Closing, Plenary: a part of an event, not a name
  kLocationHead = 1u << 11,  // Province, County, District, Zone, Park: a place name's head
  kGeneric = 1u << 12,       // capitalised words that alone are never an actor
  kLegalSuffix = 1u << 13,   // Co., Ltd, Corp, Group, AG, SE, GmbH, Inc: a company for sure
};

// The classes of one word (0 when none).
uint32_t ClassesOf(std::string_view word);
inline bool Is(std::string_view word, WordClass c) { return (ClassesOf(word) & c) != 0; }

// Cue families, matched on lower-cased word stems at the start of a token.
enum class Cue {
  kSpeech,    // said, noted, stressed, opened, delivered, keynote, speech, featured
  kModerate,  // moderated, chaired, presided, moderator
  kOrganize,  // hosted, organised, co-organised, convened, in collaboration with
  kPartner,   // agreement, MoU, partnership, joint venture, alliance, contract
  kPartOf,    // subsidiary, unit, division, branch, office, part
  kPlace,     // held, based, headquartered, located, situated, settled
  kAppoint,   // appointed, named, elected, served
};
// True when the lower-cased token `lower` is a cue of that family.
bool IsCue(std::string_view lower, Cue cue);

}  // namespace actorgraph::importers::extract
