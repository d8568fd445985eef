// Name rules that entity resolution (resolver.h) applies on top of matching folded names
// exactly. Pure functions of folded names (FoldName), no data files. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::core {

// The folded company name without its trailing legal-form words, so that a company under its
// legal name and under its bare name ("Acme Widgets Corporation", "Acme Widgets Co., Ltd.",
// "Acme Widgets") share one core, "acme widgets". Legal forms are a class of general
// knowledge, listed and documented in name_rules.cc (Inc., Corp., Co., Ltd., LLC, plc, AG,
// GmbH, S.A., N.V., S.p.A., Pty, Pvt, Bhd, JSC, Group, ...); they are stripped from the end
// only, repeatedly ("muller sohne gmbh co kg" -> "muller sohne").
// Returns empty when the name ends in no legal form, or when what would remain is shorter
// than two characters or only "the", "and", "of" (a legal form is never a name on its own).
std::string LegalNameCore(std::string_view folded);

// True when a folded event name names one edition of an event rather than a recurring series
// or a generic happening: it holds a year (1900-2099: "acme summit 2024") or a numeric
// ordinal ("5th acme forum", "22nd ..."). "acme summit", "general meeting" are not.
bool NamesEventEdition(std::string_view folded);

// True when a folded event name is made only of words for kinds of happenings and filler
// ("general meeting", "the annual summit", "press conference", "board meeting"; the list is
// in name_rules.cc), and years or numbers ("general meeting 2031"), so that it names no
// particular event: the general meetings of two associations share it. True for an empty name.
bool IsGenericEventName(std::string_view folded);

// A person's initials are written "T.V.", "T. V." or "T V": `name` with its initials spaced
// ("T V Narendran") and joined ("TV Narendran"), so that each writing finds the others. An
// initial is one capital letter, or up to three with dots ("T.V."); empty unless the name has
// an initial and another word.
std::vector<std::string> InitialsVariants(std::string_view name);

}  // namespace actorgraph::core
