#include "relations.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "actorgraph/core/names.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using core::EdgeType;
using core::NodeType;

// One sentence with its resolved mentions, and helpers to look around a position.
struct View {
  const Sentence& s;
  const SentenceMentions& sm;
  const std::vector<core::EntityFact>& entities;
  uint32_t n() const { return static_cast<uint32_t>(s.tokens.size()); }
  const Token& tok(uint32_t i) const { return s.tokens[i]; }
  bool is(uint32_t i, std::string_view w) const { return i < n() && s.tokens[i].Is(w); }
  std::string lower(uint32_t i) const { return i < n() ? Lower(s.tokens[i].text) : ""; }
  NodeType type(const Mention& m) const { return entities[m.entity].type; }
  // The resolved mention starting at / ending at token i.
  const Mention* starting(uint32_t i) const {
    for (const Mention& m : sm.mentions)
      if (m.first == i && m.entity >= 0) return &m;
    return nullptr;
  }
  const Mention* ending(uint32_t i) const {
    for (const Mention& m : sm.mentions)
      if (m.last == i && m.entity >= 0) return &m;
    return nullptr;
  }
  bool IsOrgLike(const Mention& m) const {
    NodeType t = type(m);
    return t == NodeType::kCompany || t == NodeType::kAgency || t == NodeType::kEvent;
  }
};

bool IsOrg(NodeType t) { return t == NodeType::kCompany || t == NodeType::kAgency; }

class Builder {
 public:
  Builder(std::vector<core::EntityFact>& entities) : entities_(entities) {}

  void Add(EdgeType type, int from, int to, const Sentence& s, double confidence,
           std::string title = "") {
    if (from < 0 || to < 0 || from == to) return;
    NodeType a = entities_[from].type, b = entities_[to].type;
    // An event-named organisation in an organisation's place becomes an agency.
    if (type == EdgeType::kWorksFor || type == EdgeType::kOrganizes ||
        type == EdgeType::kPartnersWith) {
      if (b == NodeType::kEvent && type != EdgeType::kOrganizes) retype_.insert(to);
      if (a == NodeType::kEvent && type != EdgeType::kWorksFor) retype_.insert(from);
      if (retype_.count(to)) b = NodeType::kAgency;
      if (retype_.count(from)) a = NodeType::kAgency;
    }
    // "the Nordic Factory Network, a Kelmar Institute project": an organisation
    // belongs to an organisation, never to an event.
    if (type == EdgeType::kPartOf && IsOrg(a) && b == NodeType::kEvent) {
      retype_.insert(to);
      b = NodeType::kAgency;
    }
    if (!core::EdgeAllowed(type, a, b)) return;
    if (core::IsSymmetric(type) && from > to) std::swap(from, to);
    auto key = std::make_tuple(static_cast<int>(type), from, to);
    if (!seen_.insert(key).second) return;
    core::RelationFact r;
    r.type = type;
    r.from = static_cast<size_t>(from);
    r.to = static_cast<size_t>(to);
    r.title = std::move(title);
    r.begin = s.begin;
    r.end = s.end;
    r.confidence = confidence;
    out_.push_back(std::move(r));
  }

  // Whether entity e was found to be an organisation named like an event ("NIS").
  bool Retyped(int e) const { return retype_.count(e) > 0; }

  std::vector<core::RelationFact> Finish(std::string_view text) {
    for (int e : retype_)
      if (entities_[e].type == NodeType::kEvent) entities_[e].type = NodeType::kAgency;
    for (auto& r : out_) r.sentence = std::string(text.substr(r.begin, r.end - r.begin));
    // Drop relations whose ends no longer fit after retyping.
    out_.erase(std::remove_if(out_.begin(), out_.end(),
                              [&](const core::RelationFact& r) {
                                return !core::EdgeAllowed(r.type, entities_[r.from].type,
                                                          entities_[r.to].type);
                              }),
               out_.end());
    return std::move(out_);
  }

 private:
  std::vector<core::EntityFact>& entities_;
  std::set<int> retype_;
  std::set<std::tuple<int, int, int>> seen_;
  std::vector<core::RelationFact> out_;
};

// ---- works-for ----------------------------------------------------------------------------

// The organisation a role belongs to, written after it: "of [the] ORG", ", ORG", "at ORG",
// with title words between commas appended to the title (", Global Procurement, Kestrel").
const Mention* OrgAfterRole(const View& v, const Role& r, std::string& title) {
  uint32_t i = r.last;
  // "president of the Polish committee of Tarvo": an unnamed unit of a named organisation.
  if (v.is(i, "of") && v.is(i + 1, "the") && !v.starting(i + 2)) {
    uint32_t k = i + 2;
    while (k < v.n() && k < i + 6 && v.tok(k).IsWord() && !v.is(k, "of") &&
           (!v.tok(k).upper || !v.starting(k)))
      ++k;
    if (v.is(k, "of") && k > i + 2)
      if (const Mention* m = v.starting(v.is(k + 1, "the") ? k + 2 : k + 1); m && IsOrg(v.type(*m)))
        return m;
  }
  if (v.is(i, "of") || v.is(i, "at") || v.is(i, ",")) {
    uint32_t j = i + 1;
    if (v.is(j, "the")) ++j;
    // "Director of UNIDO's Department of Trade": the department is the employer.
    if (const Mention* m = v.starting(j);
        m && !(v.is(i, ",") && v.is(m->last, ",") && v.starting(m->last + 1) &&
               v.IsOrgLike(*v.starting(m->last + 1)))) {
      if (m->last < v.n() && v.tok(m->last).kind == TokenKind::kPossessive)
        if (const Mention* inner = v.starting(m->last + 1))
          if (v.IsOrgLike(*inner)) return inner;
      if (v.IsOrgLike(*m)) return m;
      if (v.type(*m) == NodeType::kPerson) return nullptr;
    }
    if (v.is(i, ",")) {  // ", Global Procurement, Kestrel Technology"
      uint32_t k = j;
      while (k < v.n() && v.tok(k).IsWord() && v.tok(k).upper) ++k;
      if (k > j && k < v.n() && v.is(k, ",") && k - j <= 4)
        if (const Mention* m = v.starting(k + 1); m && v.IsOrgLike(*m)) {
          title += ", " + Surface(v.s, j, k);
          return m;
        }
    }
  }
  return nullptr;
}

// "Vice Energy Minister", "Minister of Finance and Trade": a minister's portfolio names the
// ministry; when the article names that ministry ("the Ministry of Energy", "Norwegian Ministry
// of Finance and Trade"), it is the employer.
int MinistryOfPortfolio(const View& v, const Role& r) {
  std::string head = v.lower(r.last - 1);
  if (head != "minister" && head != "ministers") return -1;
  std::string portfolio;
  auto add = [&](uint32_t k) {
    if (!portfolio.empty()) portfolio += ' ';
    portfolio += core::FoldName(v.tok(k).text);
  };
  // The words right before the head that are not themselves title words ("Vice [Energy and
  // Transport] Minister"; "Members of the Regional Board and Vice Ministers" has none).
  uint32_t from = r.last - 1;
  while (from > r.first && (v.is(from - 1, "and") ||
                            !(ClassesOf(v.tok(from - 1).text) & (kTitleModifier | kTitleHead))))
    --from;
  while (from < r.last - 1 && v.is(from, "and")) ++from;
  for (uint32_t k = from; k + 1 < r.last; ++k) add(k);
  if (portfolio.empty() && v.is(r.last, "of")) {
    uint32_t k = r.last + 1;
    while (k < v.n() && v.tok(k).IsWord() && (v.tok(k).upper || v.is(k, "and"))) add(k++);
  }
  if (portfolio.empty()) {
    // A bare "Vice Minister": the ministry, when the article names exactly one.
    int only = -1, count = 0;
    for (size_t e = 0; e < v.entities.size(); ++e) {
      if (v.entities[e].type != NodeType::kAgency) continue;
      std::string name = core::FoldName(v.entities[e].name);
      if (name.starts_with("ministry ") || name.find(" ministry of ") != std::string::npos) {
        only = static_cast<int>(e);
        ++count;
      }
    }
    return count == 1 ? only : -1;
  }
  const std::string want = "ministry of " + portfolio;
  for (size_t e = 0; e < v.entities.size(); ++e) {
    if (v.entities[e].type != NodeType::kAgency) continue;
    std::string name = core::FoldName(v.entities[e].name);
    if (name == want || (name.size() > want.size() &&
                         name.compare(name.size() - want.size(), want.size(), want) == 0 &&
                         name[name.size() - want.size() - 1] == ' '))
      return static_cast<int>(e);
  }
  return -1;
}

bool RoleStartingAt(const View& v, uint32_t i) {
  for (const Role& r : v.sm.roles)
    if (r.first == i) return true;
  return false;
}

const Mention* PersonBefore(const View& v, uint32_t i) {
  // "Name, Role" / "Name (Role"
  if (i >= 2 && (v.is(i - 1, ",") || v.is(i - 1, "(")))
    if (const Mention* m = v.ending(i - 1); m && v.type(*m) == NodeType::kPerson) return m;
  return nullptr;
}

void WorksFor(const View& v, Builder& b, int last_person, int last_org, int prev_org) {
  int prev_person = -1;
  for (size_t k = 0; k < v.sm.roles.size(); ++k) {
    const Role& r = v.sm.roles[k];
    std::string title = r.text;
    const Mention* org = OrgAfterRole(v, r, title);
    int person = -1;
    double conf = 0.8;
    const Mention* before = PersonBefore(v, r.first);
    // "Mayor of Riga Anna Ozola, Vice Trade Minister Ivo Kalns and ...": a person who already
    // has a title written before the name does not take the next one; the name after it does.
    if (before && v.starting(r.last) && v.type(*v.starting(r.last)) == NodeType::kPerson) {
      bool titled = false;
      uint32_t k = before->first;  // back over "of Hamburg" to the title
      while (k > 0 && (v.is(k - 1, "of") || v.is(k - 1, "the") ||
                       (v.ending(k) && v.type(*v.ending(k)) == NodeType::kLocation))) {
        if (const Mention* l = v.ending(k); l && v.type(*l) == NodeType::kLocation)
          k = l->first;
        else
          --k;
      }
      for (const Role& o : v.sm.roles) titled |= o.last == before->first || o.last == k;
      if (titled) before = nullptr;
    }
    int also = -1;  // "A and B, Vice Ministers": both hold the title
    if (const Mention* p = before) {
      person = p->entity;
      if (p->first >= 2 && v.is(p->first - 1, "and"))
        if (const Mention* a = v.ending(p->first - 1); a && v.type(*a) == NodeType::kPerson)
          also = a->entity;
    } else if (const Mention* p = v.starting(r.last); p && v.type(*p) == NodeType::kPerson) {
      person = p->entity;  // "Chairwoman Maria Rossi", "Kestrel CEO Jonas Brandt"
      if (!org && r.first > 0) {
        uint32_t e = r.first;
        if (e > 3 && v.is(e - 1, ")") && v.is(e - 3, "(")) e -= 3;  // "Kestrel Motor (KM) Chairman"
        const Mention* before = v.ending(e);
        if (!before && e > 1 && v.tok(e - 1).kind == TokenKind::kPossessive)
          before = v.ending(e - 1);
        if (before && v.IsOrgLike(*before)) org = before;
      }
    } else if (const Mention* p = v.is(r.last, ",") ? v.starting(r.last + 1) : nullptr;
               p && v.type(*p) == NodeType::kPerson && !org && r.first > 0 &&
               (r.first == 1 || !v.is(r.first - 2, ",")) && v.ending(r.first) &&
               v.IsOrgLike(*v.ending(r.first))) {
      // "Tarvo Chair, Jan Berg, opened ...": the organisation written before the title.
      person = p->entity;
      org = v.ending(r.first);
    } else if (org) {
      // "The President of the Kelmar Robotics Foundation, Maria Rossi"
      if (v.is(org->last, ","))
        if (const Mention* p = v.starting(org->last + 1); p && v.type(*p) == NodeType::kPerson)
          if (!(v.is(p->last, ",") && RoleStartingAt(v, p->last + 1)))  // not its own title
            person = p->entity;
    }
    // "... and Director of X": the same person holds a second post.
    if (person < 0 && r.first > 0 && v.is(r.first - 1, "and") && prev_person >= 0)
      person = prev_person;
    // "named her as CFO", "joined X as the sales director".
    uint32_t a = r.first;
    while (a > 0 && (v.is(a - 1, "the") || v.is(a - 1, "an") || v.is(a - 1, "a"))) --a;
    if (a > 0 && v.is(a - 1, "as")) {
      conf = 0.6;
      if (person < 0) {
        for (uint32_t j = a - 1; j > 0 && a - j < 12 && person < 0; --j) {
          if (const Mention* p = v.ending(j); p && v.type(*p) == NodeType::kPerson)
            person = p->entity;
          std::string w = v.lower(j - 1);
          if (w == "him" || w == "her" || w == "he" || w == "she") person = last_person;
        }
        if (person < 0 && (v.lower(0) == "he" || v.lower(0) == "she")) person = last_person;
      }
      if (!org) {
        for (const Mention& m : v.sm.mentions)
          if (m.entity >= 0 && m.last <= r.first && IsOrg(v.type(m))) org = &m;
        if (!org && last_org >= 0 && person >= 0) {
          b.Add(EdgeType::kWorksFor, person, last_org, v.s, 0.4, title);
          prev_person = person;
          continue;
        }
      }
    }
    if (person >= 0 && org) b.Add(EdgeType::kWorksFor, person, org->entity, v.s, conf, title);
    if (also >= 0 && org) b.Add(EdgeType::kWorksFor, also, org->entity, v.s, conf, title);
    if (person >= 0 && !org) {
      int ministry = MinistryOfPortfolio(v, r);
      if (ministry >= 0) b.Add(EdgeType::kWorksFor, person, ministry, v.s, 0.5, title);
      if (ministry >= 0 && also >= 0) b.Add(EdgeType::kWorksFor, also, ministry, v.s, 0.5, title);
      // "Kestrel remains upbeat. Chairwoman Maria Rossi stresses ...": a capitalised title
      // right before the name, no organisation in the sentence before it: the organisation
      // the previous sentence of the paragraph was about.
      bool org_before = false;
      for (const Mention& m : v.sm.mentions)
        org_before |= m.entity >= 0 && m.last <= r.first && IsOrg(v.type(m));
      if (ministry < 0 && prev_org >= 0 && !org_before && v.tok(r.first).upper &&
          v.starting(r.last) && v.starting(r.last)->entity == person)
        b.Add(EdgeType::kWorksFor, person, prev_org, v.s, 0.4, title);
    }
    if (person >= 0) prev_person = person;
  }
}

// ---- cues -------------------------------------------------------------------------------

// Index of the first token that is a cue of `cue`, or n.
uint32_t FindCue(const View& v, Cue cue, uint32_t from = 0) {
  for (uint32_t i = from; i < v.n(); ++i)
    if (v.tok(i).IsWord() && !v.tok(i).upper && IsCue(v.lower(i), cue)) return i;
  return v.n();
}

// Organisations named as employers in this sentence's appositions are not hosts.
std::set<int> EmployerMentions(const View& v) {
  std::set<int> out;
  for (const Role& r : v.sm.roles) {
    std::string t;
    if (const Mention* m = OrgAfterRole(v, r, t)) out.insert(static_cast<int>(m->first));
    if (const Mention* m = v.ending(r.first); m && v.starting(r.last)) out.insert(m->first);
  }
  return out;
}

// Organisations coordinated in a list that starts at token i: "A, its B, the C and D".
std::vector<const Mention*> OrgList(const View& v, uint32_t i) {
  std::vector<const Mention*> out;
  while (i < v.n()) {
    if (v.is(i, ",") || v.is(i, "and") || v.is(i, "&") || v.is(i, "the") || v.is(i, "its") ||
        v.is(i, "their") || v.is(i, "both") || v.is(i, "such") || v.is(i, "as") ||
        v.is(i, "various") || v.is(i, "partners")) {
      ++i;
      continue;
    }
    const Mention* m = v.starting(i);
    if (!m) break;
    if (v.type(*m) == NodeType::kLocation && m->last < v.n() &&
        v.tok(m->last).kind == TokenKind::kPossessive) {
      i = m->last + 1;  // "China's Ministry of Commerce"
      continue;
    }
    if (!IsOrg(v.type(*m))) break;
    out.push_back(m);
    i = m->last;
    if (v.is(i, "(") && v.is(i + 2, ")")) i += 3;  // "(CCPIT)"
  }
  return out;
}

// Organisations before token `end` that are not objects of a preposition ("at the X").
std::vector<const Mention*> Subjects(const View& v, uint32_t end, const std::set<int>& skip,
                                     bool events = false) {
  std::vector<const Mention*> out;
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || m.last > end || skip.count(m.first)) continue;
    if (!IsOrg(v.type(m)) && !(events && v.type(m) == NodeType::kEvent)) continue;
    uint32_t p = m.first;
    if (p > 0 && v.is(p - 1, "the")) --p;
    std::string w = p > 0 ? v.lower(p - 1) : "";
    if (w == "at" || w == "in" || w == "on" || w == "of" || w == "from" || w == "during" ||
        w == "to" || w == "for" || w == "by" || w == "between")
      continue;
    out.push_back(&m);
  }
  return out;
}

void Organizes(const View& v, Builder& b) {
  uint32_t cue = FindCue(v, Cue::kOrganize);
  // "A, in collaboration with B, hosted E": the verb leads, not the collaboration phrase.
  while (cue < v.n() && (v.lower(cue).starts_with("collaboration") || v.is(cue, "jointly"))) {
    uint32_t next = FindCue(v, Cue::kOrganize, cue + 1);
    if (next == v.n()) break;
    cue = next;
  }
  // "Co-hosted by A and B, the X was held ...": a sentence-initial participle leads.
  if (v.n() > 1 && IsCue(v.lower(0), Cue::kOrganize) && v.is(1, "by")) cue = 0;
  if (cue == v.n()) return;
  std::set<int> employers = EmployerMentions(v);
  // Passive: "hosted by A and B"; active: "A, in collaboration with B, hosted E".
  uint32_t by = cue + 1;
  while (by < v.n() && (v.is(by, "and") || (v.tok(by).IsWord() && !v.tok(by).upper &&
                                            IsCue(v.lower(by), Cue::kOrganize))))
    ++by;
  bool passive = v.is(by, "by");
  // ("The Nordic Industry Summit hosted a webinar": an event-named subject that hosts is
  // the organisation behind it.)
  std::vector<const Mention*> hosts =
      passive ? OrgList(v, by + 1) : Subjects(v, cue, employers, /*events=*/true);
  if (!passive)
    for (uint32_t i = 0; i + 1 < v.n(); ++i)
      if (v.lower(i).starts_with("collaboration") && v.is(i + 1, "with"))
        for (const Mention* m : OrgList(v, i + 2)) hosts.push_back(m);
  // The event: for the passive the one before the cue or after the hosts, else the next one.
  const Mention* event = nullptr;
  uint32_t after = passive && !hosts.empty() ? hosts.back()->last : cue;
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || v.type(m) != NodeType::kEvent) continue;
    if (m.first >= after && (!event || event->first < cue)) {
      if (!event || event->first < cue || m.first < event->first) event = &m;
    } else if (passive && m.last <= cue && !event) {
      event = &m;
    }
  }
  if (!event) return;
  for (const Mention* m : hosts) {
    if (v.type(*m) == NodeType::kEvent && m->first >= cue) continue;
    if (m->entity != event->entity) b.Add(EdgeType::kOrganizes, m->entity, event->entity, v.s, 0.6);
  }
}

void PartnersWith(const View& v, Builder& b) {
  // "The site will be jointly operated by A and B": a joint operation is a partnership (jointly
  // hosting an event is not: that is organizes).
  for (uint32_t i = 0; i + 2 < v.n(); ++i) {
    if (!v.is(i, "jointly")) continue;
    std::string verb = v.lower(i + 1);
    bool business = verb == "run" || verb == "owned" || verb == "operated" || verb == "developed" ||
                    verb == "managed" || verb == "built" || verb == "funded" || verb == "financed";
    if (!business || !v.is(i + 2, "by")) continue;
    // The organisations up to the end of the clause ("by A and Korean battery maker B,").
    std::vector<const Mention*> group;
    for (const Mention& m : v.sm.mentions) {
      if (m.first < i + 3 || m.entity < 0) continue;
      bool clause_end = false;
      for (uint32_t k = i + 3; k < m.first; ++k) clause_end |= v.is(k, ",") || v.is(k, ";");
      if (clause_end || m.first > i + 15) break;
      if (IsOrg(v.type(m))) group.push_back(&m);
    }
    for (size_t x = 0; x < group.size() && x < 4; ++x)
      for (size_t y = x + 1; y < group.size() && y < 4; ++y)
        b.Add(EdgeType::kPartnersWith, group[x]->entity, group[y]->entity, v.s, 0.6);
  }
  uint32_t cue = FindCue(v, Cue::kPartner);
  if (cue == v.n()) return;
  auto pairs = [&](const std::vector<const Mention*>& group) {
    for (size_t i = 0; i < group.size() && i < 4; ++i)
      for (size_t j = i + 1; j < group.size() && j < 4; ++j)
        b.Add(EdgeType::kPartnersWith, group[i]->entity, group[j]->entity, v.s, 0.6);
  };
  // "A and partners B and C": one coalition.
  if (v.lower(cue) == "partners") {
    if (cue >= 2 && v.is(cue - 1, "and"))
      if (const Mention* a = v.ending(cue - 1); a && IsOrg(v.type(*a))) {
        std::vector<const Mention*> group{a};
        for (const Mention* m : OrgList(v, cue + 1)) group.push_back(m);
        pairs(group);
      }
    return;
  }
  // "between A and B"; "A signed an agreement with B"; "A and B signed an agreement".
  // ("signed supply deals worth millions with several carmakers, such as A and B")
  for (uint32_t i = cue; i < v.n() && i < cue + 12; ++i) {
    if (v.is(i, "between")) return pairs(OrgList(v, i + 1));
    if (v.is(i, "with")) {
      std::vector<const Mention*> partners;
      for (uint32_t j = i + 1; j < v.n() && j < i + 6 && partners.empty(); ++j)
        partners = OrgList(v, j);
      std::vector<const Mention*> subjects = Subjects(v, cue, {});
      if (subjects.empty()) return;
      for (const Mention* m : partners)
        b.Add(EdgeType::kPartnersWith, subjects.front()->entity, m->entity, v.s, 0.6);
      return;
    }
  }
  std::vector<const Mention*> subjects = Subjects(v, cue, {});
  if (subjects.size() >= 2 && subjects.size() <= 3) pairs(subjects);
}

void PartOf(const View& v, Builder& b) {
  // "Y's X": a unit written with its parent's possessive.
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || m.last >= v.n() || v.tok(m.last).kind != TokenKind::kPossessive) continue;
    if (const Mention* unit = v.starting(m.last + 1))
      if (IsOrg(v.type(m)) && IsOrg(v.type(*unit)))
        b.Add(EdgeType::kPartOf, unit->entity, m.entity, v.s, 0.6);
  }
  // "Centre of the NIRA TTO Oslo", "Department of the Kelmar Republic's Ministry".
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || !IsOrg(v.type(m)) || !v.is(m.last, "of")) continue;
    uint32_t j = m.last + 1;
    if (v.is(j, "the")) ++j;
    const Mention* parent = v.starting(j);
    if (parent && v.type(*parent) == NodeType::kLocation && parent->last < v.n() &&
        v.tok(parent->last).kind == TokenKind::kPossessive)
      parent = v.starting(parent->last + 1);
    if (parent && IsOrg(v.type(*parent)))
      b.Add(EdgeType::kPartOf, m.entity, parent->entity, v.s, 0.6);
  }
  // "X, a subsidiary of Y", "X, which is part of Y", "X, a Y project".
  uint32_t cue = FindCue(v, Cue::kPartOf);
  while (cue < v.n()) {
    const Mention* unit = nullptr;
    const Mention* parent = nullptr;
    for (const Mention& m : v.sm.mentions)
      if (m.entity >= 0 && m.last <= cue && v.IsOrgLike(m)) {
        if (m.last == cue || (m.last + 1 == cue && v.tok(m.last).kind == TokenKind::kPossessive))
          parent = &m;  // "a Y project"
        else if (cue - m.last <= 4)
          unit = &m;  // "X, a unit of", "X, which is part of"
      }
    // "X, a Y project": the unit is written before ", a".
    if (parent && parent->first >= 3 && !unit &&
        (v.is(parent->first - 1, "a") || v.is(parent->first - 1, "an")) &&
        v.is(parent->first - 2, ","))
      if (const Mention* u = v.ending(parent->first - 2); u && IsOrg(v.type(*u))) unit = u;
    if (!parent && v.is(cue + 1, "of")) {
      uint32_t j = cue + 2;
      while (j < v.n() && (v.is(j, "the") || v.is(j, "its") || v.is(j, "a"))) ++j;
      parent = v.starting(j);
      // "part of UNIDO's ITPO Network": the possessor's unit is the parent.
      if (parent && parent->last < v.n() && v.tok(parent->last).kind == TokenKind::kPossessive)
        if (const Mention* inner = v.starting(parent->last + 1); inner && v.IsOrgLike(*inner))
          parent = inner;
    }
    if (unit && parent && unit != parent && v.IsOrgLike(*parent))
      b.Add(EdgeType::kPartOf, unit->entity, parent->entity, v.s, 0.6);
    cue = FindCue(v, Cue::kPartOf, cue + 1);
  }
  // Events: "X in the Y", "X during Y", "X, leading to Y", "ahead of Y".
  const Mention* prev_event = nullptr;
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || v.type(m) != NodeType::kEvent) continue;
    if (prev_event && prev_event->entity != m.entity) {
      bool linked = false;
      for (uint32_t i = prev_event->last; i < m.first; ++i) {
        std::string w = v.lower(i);
        linked |=
            w == "during" || w == "leading" || (w == "in" && v.is(i + 1, "the")) || w == "part";
      }
      if (linked && m.first - prev_event->last <= 12)
        b.Add(EdgeType::kPartOf, prev_event->entity, m.entity, v.s, 0.5);
    }
    prev_event = &m;
  }
}

// The actor a place cue at token `cue` is about: the first organisation or event before it
// that is not the object of a preposition ("The X Center of the Y settled in Z": X), else the
// last one; "it"/"its" before the cue: the organisation last talked about.
int PlaceSubject(const View& v, uint32_t cue, int last_org) {
  const Mention* first = nullptr;
  const Mention* last = nullptr;
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || m.last > cue || !v.IsOrgLike(m)) continue;
    last = &m;
    uint32_t p = m.first;
    if (p > 0 && v.is(p - 1, "the")) --p;
    std::string w = p > 0 ? v.lower(p - 1) : "";
    bool object = w == "at" || w == "in" || w == "on" || w == "of" || w == "from" || w == "to" ||
                  w == "for" || w == "by" || w == "with" || w == "between" || w == "during";
    if (!object && !first) first = &m;
  }
  if (first) return first->entity;
  if (last) return last->entity;
  for (uint32_t j = 0; j < cue; ++j)
    if (v.lower(j) == "it" || v.lower(j) == "its") return last_org;
  return -1;
}

// The first place cue word in [from, to), or v.n().
uint32_t PlaceCue(const View& v, uint32_t from, uint32_t to) {
  for (uint32_t j = from; j < to && j < v.n(); ++j)
    if (v.tok(j).IsWord() && !v.tok(j).upper && IsCue(v.lower(j), Cue::kPlace)) return j;
  return v.n();
}

// "its first battery plant began production in Lintao. The plant, named Tarvo
// Works Lintao, will ...": a facility named in the next sentences is what is in the place.
int NamedFacility(const ParsedDoc& doc, size_t si) {
  for (size_t k = si + 1; k < doc.sentences.size() && k <= si + 2; ++k) {
    const auto& toks = doc.sentences[k].tokens;
    for (const Mention& m : doc.mentions[k].mentions) {
      if (m.entity < 0 || m.first == 0 || m.anaphor) continue;
      uint32_t p = m.first - 1;
      if ((toks[p].Is("named") || toks[p].Is("called")) && m.type &&
          (*m.type == NodeType::kCompany || *m.type == NodeType::kAgency))
        return m.entity;
    }
  }
  return -1;
}

bool IsFacilityNoun(std::string_view w) {
  return w == "plant" || w == "factory" || w == "facility" || w == "site" || w == "complex" ||
         w == "works" || w == "campus" || w == "centre" || w == "center";
}

void LocatedIn(const View& v, Builder& b, int last_org, const ParsedDoc& doc, size_t si) {
  int facility = -2;  // not looked up yet
  for (size_t k = 0; k < v.sm.mentions.size(); ++k) {
    const Mention& place = v.sm.mentions[k];
    if (place.entity < 0 || v.type(place) != NodeType::kLocation) continue;
    // Walk back over a chain of places ("in Lyon and Grenoble, France") to "in"/"at".
    uint32_t i = place.first;
    size_t kk = k;
    while (i > 0 && (v.is(i - 1, ",") || v.is(i - 1, "and")) && kk > 0 &&
           v.sm.mentions[kk - 1].last + 1 == i && v.sm.mentions[kk - 1].entity >= 0 &&
           v.type(v.sm.mentions[kk - 1]) == NodeType::kLocation) {
      i = v.sm.mentions[--kk].first;
    }
    if (i > 1 && v.is(i - 1, "the")) --i;  // "in the Kelmar Harbour Economic Zone"
    if (i == 0 || !(v.is(i - 1, "in") || v.is(i - 1, "at") || v.is(i - 1, "In"))) {
      // "Oslo-based Institute": handled from the organisation side below.
      continue;
    }
    uint32_t in = i - 1;
    // The located actor: "EVENT in PLACE" directly, else the actor before a place cue.
    const Mention* direct = in > 0 ? v.ending(in) : nullptr;
    int subject = direct && v.IsOrgLike(*direct) ? direct->entity : -1;
    if (subject < 0) {
      uint32_t cue = v.n();
      for (uint32_t j = in; j > 0 && in - j < 18; --j)
        if (v.tok(j - 1).IsWord() && !v.tok(j - 1).upper && IsCue(v.lower(j - 1), Cue::kPlace)) {
          cue = j - 1;
          break;
        }
      // "Headquartered in Lisbon, Portugal, the X is ...": a leading participle phrase is
      // about the subject that follows it.
      bool leading = cue == v.n() ? in == 0 : PlaceSubject(v, cue, last_org) < 0 && cue < 8;
      if (in == 0 && v.is(0, "In")) {
        // "In the UK, it runs a factory in Wales": the place of the sentence's own cue.
        uint32_t c = PlaceCue(v, place.last, v.n());
        if (c < v.n()) subject = PlaceSubject(v, c, last_org);
      } else if (cue < v.n() && !leading) {
        subject = PlaceSubject(v, cue, last_org);
        // "A held the X Forum on 27 September at the Y in Z": what is held is in the place.
        std::string w = v.lower(cue);
        if (w == "held" || w == "hosted" || w == "convened" || w.starts_with("organi"))
          for (const Mention& m : v.sm.mentions)
            if (m.entity >= 0 && m.first > cue && m.last <= in && v.type(m) == NodeType::kEvent) {
              subject = m.entity;
              break;
            }
      } else if (leading && cue < v.n()) {
        uint32_t j = place.last;
        while (j < v.n()) {  // past the rest of the place chain
          while (j < v.n() && !v.is(j, ",")) ++j;
          const Mention* more = v.starting(j + 1);
          if (!more || v.type(*more) != NodeType::kLocation) break;
          j = more->last;
        }
        if (const Mention* m = v.starting(v.is(j + 1, "the") ? j + 2 : j + 1); m && v.IsOrgLike(*m))
          subject = m->entity;
      }
    }
    // "its new factory ... in PLACE": the facility, when the next sentences name it.
    if (subject >= 0) {
      bool its_facility = false;
      for (uint32_t j = 1; j < in; ++j)
        if (IsFacilityNoun(v.lower(j)) && !v.tok(j).upper)
          for (uint32_t a = j > 4 ? j - 4 : 0; a < j; ++a) its_facility |= v.is(a, "its");
      if (its_facility) {
        if (facility == -2) facility = NamedFacility(doc, si);
        if (facility >= 0) subject = facility;
      }
    }
    if (subject >= 0) b.Add(EdgeType::kLocatedIn, subject, place.entity, v.s, 0.6);
  }
}

// "Oslo-based Institute ...": the place is written in the name's cue word.
void BasedIn(const View& v, Builder& b, const std::vector<core::EntityFact>& entities) {
  for (const Mention& m : v.sm.mentions) {
    if (m.entity < 0 || m.first == 0 || !v.IsOrgLike(m)) continue;
    std::string w(v.tok(m.first - 1).text);
    if (!Lower(w).ends_with("-based")) continue;
    std::string place = core::FoldName(w.substr(0, w.size() - 6));
    for (size_t e = 0; e < entities.size(); ++e)
      if (entities[e].type == NodeType::kLocation && core::FoldName(entities[e].name) == place)
        b.Add(EdgeType::kLocatedIn, m.entity, static_cast<int>(e), v.s, 0.7);
  }
}

// Speech and moderation in an event's context.
struct EventContext {
  int event = -1;
  size_t sentence = 0;      // where it was last referred to
  bool list_open = false;   // "It will include:" opens a list of speakers on the next lines
  bool quote_open = false;  // a quotation opened in an earlier sentence of the paragraph
};

// Whether a quotation is still open after the tokens of `s`, given its state before.
bool QuoteOpenAfter(const Sentence& s, bool open) {
  for (const Token& t : s.tokens) {
    if (t.Is("\xE2\x80\x9C")) open = true;
    if (t.Is("\xE2\x80\x9D")) open = false;
    if (t.Is("\"")) open = !open;
  }
  return open;
}

void Speakers(const View& v, Builder& b, size_t si, EventContext& ctx) {
  const Mention* named = nullptr;
  for (const Mention& m : v.sm.mentions)
    if (m.entity >= 0 && v.type(m) == NodeType::kEvent && !b.Retyped(m.entity) && !named)
      named = &m;
  if (named) {
    ctx.event = named->entity;
    ctx.sentence = si;
  }
  bool first_is_person = !v.sm.mentions.empty() && v.sm.mentions.front().first == 0 &&
                         v.sm.mentions.front().entity >= 0 &&
                         v.type(v.sm.mentions.front()) == NodeType::kPerson;
  bool in_list = ctx.list_open && first_is_person;
  if (!first_is_person) ctx.list_open = false;
  if (ctx.event < 0 || si > ctx.sentence + 3) {
    if (!in_list) return;
  }
  uint32_t speech = FindCue(v, Cue::kSpeech);
  uint32_t moderate = FindCue(v, Cue::kModerate);
  if (v.n() > 0 && v.is(v.n() - 1, ":") && speech < v.n()) ctx.list_open = true;
  if (speech == v.n() && moderate == v.n() && !in_list) return;
  if (named || in_list) ctx.sentence = si;
  // The moderator: after "moderated/chaired by", else the person before the cue.
  int moderator = -1;
  if (moderate < v.n()) {
    if (v.is(moderate + 1, "by")) {
      for (const Mention& m : v.sm.mentions)
        if (m.entity >= 0 && m.first > moderate && moderator < 0 && v.type(m) == NodeType::kPerson)
          moderator = m.entity;
    } else {
      for (const Mention& m : v.sm.mentions)
        if (m.entity >= 0 && m.last <= moderate && v.type(m) == NodeType::kPerson)
          moderator = m.entity;
    }
    if (moderator >= 0) b.Add(EdgeType::kModerates, moderator, ctx.event, v.s, 0.6);
  }
  if (speech == v.n() && !in_list) return;
  // Persons named inside a quotation are talked about, not speaking.
  // ('"Europe is vital. Chairwoman Maria Rossi stresses investment," Brandt said': the quotation
  // runs over sentences of the paragraph.)
  std::vector<bool> quoted(v.n(), false);
  bool open = ctx.quote_open;
  for (uint32_t i = 0; i < v.n(); ++i) {
    if (v.is(i, "\xE2\x80\x9C")) open = true;
    if (v.is(i, "\xE2\x80\x9D")) open = false;
    if (v.is(i, "\"")) open = !open;
    quoted[i] = open;
  }
  for (const Mention& m : v.sm.mentions)
    if (m.entity >= 0 && m.entity != moderator && v.type(m) == NodeType::kPerson &&
        !quoted[m.first]) {
      b.Add(EdgeType::kSpeaksAt, m.entity, ctx.event, v.s, 0.5);
      ctx.sentence = si;  // a run of speakers keeps the event in view
    }
}

// "Kestrel Poland" belongs to "Kestrel": an organisation named after its parent.
void NamedAfterParent(const ParsedDoc& doc, const std::vector<core::EntityFact>& entities,
                      Builder& b) {
  std::vector<std::vector<std::string>> words(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    std::string f = core::FoldName(entities[e].name);
    size_t i = 0;
    while (i < f.size()) {
      size_t j = f.find(' ', i);
      if (j == std::string::npos) j = f.size();
      words[e].push_back(f.substr(i, j - i));
      i = j + 1;
    }
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    if (!IsOrg(entities[e].type)) continue;
    int parent = -1;
    size_t best = 0;
    for (size_t p = 0; p < entities.size(); ++p) {
      if (p == e || !IsOrg(entities[p].type)) continue;
      for (const std::string& form : [&] {
             std::vector<std::string> fs{entities[p].name};
             fs.insert(fs.end(), entities[p].aliases.begin(), entities[p].aliases.end());
             return fs;
           }()) {
        std::string f = core::FoldName(form);
        std::string full = core::FoldName(entities[e].name);
        if (f.size() > best && full.size() > f.size() + 1 && full.compare(0, f.size(), f) == 0 &&
            full[f.size()] == ' ') {
          best = f.size();
          parent = static_cast<int>(p);
        }
      }
    }
    if (parent < 0) continue;
    // The evidence: the first sentence that names the unit.
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      bool found = false;
      for (const Mention& m : doc.mentions[si].mentions) found |= m.entity == static_cast<int>(e);
      if (found) {
        b.Add(EdgeType::kPartOf, static_cast<int>(e), parent, doc.sentences[si], 0.5);
        break;
      }
    }
  }
}

}  // namespace

std::vector<core::RelationFact> Relate(const ParsedDoc& doc,
                                       std::vector<core::EntityFact>& entities) {
  Builder b(entities);
  EventContext ctx;
  int last_person = -1, last_org = -1;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    View v{doc.sentences[si], doc.mentions[si], entities};
    // The organisation the previous sentence of the same paragraph names last.
    int prev_org = -1;
    if (si > 0 && doc.sentences[si - 1].line == doc.sentences[si].line)
      for (const Mention& m : doc.mentions[si - 1].mentions)
        if (m.entity >= 0 && IsOrg(entities[m.entity].type)) prev_org = m.entity;
    WorksFor(v, b, last_person, last_org, prev_org);
    Organizes(v, b);
    PartnersWith(v, b);
    PartOf(v, b);
    LocatedIn(v, b, last_org, doc, si);
    BasedIn(v, b, entities);
    ctx.quote_open = si > 0 && doc.sentences[si - 1].line == doc.sentences[si].line &&
                     QuoteOpenAfter(doc.sentences[si - 1], ctx.quote_open);
    Speakers(v, b, si, ctx);
    for (const Mention& m : v.sm.mentions) {
      if (m.entity < 0) continue;
      if (v.type(m) == NodeType::kPerson) last_person = m.entity;
      if (IsOrg(v.type(m))) last_org = m.entity;
    }
  }
  NamedAfterParent(doc, entities, b);
  return b.Finish(doc.text);
}

}  // namespace actorgraph::importers::extract
