#include "lexicon.h"

#include <initializer_list>
#include <string>
#include <unordered_map>

#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using Table = std::unordered_map<std::string, uint32_t>;

void Add(Table& t, uint32_t cls, std::initializer_list<const char*> words) {
  for (const char* w : words) t[w] |= cls;
}

Table BuildTable() {
  Table t;
  Add(t, kTitleHead,
      {"president",
       "director",
       "director-general",
       "chairman",
       "chairwoman",
       "chair",
       "chairperson",
       "co-chair",
       "co-chairman",
       "ceo",
       "cfo",
       "coo",
       "cto",
       "cio",
       "cmo",
       "minister",
       "head",
       "secretary",
       "secretary-general",
       "manager",
       "officer",
       "founder",
       "co-founder",
       "member",
       "members",
       "engineer",
       "economist",
       "governor",
       "mayor",
       "ambassador",
       "commissioner",
       "chancellor",
       "premier",
       "representative",
       "adviser",
       "advisor",
       "dean",
       "professor",
       "spokesperson",
       "spokesman",
       "spokeswoman",
       "treasurer",
       "ministers",
       "directors",
       "presidents",
       "vice-president",
       "vice-chairman",
       "vice-minister",
       "partner",
       "leader",
       "coordinator",
       "rector",
       "envoy",
       "consul",
       "counsellor",
       "administrator",
       "superintendent",
       "executive",
       "md",
       "gm",
       "svp",
       "evp",
       "vp"});
  Add(t, kTitleModifier,
      {"vice",     "deputy",    "executive", "senior",        "chief",
       "general",  "managing",  "assistant", "associate",     "honorary",
       "acting",   "interim",   "first",     "permanent",     "party",
       "board",    "group",     "co",        "country",       "regional",
       "global",   "lead",      "principal", "special",       "standing",
       "under",    "state",     "prime",     "non-executive", "independent",
       "founding", "former",    "plant",     "division",      "department",
       "branch",   "area",      "zone",      "office",        "honourable",
       "program",  "programme", "project",   "sales",         "general-secretary"});
  Add(t, kTitleDomain,
      {"economy",       "economic",       "economics",      "finance",        "financial",
       "foreign",       "trade",          "commerce",       "industry",       "industrial",
       "energy",        "education",      "health",         "defence",        "defense",
       "interior",      "justice",        "labour",         "labor",          "transport",
       "agriculture",   "environment",    "culture",        "science",        "technology",
       "technical",     "digital",        "information",    "operating",      "operations",
       "marketing",     "supply",         "chain",          "strategy",       "innovation",
       "investment",    "research",       "development",    "communications", "human",
       "resources",     "legal",          "data",           "product",        "engineering",
       "manufacturing", "production",     "business",       "risk",           "procurement",
       "quality",       "sustainability", "transformation", "growth",         "commercial",
       "corporate",     "external",       "public",         "affairs",        "policy"});
  Add(t, kCompanySuffix,
      {"holding",         "technologies",   "motors",  "motor",     "airlines",      "electronics",
       "pharmaceuticals", "industries",     "works",   "factory",   "enterprises",   "automotive",
       "semiconductor",   "semiconductors", "systems", "solutions", "labs",          "energy",
       "chemicals",       "steel",          "telecom", "logistics", "manufacturing", "electric",
       "technology",      "mobility"});
  Add(t, kLegalSuffix | kCompanySuffix,
      {"company", "co",       "co.", "corp", "corp.", "corporation", "ltd",  "ltd.",
       "limited", "group",    "ag",  "se",   "gmbh",  "inc",         "inc.", "llc",
       "plc",     "holdings", "sa",  "s.a.", "spa",   "s.p.a.",      "nv",   "n.v.",
       "bv",      "kg",       "pte", "pty",  "oy",    "asa"});
  Add(t, kAgencyHead,
      {"ministry",    "federation",     "association", "organization", "organisation",
       "agency",      "commission",     "office",      "offices",      "institute",
       "university",  "chamber",        "council",     "centre",       "center",
       "bureau",      "department",     "division",    "branch",       "committee",
       "government",  "administration", "authority",   "network",      "foundation",
       "fund",        "programme",      "program",     "union",        "parliament",
       "secretariat", "team",           "hub",         "academy",      "college",
       "school",      "society",        "board",       "service",      "services",
       "unit",        "nations",        "politecnico", "alliance",     "consortium",
       "cluster",     "observatory",    "laboratory",  "directorate",  "municipality",
       "congress",    "senate",         "assembly",    "court",        "police",
       "army",        "navy",           "coalition",   "initiative",   "platform",
       "taskforce",   "confederation",  "league",      "bank"});
  Add(t, kEventHead,
      {"summit",     "conference", "forum",     "webinar",   "expo",        "exhibition",
       "fair",       "congress",   "roadshow",  "meeting",   "ceremony",    "day",
       "days",       "symposium",  "workshop",  "seminar",   "festival",    "week",
       "show",       "dialogue",   "session",   "awards",    "convention",  "hackathon",
       "roundtable", "retreat",    "games",     "olympics",  "conclave",    "colloquium",
       "expo's",     "trade-fair", "tradeshow", "challenge", "competition", "exposition",
       "salon",      "biennale",   "meetup",    "launch"});
  Add(t, kConnector,
      {"of",  "for", "and", "&",  "de",  "di", "du",  "der", "la", "le",  "von", "van",
       "bin", "al",  "the", "on", "des", "da", "del", "y",   "e",  "al-", "el",  "under"});
  Add(t, kHonorific, {"mr",   "mr.",    "ms",   "ms.",   "mrs",        "mrs.",    "dr",   "dr.",
                      "h.e.", "h.e",    "prof", "prof.", "eng.",       "sir",     "dame", "madam",
                      "hon.", "sheikh", "his",  "her",   "excellency", "highness"});
  Add(t, kFunction, {"the",          "a",
                     "an",           "this",
                     "that",         "these",
                     "those",        "it",
                     "its",          "he",
                     "she",          "his",
                     "her",          "they",
                     "their",        "we",
                     "our",          "i",
                     "you",          "in",
                     "on",           "at",
                     "by",           "for",
                     "from",         "to",
                     "with",         "of",
                     "and",          "but",
                     "or",           "as",
                     "after",        "before",
                     "during",       "while",
                     "when",         "where",
                     "since",        "until",
                     "ahead",        "according",
                     "also",         "meanwhile",
                     "however",      "moreover",
                     "furthermore",  "speaking",
                     "thanking",     "drawing",
                     "under",        "over",
                     "among",        "amongst",
                     "between",      "about",
                     "against",      "through",
                     "within",       "without",
                     "both",         "each",
                     "every",        "all",
                     "some",         "many",
                     "most",         "more",
                     "other",        "another",
                     "such",         "no",
                     "not",          "only",
                     "if",           "then",
                     "there",        "here",
                     "what",         "which",
                     "who",          "whom",
                     "whose",        "how",
                     "why",          "today",
                     "yesterday",    "tomorrow",
                     "last",         "next",
                     "new",          "click",
                     "read",         "see",
                     "follow",       "share",
                     "like",         "related",
                     "source",       "photo",
                     "updated",      "posted",
                     "published",    "date",
                     "tags",         "home",
                     "news",         "contact",
                     "more",         "is",
                     "was",          "are",
                     "were",         "will",
                     "has",          "have",
                     "had",          "be",
                     "been",         "can",
                     "could",        "would",
                     "should",       "may",
                     "might",        "must",
                     "do",           "does",
                     "did",          "said",
                     "says",         "so",
                     "thus",         "therefore",
                     "again",        "once",
                     "just",         "even",
                     "still",        "yet",
                     "already",      "now",
                     "recent",       "recently",
                     "currently",    "together",
                     "additionally", "finally",
                     "firstly",      "secondly",
                     "lastly",       "overall",
                     "indeed",       "public",
                     "established",  "founded",
                     "located",      "headquartered",
                     "based",        "co-hosted",
                     "hosted",       "organised",
                     "organized",    "jointly",
                     "chaired",      "moderated",
                     "built",        "specific",
                     "any",          "several",
                     "it's",         "dear",
                     "welcome",      "thanks",
                     "please",       "see"});
  Add(t, kCalendar,
      {"january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
       "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
       "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
       "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"});
  Add(t, kEventPart,
      {"opening", "closing", "plenary", "panel", "breakout", "parallel", "high-level",
       "ministerial", "inaugural", "award", "signing", "welcome", "gala", "keynote", "final",
       "second", "third", "last"});
  Add(t, kLocationHead, {"province", "county",     "district", "zone",         "zones",   "park",
                         "city",     "prefecture", "region",   "municipality", "oblast",  "krai",
                         "canton",   "emirate",    "island",   "islands",      "valley",  "delta",
                         "bay",      "area",       "village",  "town",         "township"});
  Add(t, kGeneric,
      {"covid-19",   "covid",        "ai",           "internet",    "industry",  "revolution",
       "eu",         "ceo",          "gdp",          "ict",         "sme",       "smes",
       "iot",        "esg",          "r&d",          "ev",          "evs",       "lcd",
       "5g",         "4g",           "4ir",          "usd",         "rmb",       "yuan",
       "euros",      "euro",         "dollars",      "oems",        "oem",       "ipo",
       "government", "ministry",     "department",   "group",       "company",   "committee",
       "network",    "organization", "organisation", "summit",      "forum",     "conference",
       "webinar",    "meeting",      "event",        "centre",      "center",    "board",
       "council",    "state",        "party",        "chair",       "fourth",    "pandemic",
       "agenda",     "revolution",   "lighthouse",   "lighthouses", "report",    "award",
       "awards",     "press",        "release",      "website",     "click",     "here",
       "view",       "email",        "europe",       "asia",        "africa",    "americas",
       "oceania",    "antarctica",   "eurasia",      "arctic",      "mideast",   "gulf",
       "balkans",    "scandinavia",  "caribbean",    "operation",   "operations"});
  return t;
}

const Table& Words() {
  static const Table table = BuildTable();
  return table;
}

bool StartsWithAny(std::string_view w, std::initializer_list<std::string_view> stems) {
  for (std::string_view s : stems)
    if (w.substr(0, s.size()) == s) return true;
  return false;
}

}  // namespace

uint32_t ClassesOf(std::string_view word) {
  const Table& t = Words();
  auto it = t.find(Lower(word));
  return it == t.end() ? 0 : it->second;
}

bool IsCue(std::string_view w, Cue cue) {
  switch (cue) {
    case Cue::kSpeech:
      return StartsWithAny(
          w, {"said",        "says",     "noted",     "stressed",  "opened",    "delivered",
              "keynote",     "speech",   "speak",     "spoke",     "remarks",   "addressed",
              "highlighted", "observed", "emphasi",   "underlin",  "underscor", "explained",
              "added",       "pointed",  "presented", "welcomed",  "featur",    "panel",
              "speaker",     "shared",   "told",      "concluded", "insights",  "presentation",
              "statement",   "address"});
    case Cue::kModerate:
      return StartsWithAny(w, {"moderat", "chaired", "presided", "facilitat"});
    case Cue::kOrganize:
      return StartsWithAny(
          w, {"host", "co-host", "organis", "organiz", "co-organi", "convene", "collaboration",
              "sponsor", "co-sponsor", "held", "hold", "jointly", "gathering", "launched"});
    case Cue::kPartner:
      return StartsWithAny(w, {"agreement", "mou", "memorandum", "partnership", "partners",
                               "venture", "alliance", "contract", "deal"});
    case Cue::kPartOf:
      return StartsWithAny(
          w, {"subsidiary", "subsidiaries", "unit", "division", "branch", "office", "part",
              "affiliate", "arm", "member", "project", "department", "agency", "offices"});
    case Cue::kPlace:
      return StartsWithAny(
          w, {"held",        "based",  "headquarter", "located", "situated", "settled",
              "inaugurated", "opened", "plant",       "factory", "facility", "site",
              "operations",  "home",   "convened",    "complex", "hosted",   "took",
              "taking",      "place",  "operat"});
    case Cue::kAppoint:
      return StartsWithAny(w, {"appoint", "named", "elected", "served", "serves", "serving",
                               "promoted", "became", "joined", "succeed", "nominated"});
  }
  return false;
}

}  // namespace actorgraph::importers::extract
