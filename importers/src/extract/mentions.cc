#include "mentions.h"

#include <algorithm>
#include <unordered_set>

#include "gazetteer.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using core::NodeType;
using Tokens = std::vector<Token>;

constexpr uint32_t kTitleWord = kTitleHead | kTitleModifier | kTitleDomain;
constexpr uint32_t kOrgHead = kLegalSuffix | kAgencyHead | kEventHead;
constexpr uint32_t kAnyHead = kOrgHead | kCompanySuffix;

std::string SurfaceOf(const Tokens& toks, uint32_t first, uint32_t last) {
  std::string out;
  for (uint32_t i = first; i < last; ++i) {
    const Token& t = toks[i];
    bool glue =
        i > first && (t.kind == TokenKind::kPossessive || t.Is(",") || t.Is(")") || t.Is(".") ||
                      t.Is(":") || t.Is("?") || t.Is("!") || t.Is(";") || toks[i - 1].Is("("));
    if (i > first && !glue) out += ' ';
    out += t.text;
  }
  return Normalize(out);
}

// Plural acronyms ("CEOs", "OEMs") and amounts ("US$20") are not name words.
bool IsNameWord(std::string_view w) {
  if (w.find('$') != std::string_view::npos) return false;
  return !(w.size() >= 3 && w.back() == 's' && IsAllUpper(w.substr(0, w.size() - 1)));
}

bool IsCapWord(const Token& t) {
  // ("GM AND SAIC SIGN DEAL": function words of an all-caps headline are no name words.)
  if (t.all_upper && t.text.size() <= 4 && (t.cls & kFunction) && !(t.cls & kLegalSuffix))
    return false;
  return t.IsWord() && (t.upper || t.all_upper || (t.text[0] == '#' && t.text.size() > 2)) &&
         IsNameWord(t.text);
}

uint32_t TitleClasses(std::string_view w) {
  uint32_t c = ClassesOf(w) & kTitleWord;
  if (c) return c;
  size_t dash = w.rfind('-');
  if (dash != std::string_view::npos && dash + 1 < w.size())
    return ClassesOf(w.substr(dash + 1)) & kTitleWord;
  return 0;
}

// Title heads the press also writes in lower case ("president of", "chairwoman Maria Rossi").
bool IsLowerTitleHead(std::string_view w) {
  static const std::unordered_set<std::string> kLower = {
      "president", "chairman", "chairwoman",       "director",       "director-general",
      "ceo",       "minister", "secretary",        "manager",        "governor",
      "mayor",     "founder",  "co-founder",       "vice-president", "officer",
      "co-chair",  "chair",    "secretary-general"};
  return kLower.count(Lower(w)) > 0;
}

bool IsYearOrOrdinal(const Token& t) {
  if (!t.digit) return false;
  std::string_view w = t.text;
  size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  std::string rest = Lower(w.substr(d));
  if (rest.empty()) return d == 4;
  return d <= 3 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
}

bool PersonLike(const Gazetteer& g, const Tokens& t, uint32_t b, uint32_t e) {
  uint32_t n = e - b;
  if (n < 2 || n > 5) return false;
  for (uint32_t i = b; i < e; ++i) {
    if (!t[i].IsWord()) return false;
    if (t[i].cls & (kAnyHead | kLocationHead)) return false;
  }
  if (g.IsPlace(t[b].text) && !g.IsFamilyName(t[b].text)) return false;
  if (g.IsGivenName(t[b].text)) return true;
  if (n <= 3 && g.IsFamilyName(t[b].text) && !t[b + 1].all_upper) return true;
  if (n == 2 && g.IsFamilyName(t[e - 1].text) && !t[b].all_upper) return true;
  return false;
}

// Roles: runs of title words that end in a title head.
std::vector<Role> FindRoles(const Sentence& s, std::vector<bool>& in_role) {
  const Tokens& t = s.tokens;
  const uint32_t n = static_cast<uint32_t>(t.size());
  std::vector<Role> roles;
  auto title_word = [&](uint32_t i, bool cap) {
    return i < n && t[i].IsWord() && t[i].upper == cap && (TitleClasses(t[i].text) != 0);
  };
  uint32_t i = 0;
  while (i < n) {
    if (!t[i].IsWord() || !TitleClasses(t[i].text)) {
      ++i;
      continue;
    }
    const bool cap = t[i].upper;
    uint32_t j = i, last_head = n;
    while (true) {
      if (title_word(j, cap)) {
        bool head =
            (TitleClasses(t[j].text) & kTitleHead) && (cap ? true : IsLowerTitleHead(t[j].text));
        if (head) last_head = j;
        ++j;
        continue;
      }
      // "Chairman and CEO", "Energy and Transport Minister".
      if (cap && j > i && j + 1 < n && (t[j].Is("and") || t[j].Is("&")) && title_word(j + 1, cap)) {
        ++j;
        continue;
      }
      // "Member of the Regional Board": membership bodies belong to the title.
      if (cap && last_head == j - 1 && j + 2 < n && t[j].Is("of") && t[j + 1].Is("the") &&
          Lower(t[j - 1].text).rfind("member", 0) == 0) {
        uint32_t k = j + 2;
        // ("the Regional Board", "the Supervisory Council": a body one is a member of)
        auto body = [&](uint32_t x) { return (t[x].cls & kAgencyHead) || t[x].Is("Group"); };
        while (k < n && IsCapWord(t[k]) && !body(k)) ++k;
        if (k < n && IsCapWord(t[k]) && body(k) && k + 1 < n &&
            (t[k + 1].Is("of") || t[k + 1].Is("and"))) {
          j = k + 1;
          last_head = k;
          continue;
        }
      }
      break;
    }
    if (last_head == n) {
      i = j;
      continue;
    }
    // Leading domain words stay only when no modifier or other head follows them
    // ("Finance Minister"), not in "Technology Executive Vice President".
    uint32_t b = i;
    while (b < last_head &&
           (TitleClasses(t[b].text) == kTitleDomain || t[b].Is("and") || t[b].Is("&"))) {
      uint32_t k = b;
      while (k < last_head && (TitleClasses(t[k].text) == kTitleDomain || t[k].Is("and"))) ++k;
      if (k == last_head) break;
      ++b;
    }
    // "of the Regional Board and Vice Minister": words before an inner "and" without a title
    // head of their own are not part of this title.
    for (uint32_t k = b; k < last_head; ++k) {
      if (!(t[k].Is("and") || t[k].Is("&"))) continue;
      // ("Vice Energy and Transport Minister": a domain word after "and" continues it.)
      if (TitleClasses(t[k + 1].text) == kTitleDomain) continue;
      bool head = false;
      for (uint32_t h = b; h < k; ++h) head |= (TitleClasses(t[h].text) & kTitleHead) != 0;
      if (!head) b = k + 1;
    }
    uint32_t e = last_head + 1;
    if (e < n && t[e].Is("General") && cap) ++e;  // Secretary General, Director General
    // "Minister for Foreign Trade": a portfolio, not an organisation.
    if (cap && e + 1 < n && t[e].Is("for") && IsCapWord(t[e + 1])) {
      uint32_t k = e + 1;
      while (k < n && IsCapWord(t[k]) && !(t[k].cls & kAnyHead)) ++k;
      if (k == n || !IsCapWord(t[k])) e = k;
    }
    if (!cap) {  // lower-case: only modifiers and the head ("plant director", "president")
      b = last_head;
      while (b > i && (TitleClasses(t[b - 1].text) & kTitleModifier)) --b;
    }
    Role r;
    r.first = b;
    r.last = e;
    r.text = Surface(s, b, e);
    for (uint32_t k = b; k < e; ++k) in_role[k] = true;
    roles.push_back(std::move(r));
    i = e;
  }
  return roles;
}

bool IsContinent(std::string_view w) {
  static const std::unordered_set<std::string> kContinents = {"europe",   "asia",    "africa",
                                                              "americas", "oceania", "eurasia"};
  return kContinents.count(Lower(w)) > 0;
}

bool IsConnector(const Token& t) {
  return t.Is("&") || (t.IsWord() && !t.upper && (t.cls & kConnector));
}

// The head token of a chunk: the last word before its first "of"/"for", or its last word.
uint32_t HeadOf(const Gazetteer& g, const Tokens& t, uint32_t b, uint32_t e) {
  for (uint32_t i = b + 1; i < e; ++i)
    if (t[i].Is("of") || t[i].Is("for") || t[i].Is("on") || t[i].Is("di") || t[i].Is("de") ||
        t[i].Is("des") || t[i].Is("du"))
      return i - 1;
  uint32_t h = e - 1;
  // A trailing place ("NIRA TTO Oslo") is not the head, but a head word that is also
  // some region's name ("Centre") is.
  while (h > b && (t[h].digit || t[h].Is(")") || (g.IsPlace(t[h].text) && !(t[h].cls & kAnyHead))))
    --h;
  return h;
}

bool HasHeadIn(const Tokens& t, uint32_t b, uint32_t e, uint32_t cls) {
  for (uint32_t i = b; i < e; ++i)
    if (t[i].IsWord() && t[i].upper && (t[i].cls & cls)) return true;
  return false;
}

// Capitalised run after position j (inclusive): its end.
uint32_t CapRun(const Tokens& t, uint32_t j, const std::vector<bool>& in_role) {
  while (j < t.size() && IsCapWord(t[j]) && !in_role[j]) ++j;
  return j;
}

// Whether "and" at position a (joining [b, a) and what follows) is inside one name.
bool AndJoins(const Gazetteer& g, const Tokens& t, uint32_t b, uint32_t a,
              const std::vector<bool>& in_role) {
  if (a + 1 >= t.size() || !IsCapWord(t[a + 1]) || in_role[a + 1]) return false;
  uint32_t r_end = CapRun(t, a + 1, in_role);
  if (r_end - (a + 1) > 5) return false;
  if (t[a].Is("&") && (t[a + 1].cls & kLegalSuffix)) return true;  // "McKinsey & Company"
  if (t[a + 1].cls & kOrgHead) return false;                       // "... and Ministry of ..."
  if (t[a].Is("&")) return true;
  uint32_t phrase = b;
  bool of_phrase = false;
  for (uint32_t i = b; i < a; ++i)
    if (t[i].Is("of") || t[i].Is("for")) {
      phrase = i + 1;
      of_phrase = true;
    }
  if (a - b == 1 && t[b].all_upper) return false;
  if (PersonLike(g, t, b, a) || PersonLike(g, t, a + 1, r_end)) return false;
  if (g.IsPlace(SurfaceOf(t, b, a))) return false;
  bool right_head = HasHeadIn(t, a + 1, r_end, kAnyHead);
  if (of_phrase) return r_end - (a + 1) <= 3 || right_head;
  return !HasHeadIn(t, phrase, a, kOrgHead) && right_head;
}

// "Department of Energy, Transport and Housing": a comma list inside one name.
uint32_t CommaListEnd(const Tokens& t, uint32_t b, uint32_t c, const std::vector<bool>& in_role) {
  uint32_t j = c;
  while (j + 2 < t.size() && t[j].Is(",") && IsCapWord(t[j + 1]) && !in_role[j + 1] &&
         !(t[j + 1].cls & kOrgHead)) {
    uint32_t k = CapRun(t, j + 1, in_role);
    if (k - (j + 1) > 3 || k >= t.size() || !(t[k].Is(",") || t[k].Is("and"))) break;
    j = k;
  }
  if (j == c || !t[j].Is("and") || j + 1 >= t.size() || !IsCapWord(t[j + 1])) return c;
  uint32_t r_end = CapRun(t, j + 1, in_role);
  bool of_phrase = false;
  for (uint32_t i = b; i < c; ++i) of_phrase |= t[i].Is("of");
  bool right_head = HasHeadIn(t, r_end - 1, r_end, kAgencyHead | kCompanySuffix);
  if ((of_phrase && r_end - (j + 1) <= 3) || right_head) return r_end;
  return c;
}

// Whether `of`/`for`/`on` at position c continues the name [b, c).
bool PrepositionJoins(const Tokens& t, uint32_t b, uint32_t c) {
  const Token& last = t[c - 1];
  uint32_t cls = ClassesOf(last.text);
  uint32_t nx = c + 1 < t.size() && t[c + 1].Is("the") ? c + 2 : c + 1;
  if (nx >= t.size() || (t[nx].cls & kCalendar)) return false;
  // "Centre of the NIRA TTO Oslo", "Department of the Kelmar Republic's Ministry":
  // the words after "of" name another actor.
  uint32_t run = nx;
  while (run < t.size() && (IsCapWord(t[run]) || IsConnector(t[run]))) ++run;
  // "The Closing Day of the X Summit", "the Opening Ceremony of the X Forum": a part of an
  // event is not part of its name.
  if (t[c].Is("of") && (cls & kEventHead) && c - b >= 2) {
    bool part = true;
    for (uint32_t k = b; k + 1 < c; ++k) part &= (t[k].cls & (kEventPart | kFunction)) != 0;
    if (part) return false;
  }
  // "Harlow & Company for the Kelmar Institute": after a legal suffix, "for the" leads to
  // another actor when that one has its own head.
  if (t[c].Is("for") && (cls & kLegalSuffix) && run > nx && (t[run - 1].cls & kOrgHead))
    return false;
  if (t[c].Is("of") &&
      (t[nx].all_upper || (run < t.size() && t[run].kind == TokenKind::kPossessive)))
    return false;
  if (t[c].Is("on")) return (cls & kEventHead) != 0;
  // "Research Bureau under the Government of X": a body attached to a government.
  if (t[c].Is("under")) return (cls & kAgencyHead) && t[nx].upper && (t[nx].cls & kAgencyHead);
  if (t[c].Is("for")) return (cls & (kAgencyHead | kEventHead | kCompanySuffix)) != 0;
  if (!t[c].Is("of")) return true;
  static const std::unordered_set<std::string> kOfNouns = {"state",   "republic", "kingdom",
                                                           "emirate", "bank",     "city"};
  return HasHeadIn(t, b, c, kAnyHead) || kOfNouns.count(Lower(last.text));
}

// Anaphoric nouns: "the webinar" -> an event, "the company" -> a company.
std::optional<NodeType> AnaphorType(std::string_view word) {
  static const std::unordered_set<std::string> kEvent = {
      "webinar",    "summit",   "forum",     "conference", "event",
      "meeting",    "session",  "symposium", "fair",       "expo",
      "exhibition", "workshop", "seminar",   "congress",   "roadshow"};
  static const std::unordered_set<std::string> kCompany = {
      "company", "firm", "group", "corporation", "carmaker", "automaker", "manufacturer"};
  static const std::unordered_set<std::string> kAgency = {
      "ministry", "organization", "organisation", "network", "foundation", "centre",    "center",
      "agency",   "federation",   "association",  "office",  "institute",  "university"};
  std::string w = Lower(word);
  if (kEvent.count(w)) return NodeType::kEvent;
  if (kCompany.count(w)) return NodeType::kCompany;
  if (kAgency.count(w)) return NodeType::kAgency;
  return std::nullopt;
}

// Whether `acr` spells the initials of the capitalised words of [b, e) ("Norway (Bergen)
// International Robotics Expo" -> NBIRE), skipping connectors, ordinals and brackets.
bool SpellsInitials(const Tokens& t, uint32_t b, uint32_t e, std::string_view acr) {
  std::string initials;
  for (uint32_t i = b; i < e; ++i)
    if (t[i].IsWord() && t[i].upper) initials += t[i].text[0];
  std::string letters;
  for (char c : acr)
    if (c >= 'A' && c <= 'Z') letters += c;
  return letters.size() >= 2 && letters == initials;
}

// Types a chunk by its own words.
void TypeByWords(const Gazetteer& g, const Tokens& t, Mention& m) {
  const uint32_t b = m.first, e = m.last;
  if (g.IsPlace(m.text)) {
    m.type = NodeType::kLocation;
    m.evidence = Evidence::kHead;
    return;
  }
  if (t[b].text[0] == '#') {
    m.type = NodeType::kEvent;
    m.evidence = Evidence::kHead;
    return;
  }
  for (uint32_t i = b + 1; i < e; ++i) {
    if (t[i].IsWord() && (t[i].cls & kLegalSuffix)) {
      m.type = NodeType::kCompany;
      m.evidence = Evidence::kHead;
      return;
    }
  }
  uint32_t h = HeadOf(g, t, b, e);
  uint32_t cls = t[h].IsWord() ? t[h].cls : 0;
  // "Free State of Saxony", "State of Qatar": a state as an actor is its government.
  if (h + 1 < e && t[h].Is("State") && t[h + 1].Is("of")) {
    m.type = NodeType::kAgency;
    m.evidence = Evidence::kHead;
    return;
  }
  if (e - b >= 2 && (t[e - 1].cls & kLocationHead) && t[e - 1].upper) {
    m.type = NodeType::kLocation;
    m.evidence = Evidence::kHead;
  } else if (cls & kEventHead) {
    m.type = NodeType::kEvent;
    m.evidence = Evidence::kHead;
    bool generic = true;
    for (uint32_t i = b; i < h; ++i) generic &= (t[i].cls & (kEventPart | kFunction)) != 0;
    m.event_part = generic && h > b;
  } else if (cls & kAgencyHead) {
    m.type = NodeType::kAgency;
    m.evidence = Evidence::kHead;
  } else if ((cls & kCompanySuffix) && e - b >= 2) {
    m.type = NodeType::kCompany;
    m.evidence = Evidence::kHead;
  } else if (PersonLike(g, t, b, e)) {
    m.type = NodeType::kPerson;
    m.evidence = Evidence::kHead;
  }
  if (e - b == 1 && (cls & kOrgHead)) m.anaphor = true;  // a bare "Summit", "Ministry"
}

}  // namespace

bool IsTitleHead(std::string_view word) { return (TitleClasses(word) & kTitleHead) != 0; }

std::string Surface(const Sentence& s, uint32_t first, uint32_t last) {
  return SurfaceOf(s.tokens, first, last);
}

SentenceMentions FindMentions(const Sentence& s, const Gazetteer& g) {
  SentenceMentions out;
  const Tokens& t = s.tokens;
  const uint32_t n = static_cast<uint32_t>(t.size());
  std::vector<bool> in_role(n, false);
  out.roles = FindRoles(s, in_role);

  // Quoted event titles: 'a webinar on "Beyond the Pilot: What ...?"'.
  std::vector<bool> quoted_title(n, false);
  for (uint32_t i = 0; i < n; ++i) {
    if (!(t[i].Is("\xE2\x80\x9C") || t[i].Is("\""))) continue;
    uint32_t close = i + 1;
    while (close < n && !(t[close].Is("\xE2\x80\x9D") || t[close].Is("\""))) ++close;
    if (close >= n || close - i < 4) continue;
    bool after_event_noun = false;
    for (uint32_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
      if (t[k].IsWord() && !t[k].upper && AnaphorType(t[k].text) == NodeType::kEvent)
        after_event_noun = true;
    if (!after_event_noun || !IsCapWord(t[i + 1])) continue;
    uint32_t end = close;
    while (end > i + 1 && (t[end - 1].Is(".") || t[end - 1].Is(","))) --end;
    Mention m;
    m.first = i + 1;
    m.last = end;
    m.text = Surface(s, i + 1, end);
    m.type = NodeType::kEvent;
    m.evidence = Evidence::kHead;
    for (uint32_t k = i + 1; k < end; ++k)
      if (t[k].Is(":")) m.short_title = Surface(s, i + 1, k);
    for (uint32_t k = i; k <= close; ++k) quoted_title[k] = true;
    out.mentions.push_back(std::move(m));
  }

  for (uint32_t i = 0; i < n; ++i) {
    if (in_role[i] || quoted_title[i]) continue;
    // Anaphors: "the webinar", "this event", "the company".
    auto determiner = [&](uint32_t k) {
      return t[k].Is("the") || t[k].Is("The") || t[k].Is("this") || t[k].Is("This");
    };
    // "the webinar", "this event", "the virtual session" (one describing word between).
    if (t[i].IsWord() && !t[i].upper && i > 0 &&
        (determiner(i - 1) || t[i - 1].kind == TokenKind::kPossessive ||
         (i > 1 && determiner(i - 2) && t[i - 1].IsWord() && !t[i - 1].upper &&
          !(t[i - 1].cls & kFunction) && !AnaphorType(t[i - 1].text)))) {
      if (auto type = AnaphorType(t[i].text)) {
        Mention m;
        m.first = i;
        m.last = i + 1;
        m.text = std::string(t[i].text);
        m.type = *type;
        m.anaphor = true;
        out.mentions.push_back(std::move(m));
        continue;
      }
    }
    bool start_digit = IsYearOrOrdinal(t[i]) && i + 1 < n && IsCapWord(t[i + 1]) && !in_role[i + 1];
    if (!(IsCapWord(t[i]) || start_digit) || (t[i].cls & kHonorific)) continue;
    uint32_t b = i, e = i + 1;
    while (e < n) {
      const Token& x = t[e];
      if (in_role[e] || quoted_title[e]) break;
      if (IsCapWord(x) && !(ClassesOf(x.text) & kHonorific)) {
        ++e;
        continue;
      }
      if (IsYearOrOrdinal(x) && x.text.size() == 4 &&
          (HasHeadIn(t, e - 1, e, kEventHead) || t[e - 1].all_upper)) {
        ++e;
        continue;
      }
      if (IsConnector(x) && e + 1 < n) {
        uint32_t nx = e + 1;
        if (t[nx].Is("the") && nx + 1 < n && !x.Is("the")) ++nx;
        if (!IsCapWord(t[nx]) || in_role[nx] || quoted_title[nx]) break;
        if (x.Is("and") || x.Is("&")) {
          if (!AndJoins(g, t, b, e, in_role)) break;
        } else if (!PrepositionJoins(t, b, e)) {
          break;
        }
        e = nx + 1;
        continue;
      }
      if (x.Is(",") && e + 1 < n) {
        std::string w = Lower(t[e + 1].text);
        if (w == "ltd." || w == "ltd" || w == "inc." || w == "inc" || w == "llc") {
          e += 2;
          continue;
        }
        uint32_t c = CommaListEnd(t, b, e, in_role);
        if (c != e) {
          e = c;
          continue;
        }
        break;
      }
      // "Norway (Bergen) International Robotics Expo": a bracketed word inside a name.
      if (x.Is("(") && e + 3 < n && IsCapWord(t[e + 1]) && t[e + 2].Is(")") &&
          IsCapWord(t[e + 3]) && !in_role[e + 3] && !t[e + 1].all_upper) {
        e += 4;
        continue;
      }
      if (x.kind == TokenKind::kPossessive && t[e - 1].Is("People") && e + 1 < n &&
          IsCapWord(t[e + 1])) {
        e += 2;
        continue;
      }
      break;
    }
    // Trim: leading function and calendar words, demonyms before a non-head, trailing
    // connectors.
    while (b < e && t[b].IsWord() && (t[b].cls & (kFunction | kCalendar)) &&
           !g.IsPlace(Surface(s, b, e)))
      ++b;
    // ("Danish Kestrel", "Swiss Valtura": a demonym with one more word can be the name.)
    bool demonym_name = e - b == 2 && !TitleClasses(t[b + 1].text) &&
                        !g.IsGivenName(t[b + 1].text) && !g.IsFamilyName(t[b + 1].text) &&
                        !(t[b + 1].cls & (kGeneric | kFunction | kCalendar)) &&
                        !g.IsPlace(t[b + 1].text);
    while (b + 1 < e && g.IsDemonym(t[b].text) && !g.IsPlace(Surface(s, b, e)) &&
           !(t[b + 1].cls & kOrgHead) && !demonym_name)
      ++b;
    while (e > b && (IsConnector(t[e - 1]) || t[e - 1].Is("(") || t[e - 1].Is(","))) --e;
    // "Oslo-based Institute ...": the place cue is not part of the name.
    while (b < e && Lower(t[b].text).ends_with("-based")) ++b;
    if (e > b && e - b == 1 && g.IsDemonym(t[b].text)) b = e;
    i = e > i ? e - 1 : i;
    if (b >= e) continue;

    Mention m;
    m.first = b;
    m.last = e;
    // "Lintao county", "Kelmar province": a lower-case place noun after a name.
    if (e < n && t[e].IsWord() && !t[e].upper && (t[e].cls & kLocationHead) && !t[e].Is("area") &&
        !t[e].Is("zone") && !t[e].Is("park")) {
      m.last = e + 1;
      m.type = NodeType::kLocation;
      m.evidence = Evidence::kHead;
      i = e;
    }
    m.text = Surface(s, m.first, m.last);
    if (!m.type) TypeByWords(g, t, m);
    // "Mayor of Hamburg Jonas BRANDT": a place written right before a person.
    for (uint32_t k = m.first + 1; !m.type && k + 1 < m.last; ++k) {
      if (g.IsPlace(Surface(s, m.first, k)) && PersonLike(g, t, k, m.last)) {
        Mention place;
        place.first = m.first;
        place.last = k;
        place.text = Surface(s, m.first, k);
        place.type = NodeType::kLocation;
        place.evidence = Evidence::kHead;
        out.mentions.push_back(std::move(place));
        m.first = k;
        m.text = Surface(s, k, m.last);
        m.type = NodeType::kPerson;
        m.evidence = Evidence::kHead;
      }
    }
    // "in Valbruna, Portugal": an unknown name followed by a known country or region.
    if (!m.type && m.first > 0 && (t[m.first - 1].Is("in") || t[m.first - 1].Is("at")) &&
        m.last + 1 < n && t[m.last].Is(",") && IsCapWord(t[m.last + 1]) &&
        g.IsPlace(t[m.last + 1].text)) {
      m.type = NodeType::kLocation;
      m.evidence = Evidence::kContext;
    }
    // Leading years belong to event names only ("2021 Alpine Robotics Forum").
    while (m.type != NodeType::kEvent && m.first < m.last && t[m.first].digit &&
           t[m.first].text.size() == 4)
      ++m.first;
    if (m.first >= m.last) continue;
    m.text = Surface(s, m.first, m.last);
    if (m.last - m.first == 1) {
      const Token& w = t[m.first];
      uint32_t cls = ClassesOf(w.text);
      if (!m.type && (cls & (kFunction | kCalendar | kGeneric | kTitleWord))) continue;
      // Units after numbers ("40 MWh") and adjectives ("Bavarian", "Maltese").
      if (!m.type && m.first > 0 && t[m.first - 1].digit) continue;
      // A time zone after a time: "09:30 - 11.00 (CET)".
      if (!m.type && m.first > 1 && t[m.first - 1].Is("(") && t[m.first - 2].digit) continue;
      std::string lw = Lower(w.text);
      if (!m.type && !w.all_upper &&
          (lw.ends_with("ian") || lw.ends_with("ese") || lw.ends_with("ish")))
        continue;
      if (m.type == NodeType::kEvent && !m.anaphor && !w.all_upper && (cls & kEventHead)) {
        m.anaphor = true;
      }
    }
    // A generic last word ends no name ("Industry"), except a continent after a name
    // ("Tarvo Europe": a regional unit).
    // ("president of Kestrel Global Operations": the employer of a title is a name.)
    bool employer =
        m.last - m.first >= 2 && m.first >= 2 && t[m.first - 1].Is("of") && in_role[m.first - 2];
    if (!m.type && HasHeadIn(t, m.last - 1, m.last, kGeneric) && !employer &&
        !(m.last - m.first >= 2 && IsContinent(t[m.last - 1].text)))
      continue;
    // Honorifics make a person: "Mr. Brandt", "H.E. Eng. Karim Al Nasser".
    if (m.first > 0 && (t[m.first - 1].cls & kHonorific) &&
        (!m.type || m.type == NodeType::kPerson)) {
      m.type = NodeType::kPerson;
      m.evidence = Evidence::kContext;
    }
    // "Name (ACR)": the acronym the article uses for the name.
    if (m.last + 2 < n && t[m.last].Is("(") && t[m.last + 2].Is(")") && t[m.last + 1].IsWord() &&
        (t[m.last + 1].all_upper || IsAllUpper(t[m.last + 1].text.substr(0, 2)))) {
      std::string_view acr = t[m.last + 1].text;
      if (Lower(acr.substr(0, 1)) == Lower(t[m.first].text.substr(0, 1)) ||
          Lower(acr.substr(0, 1)) == Lower(t[HeadOf(g, t, m.first, m.last)].text.substr(0, 1)) ||
          SpellsInitials(t, m.first, m.last, acr))
        m.acronym = std::string(acr);
    }
    // "The Nordic Industry Summit, NIS, said": an acronym in apposition that spells the
    // initials of the name.
    if (m.acronym.empty() && m.last + 2 < n && t[m.last].Is(",") && t[m.last + 1].all_upper &&
        (t[m.last + 2].Is(",") || t[m.last + 2].Is(".")) &&
        SpellsInitials(t, m.first, m.last, t[m.last + 1].text))
      m.acronym = std::string(t[m.last + 1].text);
    out.mentions.push_back(std::move(m));
  }
  // Keep text order (quoted titles were added first).
  std::sort(out.mentions.begin(), out.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first < b.first; });
  return out;
}

}  // namespace actorgraph::importers::extract
