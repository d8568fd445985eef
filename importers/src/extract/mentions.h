// Stage 3: mentions in one sentence: job titles ("roles"), capitalised name chunks with
// their connectors, acronyms in parentheses, quoted event titles and anaphors ("the
// webinar", "the company"), each with a first, local type guess (stage 4 settles types).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/core/model.h"
#include "gazetteer.h"
#include "segment.h"

namespace actorgraph::importers::extract {

enum class Evidence : uint8_t {
  kNone = 0,     // a capitalised chunk with nothing else known
  kContext = 1,  // typed by its surroundings (a title next to it, an honorific)
  kHead = 2,     // typed by its own words (suffix, head noun, gazetteer)
};

struct Mention {
  uint32_t first = 0;  // token range [first, last) in the sentence
  uint32_t last = 0;
  std::string text;                    // the surface form, white space and quotes normalised
  std::optional<core::NodeType> type;  // unset: an organisation or person not yet typed
  Evidence evidence = Evidence::kNone;
  std::string acronym;      // "(NIRE)" written right after the name
  std::string short_title;  // quoted event title: the part before its colon
  bool anaphor = false;     // "the webinar", "the company", a bare "Summit"
  bool event_part = false;  // "the Opening Ceremony": a part of the current event
  bool org = false;         // untyped, but used as an organisation (the place of a title)
  int entity = -1;          // set by coreference
};

// A job title as written: "Senior Vice President and Head of Research", "president".
struct Role {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string text;
};

struct SentenceMentions {
  std::vector<Role> roles;
  std::vector<Mention> mentions;  // in text order, non-overlapping
};

// `g`: the place and name lists (must outlive the call).
SentenceMentions FindMentions(const Sentence& s, const Gazetteer& g);

// Title-word classes of a token, looking inside hyphenated words ("Director-General").
bool IsTitleHead(std::string_view word);

// The surface text of tokens [first, last) of `s`, normalised.
std::string Surface(const Sentence& s, uint32_t first, uint32_t last);

}  // namespace actorgraph::importers::extract
