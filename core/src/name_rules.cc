#include "actorgraph/core/name_rules.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace actorgraph::core {

namespace {

// Company legal forms as FoldName writes them (one word each; "Co., Ltd." is two, "Sdn. Bhd."
// two, both stripped one after the other). General knowledge of company law, not any source's
// names: the English-speaking forms, the continental European ones, and the common Asian,
// Latin American and CIS ones, plus "group", which the press and companies use as a legal-name
// suffix of the same actor ("Acme Group" is Acme). Deliberately absent: descriptive words
// ("holdings", "industries", "motors", "international"), which often name a different
// actor of the same family, forms written before the name ("PT", "OOO" ...), and "e.V."
// (an association's form, and "EV" in a company name is an electric-vehicle unit).
constexpr std::string_view kLegalForms[] = {
    // English-speaking
    "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "ltd", "limited", "llc",
    "llp", "lp", "plc", "pllc", "pty", "pvt", "pte", "private", "group",
    // German-speaking, Dutch, Nordic
    "ag", "gmbh", "kg", "kgaa", "ohg", "se", "nv", "bv", "oy", "oyj", "ab", "asa", "aps",
    // Romance languages
    "sa", "sas", "sarl", "spa", "srl", "sl", "slu", "sau", "ltda", "sca", "scs", "cia",
    // Asia
    "bhd", "sdn", "kk", "tbk", "jsc",
    // CIS and Eastern Europe (as written after the name in English)
    "pjsc", "ojsc", "cjsc", "sro", "doo"};

bool IsLegalForm(std::string_view word) {
  return std::find(std::begin(kLegalForms), std::end(kLegalForms), word) != std::end(kLegalForms);
}

// Words for kinds of happenings, their parts and their rhythm, and filler: a name made of
// these alone is a description ("the annual general meeting"), not the name of one event.
constexpr std::string_view kGenericEventWords[] = {"the",
                                                   "a",
                                                   "an",
                                                   "of",
                                                   "and",
                                                   "for",
                                                   "on",
                                                   "its",
                                                   "their",
                                                   "our",
                                                   "annual",
                                                   "yearly",
                                                   "general",
                                                   "extraordinary",
                                                   "ordinary",
                                                   "regular",
                                                   "special",
                                                   "joint",
                                                   "plenary",
                                                   "closing",
                                                   "opening",
                                                   "final",
                                                   "main",
                                                   "first",
                                                   "second",
                                                   "third",
                                                   "last",
                                                   "next",
                                                   "international",
                                                   "national",
                                                   "regional",
                                                   "global",
                                                   "world",
                                                   "high",
                                                   "level",
                                                   "meeting",
                                                   "meetings",
                                                   "assembly",
                                                   "conference",
                                                   "summit",
                                                   "forum",
                                                   "webinar",
                                                   "workshop",
                                                   "seminar",
                                                   "symposium",
                                                   "congress",
                                                   "convention",
                                                   "expo",
                                                   "exhibition",
                                                   "fair",
                                                   "show",
                                                   "ceremony",
                                                   "signing",
                                                   "launch",
                                                   "session",
                                                   "sessions",
                                                   "panel",
                                                   "roundtable",
                                                   "round",
                                                   "table",
                                                   "board",
                                                   "press",
                                                   "briefing",
                                                   "dialogue",
                                                   "day",
                                                   "week",
                                                   "event",
                                                   "gala",
                                                   "dinner",
                                                   "reception",
                                                   "visit",
                                                   "tour",
                                                   "roadshow",
                                                   "council",
                                                   "committee",
                                                   "ministerial"};

bool IsGenericEventWord(std::string_view word) {
  return std::find(std::begin(kGenericEventWords), std::end(kGenericEventWords), word) !=
         std::end(kGenericEventWords);
}

bool IsFillerWord(std::string_view word) { return word == "the" || word == "and" || word == "of"; }

std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool IsDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string LegalNameCore(std::string_view folded) {
  std::vector<std::string_view> words = Words(folded);
  size_t keep = words.size();
  while (keep > 0 && IsLegalForm(words[keep - 1])) --keep;
  if (keep == words.size()) return "";
  if (std::all_of(words.begin(), words.begin() + keep, IsFillerWord)) return "";
  std::string core;
  for (size_t i = 0; i < keep; ++i) {
    if (i) core.push_back(' ');
    core.append(words[i]);
  }
  return core.size() < 2 ? "" : core;
}

bool NamesEventEdition(std::string_view folded) {
  for (std::string_view w : Words(folded)) {
    if (w.size() == 4 && IsDigits(w) && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20"))
      return true;
    if (w.size() >= 3 && IsDigits(w.substr(0, w.size() - 2))) {
      std::string_view suffix = w.substr(w.size() - 2);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return true;
    }
  }
  return false;
}

bool IsGenericEventName(std::string_view folded) {
  std::vector<std::string_view> words = Words(folded);
  // A year or a number does not make a description a name: "general meeting 2031".
  return std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return IsGenericEventWord(w) || NamesEventEdition(w) || IsDigits(w);
  });
}

std::vector<std::string> InitialsVariants(std::string_view name) {
  // Words of the name; an initial word contributes its letters.
  std::vector<std::string> words;
  std::vector<bool> initial;
  size_t k = 0;
  while (k < name.size()) {
    while (k < name.size() && name[k] == ' ') ++k;
    size_t e = k;
    while (e < name.size() && name[e] != ' ') ++e;
    if (e == k) break;
    std::string_view w = name.substr(k, e - k);
    std::string letters;
    bool only = true, dotted = false;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z')
        letters.push_back(c);
      else if (c == '.')
        dotted = true;
      else
        only = false;
    }
    const bool is_initial =
        only && !letters.empty() && (letters.size() == 1 || (dotted && letters.size() <= 3));
    words.push_back(is_initial ? letters : std::string(w));
    initial.push_back(is_initial);
    k = e;
  }
  const bool any_initial = std::find(initial.begin(), initial.end(), true) != initial.end();
  const bool any_other = std::find(initial.begin(), initial.end(), false) != initial.end();
  if (!any_initial || !any_other) return {};
  // Spaced: each letter of an initial its own word. Joined: a run of initials one word.
  std::vector<std::string> spaced, joined;
  for (size_t w = 0; w < words.size(); ++w) {
    if (!initial[w]) {
      spaced.push_back(words[w]);
      joined.push_back(words[w]);
      continue;
    }
    for (char c : words[w]) spaced.emplace_back(1, c);
    if (w > 0 && initial[w - 1])
      joined.back() += words[w];
    else
      joined.push_back(words[w]);
  }
  auto join = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
  };
  return {join(spaced), join(joined)};
}

}  // namespace actorgraph::core
