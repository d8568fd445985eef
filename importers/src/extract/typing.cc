#include "typing.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "actorgraph/core/names.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using core::NodeType;

bool Untyped(const Mention& m) { return !m.type.has_value(); }

bool CouldBePerson(const Sentence& s, const Mention& m) {
  uint32_t n = m.last - m.first;
  // A person's name has at most one word in capitals ("LI Wenhao"); "NIRA TTO Oslo"
  // is an office.
  int caps = 0;
  for (uint32_t k = m.first; k < m.last; ++k) caps += s.tokens[k].all_upper;
  return (Untyped(m) || m.type == NodeType::kPerson) && n >= 2 && n <= 5 && !m.org && caps < 2;
}

const Role* RoleAt(const SentenceMentions& sm, uint32_t first) {
  for (const Role& r : sm.roles)
    if (r.first == first) return &r;
  return nullptr;
}
const Role* RoleEndingAt(const SentenceMentions& sm, uint32_t last) {
  for (const Role& r : sm.roles)
    if (r.last == last) return &r;
  return nullptr;
}

bool IsSpeechWord(const Token& t) {
  std::string w = Lower(t.text);
  return w == "said" || w == "says" || w == "added" || w == "noted" || w == "stressed" ||
         w == "told" || w == "explained" || w == "observed";
}

// Types from the words around each mention within its sentence.
void TypeFromContext(const Sentence& s, SentenceMentions& sm) {
  const auto& t = s.tokens;
  const uint32_t n = static_cast<uint32_t>(t.size());
  for (size_t k = 0; k < sm.mentions.size(); ++k) {
    Mention& m = sm.mentions[k];
    if (m.anaphor) continue;
    bool role_after = m.last + 1 < n && t[m.last].Is(",") && RoleAt(sm, m.last + 1);
    bool role_before = m.first > 0 && RoleEndingAt(sm, m.first);
    bool paren_role = m.last + 1 < n && t[m.last].Is("(") && RoleAt(sm, m.last + 1);
    bool speech =
        (m.last < n && IsSpeechWord(t[m.last])) || (m.first > 0 && IsSpeechWord(t[m.first - 1]));
    // "The Nordic Industry Summit, NIS, has announced that ...": an event-named subject of
    // an announcing verb is the organisation behind the event.
    if (m.type == NodeType::kEvent && m.evidence == Evidence::kHead) {
      uint32_t e = m.last;
      if (e + 2 < n && t[e].Is(",") && t[e + 1].all_upper && t[e + 2].Is(",")) e += 3;
      if (e + 2 < n && t[e].Is("(") && t[e + 2].Is(")")) e += 3;
      if (e < n && (t[e].Is("has") || t[e].Is("have"))) ++e;
      static const std::unordered_set<std::string> kAnnounce = {
          "announced", "announces", "said",     "says",     "signed",   "signs",   "appointed",
          "appoints",  "partnered", "welcomed", "welcomes", "launched", "launches"};
      if (e < n && kAnnounce.count(Lower(t[e].text))) {
        m.type = NodeType::kAgency;
        continue;
      }
    }
    if (CouldBePerson(s, m) && (role_after || role_before || paren_role || speech)) {
      m.type = NodeType::kPerson;
      m.evidence = std::max(m.evidence, Evidence::kContext);
      continue;
    }
    // The place of a title: "Director, NIRA", "President of Kestrel Europe", "Lindqvist CEO".
    // ("Minister of Finance and Industry": a portfolio, not an organisation.)
    bool after_title = m.first >= 2 && (t[m.first - 1].Is(",") || t[m.first - 1].Is("at")) &&
                       RoleEndingAt(sm, m.first - 1);
    // "Executive Vice President, Global Procurement, Tarvo AG": a title's area, written in
    // title words, before the organisation.
    if (after_title && m.last < n && t[m.last].Is(",")) {
      bool area = true;
      for (uint32_t k = m.first; k < m.last; ++k)
        area &= t[k].IsWord() &&
                (ClassesOf(t[k].text) & (kTitleDomain | kTitleModifier | kConnector)) != 0;
      if (area) after_title = false;
    }
    // "president of Kestrel Poland", "Director of the Tarvo Institute": the employer after "of"
    // (not a portfolio made of domain words: "Minister of Finance and Industry").
    bool after_title_the = false;
    {
      uint32_t p = m.first;
      if (p > 0 && t[p - 1].Is("the")) --p;
      if (p >= 2 && t[p - 1].Is("of") && RoleEndingAt(sm, p - 1)) {
        bool portfolio = true;
        for (uint32_t k = m.first; k < m.last; ++k)
          portfolio &= t[k].IsWord() &&
                       ((ClassesOf(t[k].text) & (kTitleDomain | kTitleModifier | kConnector)) != 0);
        // "Minister of Transport and Smart Technology": a minister's portfolio, unless it
        // names an organisation by its head word ("Minister of the Nordic Energy Agency").
        const Role* role = RoleEndingAt(sm, p - 1);
        std::string head = Lower(t[role->last - 1].text);
        if (head == "minister" || head == "ministers" || head == "secretary") {
          bool org_head = false;
          for (uint32_t k = m.first; k < m.last; ++k)
            org_head |= (t[k].cls & (kAgencyHead | kLegalSuffix | kCompanySuffix)) &&
                        !(ClassesOf(t[k].text) & kTitleDomain);
          portfolio |= !org_head;
        }
        after_title_the = !portfolio;
        // A portfolio typed by a trade word ("Transport and Smart Technology") is no
        // company either.
        if (portfolio && m.type == NodeType::kCompany && m.evidence == Evidence::kHead) {
          bool legal = false;
          for (uint32_t k = m.first; k < m.last; ++k) legal |= (t[k].cls & kLegalSuffix) != 0;
          if (!legal) {
            m.type.reset();
            m.evidence = Evidence::kNone;
          }
        }
      }
    }
    bool before_title = m.last < n && RoleAt(sm, m.last) && m.last + 1 < n &&
                        k + 1 < sm.mentions.size() && sm.mentions[k + 1].first > m.last;
    if (Untyped(m) && (after_title || after_title_the || before_title)) m.org = true;
  }
}

// Words after a name that show a business acting: "X announced", "X signed", "X plans".
bool IsCorporateVerb(std::string_view w) {
  static const std::unordered_set<std::string> kVerbs = {
      "announced",    "announces", "reported", "reports",   "signed",   "signs",    "plans",
      "planned",      "launched",  "launches", "unveiled",  "unveils",  "invested", "invests",
      "acquired",     "acquires",  "agreed",   "agrees",    "produces", "produced", "makes",
      "sells",        "sold",      "supplies", "supplied",  "employs",  "expects",  "expected",
      "posted",       "builds",    "built",    "owns",      "owned",    "operates", "operated",
      "manufactures", "aims",      "intends",  "partnered", "teamed",   "won",      "delivered",
      "delivers",     "opened",    "opens",    "shipped",   "ships",    "develops", "developed",
      "bought",       "buys",      "raised",   "raises",    "hired",    "hires",    "confirmed",
      "confirms",     "declined",  "denied",   "saw",       "sees",     "recorded", "records",
      "achieved",     "grew"};
  return kVerbs.count(Lower(w)) > 0;
}

// Lower-case nouns the press puts before or after a business's name: "electronics firm X",
// "carmakers X and Y", "X, a battery maker".
bool IsBusinessNoun(std::string_view w) {
  static const std::unordered_set<std::string> kNouns = {
      "company",      "companies",     "firm",         "firms",      "maker",      "makers",
      "manufacturer", "manufacturers", "carmaker",     "carmakers",  "automaker",  "automakers",
      "supplier",     "suppliers",     "giant",        "giants",     "producer",   "producers",
      "provider",     "providers",     "conglomerate", "startup",    "start-up",   "startups",
      "retailer",     "retailers",     "operator",     "brand",      "brands",     "group",
      "corporation",  "multinational", "consultancy",  "contractor", "vendor",     "vendors",
      "assembler",    "developer",     "subsidiary",   "unit",       "customer",   "customers",
      "client",       "clients",       "rival",        "rivals",     "competitor", "competitors",
      "investor",     "investors",     "shareholder",  "oem",        "oems"};
  return kNouns.count(Lower(w)) > 0;
}

// Whether the words around an untyped name show it is a business: 2 when a business noun
// names it ("electronics firm X", "X, a battery maker"), 1 when it acts like one ("X
// announced", "X's plant", the employer in a title), else 0.
int CompanyContext(const Sentence& s, const Mention& m) {
  const auto& t = s.tokens;
  const uint32_t n = static_cast<uint32_t>(t.size());
  if (m.org) return 1;
  uint32_t e = m.last;
  // "X (XC) said": skip the acronym in brackets.
  if (e + 2 < n && t[e].Is("(") && t[e + 2].Is(")")) e += 3;
  if (e < n && t[e].IsWord() && !t[e].upper && IsCorporateVerb(t[e].text)) return 1;
  // "X's plant", "X's shares" (not "X's own view": persons have possessives too).
  static const std::unordered_set<std::string> kOwned = {
      "plant",        "plants",       "factory",   "factories", "shares",     "stake",
      "subsidiary",   "unit",         "chairman",  "ceo",       "president",  "board",
      "sales",        "revenue",      "revenues",  "profit",    "profits",    "products",
      "headquarters", "brand",        "brands",    "customers", "employees",  "investment",
      "operations",   "shareholders", "suppliers", "largest",   "biggest",    "market",
      "output",       "earnings",     "division",  "founder",   "executives", "staff"};
  if (e + 1 < n && t[e].kind == TokenKind::kPossessive && t[e + 1].IsWord() && !t[e + 1].upper &&
      kOwned.count(Lower(t[e + 1].text)))
    return 1;
  // "electronics firm X", "carmakers X and Y", "its partner X".
  uint32_t b = m.first;
  for (int back = 0; back < 7 && b > 0; ++back) {
    const Token& p = t[b - 1];
    if (p.IsWord() && (!p.upper || b == 1 || p.Is("OEMs")) && IsBusinessNoun(p.text)) return 2;
    // Skip over a preceding coordinated name ("carmakers Kestrel and X") and "such as".
    if (p.Is("and") || p.Is(",") || p.Is("&") || p.Is("as") || p.Is("such") || p.Is("including") ||
        p.Is("like") || (p.IsWord() && (p.upper || p.all_upper))) {
      --b;
      continue;
    }
    break;
  }
  // "X, a Korean battery maker", "X, the world's largest turbine maker".
  if (m.last + 1 < n && t[m.last].Is(",")) {
    for (uint32_t k = m.last + 1; k < n && k < m.last + 9; ++k) {
      if (t[k].Is(",") || t[k].Is(".")) break;
      if (t[k].IsWord() && !t[k].upper && IsBusinessNoun(t[k].text)) return 2;
    }
  }
  return 0;
}

// The typed names of a document (folded words and type), each distinct one once in the order
// first seen, found by their first or last word: the short-form lookups below run once per
// mention, so a scan of every typed mention made a long document quadratic.
class TypedNames {
 public:
  void Add(std::vector<std::string> words, NodeType type) {
    std::string key = std::to_string(static_cast<int>(type));
    for (const auto& w : words) key += "\n" + w;
    if (!seen_.insert(std::move(key)).second) return;
    by_first_[words.front()].push_back(names_.size());
    by_last_[words.back()].push_back(names_.size());
    names_.emplace_back(std::move(words), type);
  }
  const std::pair<std::vector<std::string>, NodeType>& at(size_t n) const { return names_[n]; }
  // The names starting with `first`, in the order first seen.
  const std::vector<size_t>& Starting(const std::string& first) const {
    return Find(by_first_, first);
  }
  // The names starting with `first` or ending with `last`, in the order first seen.
  std::vector<size_t> StartingOrEnding(const std::string& first, const std::string& last) const {
    const auto &a = Find(by_first_, first), &b = Find(by_last_, last);
    std::vector<size_t> both;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
  }

 private:
  using Index = std::unordered_map<std::string, std::vector<size_t>>;
  static const std::vector<size_t>& Find(const Index& index, const std::string& word) {
    static const std::vector<size_t> kNone;
    auto it = index.find(word);
    return it == index.end() ? kNone : it->second;
  }
  std::vector<std::pair<std::vector<std::string>, NodeType>> names_;
  std::unordered_set<std::string> seen_;
  Index by_first_, by_last_;
};

}  // namespace

void SettleTypes(ParsedDoc& doc) {
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    TypeFromContext(doc.sentences[i], doc.mentions[i]);

  // Document level: a form typed somewhere is typed everywhere; persons' name parts.
  std::unordered_map<std::string, NodeType> typed;
  TypedNames long_names;
  std::unordered_map<std::string, int> non_initial;  // folded form -> uses not sentence-first
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    for (const Mention& m : doc.mentions[i].mentions) {
      if (m.anaphor) continue;
      std::string f = core::FoldName(m.text);
      if (m.first > 0 && !doc.sentences[i].headline) ++non_initial[f];
      if (!m.type) continue;
      typed.emplace(f, *m.type);
      if (!m.acronym.empty()) typed.emplace(core::FoldName(m.acronym), *m.type);
      std::vector<std::string> words;
      for (uint32_t k = m.first; k < m.last; ++k)
        words.push_back(core::FoldName(doc.sentences[i].tokens[k].text));
      long_names.Add(std::move(words), *m.type);
    }
  }
  // Untyped names with business context somewhere in the document.
  std::unordered_map<std::string, int> business;
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    for (const Mention& m : doc.mentions[i].mentions)
      if (!m.type && !m.anaphor)
        if (int c = CompanyContext(doc.sentences[i], m)) {
          int& b = business[core::FoldName(m.text)];
          b = std::max(b, c);
        }
  // Untyped names coordinated with a typed organisation ("A and partners B and C", "B, C and
  // the D Association") are organisations of the same kind.
  std::unordered_map<std::string, NodeType> coordinated;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const auto& t = doc.sentences[i].tokens;
    const auto& ms = doc.mentions[i].mentions;
    auto joined = [&](const Mention& a, const Mention& b) {  // a before b
      if (b.first <= a.last || b.first - a.last > 3) return false;
      bool conj = false, comma = false;
      for (uint32_t k = a.last; k < b.first; ++k) {
        if (t[k].Is("and") || t[k].Is("&"))
          conj = true;
        else if (t[k].Is(","))
          comma = true;
        else if (!(t[k].Is("partners") || t[k].Is("the") || t[k].Is("its")))
          return false;
      }
      // A comma alone is an apposition ("Global Procurement, Kestrel"), unless a list goes
      // on to "and" ("A, B and C").
      if (comma && !conj)
        for (uint32_t k = b.last; k < t.size() && k < b.last + 6 && !conj; ++k)
          conj = t[k].Is("and");
      return conj;
    };
    auto org_type = [](const Mention& m) {
      return m.type == NodeType::kCompany || m.type == NodeType::kAgency;
    };
    for (size_t k = 0; k < ms.size(); ++k) {
      if (ms[k].type || ms[k].anaphor) continue;
      const Mention* other = nullptr;
      if (k > 0 && org_type(ms[k - 1]) && joined(ms[k - 1], ms[k]))
        other = &ms[k - 1];
      else if (k + 1 < ms.size() && org_type(ms[k + 1]) && joined(ms[k], ms[k + 1]))
        other = &ms[k + 1];
      if (other) coordinated.emplace(core::FoldName(ms[k].text), *other->type);
    }
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    auto& ms = doc.mentions[i].mentions;
    for (Mention& m : ms) {
      // "Anders Lund" looks like a person's name by the name lists alone, but it starts the
      // name of an organisation ("Anders Lund Precision Industry Co"): it is that
      // organisation.
      if (!m.type && !m.anaphor)
        if (auto it = typed.find(core::FoldName(m.text)); it != typed.end()) m.type = it->second;
      if (m.type == NodeType::kPerson &&
          !(m.first > 0 && (s.tokens[m.first - 1].cls & kHonorific))) {
        std::vector<std::string> words;
        for (uint32_t k = m.first; k < m.last; ++k)
          words.push_back(core::FoldName(s.tokens[k].text));
        for (size_t n : long_names.Starting(words.front())) {
          const auto& [lw, type] = long_names.at(n);
          if ((type == NodeType::kCompany || type == NodeType::kAgency) &&
              lw.size() > words.size() && std::equal(words.begin(), words.end(), lw.begin())) {
            m.type = type;
            break;
          }
        }
      }
      if (m.type || m.anaphor) continue;
      std::string f = core::FoldName(m.text);
      if (auto it = typed.find(f); it != typed.end()) {
        m.type = it->second;
        continue;
      }
      // A short form takes the type of a longer name it starts or, for persons, ends.
      std::vector<std::string> words;
      for (uint32_t k = m.first; k < m.last; ++k) words.push_back(core::FoldName(s.tokens[k].text));
      for (size_t n : long_names.StartingOrEnding(words.front(), words.back())) {
        const auto& [lw, type] = long_names.at(n);
        if (lw.size() <= words.size()) continue;
        bool prefix = std::equal(words.begin(), words.end(), lw.begin());
        bool suffix = std::equal(words.rbegin(), words.rend(), lw.rbegin());
        if (type == NodeType::kPerson
                ? (words.size() == 1 && (prefix || suffix))
                : prefix && type != NodeType::kLocation && type != NodeType::kEvent) {
          m.type = type;
          break;
        }
      }
      if (m.type) continue;
      // "NIRA TTO Oslo", "Harrow Lanes China": a name that starts with the name of a
      // known organisation is a unit of it, of the same kind.
      for (size_t k = words.size() - 1; k >= 1 && !m.type; --k) {
        std::string prefix = words[0];
        for (size_t w = 1; w < k; ++w) prefix += " " + words[w];
        if (auto it = typed.find(prefix); it != typed.end() && (it->second == NodeType::kCompany ||
                                                                it->second == NodeType::kAgency))
          m.type = it->second;
        // A bare acronym prefix ("NIRA TTO Oslo") is an institution unless a business
        // noun names it, as for the acronym on its own.
        if (!m.type && k == 1 && s.tokens[m.first].all_upper && non_initial.count(prefix) &&
            (m.org || business.count(f))) {
          auto biz = business.find(prefix);
          m.type =
              biz != business.end() && biz->second >= 2 ? NodeType::kCompany : NodeType::kAgency;
        }
      }
      if (m.type) continue;
      bool initial = m.first == 0 || (m.first == 1 && IsQuote(s.tokens[0].text));
      bool confirmed = non_initial.count(f) > 0 && non_initial[f] > (initial ? 0 : 0);
      bool acronym = m.last - m.first == 1 && s.tokens[m.first].all_upper;
      // Otherwise a name is a business only with evidence: a business context somewhere
      // in the article (a title's employer, "X announced", "electronics firm X").
      // A bare acronym nobody expands is, in this press, most often an institution, unless
      // a business noun names it ("carmakers Kestrel and ...").
      auto biz = business.find(f);
      int evidence = biz == business.end() ? 0 : biz->second;
      if (acronym ? (m.org || evidence || (!s.headline && (!initial || confirmed))) : evidence > 0)
        m.type = acronym && evidence < 2 ? NodeType::kAgency : NodeType::kCompany;
      if (auto c = coordinated.find(f); c != coordinated.end() && evidence < 2) m.type = c->second;
    }
    ms.erase(std::remove_if(ms.begin(), ms.end(), [](const Mention& m) { return !m.type; }),
             ms.end());
  }
}

}  // namespace actorgraph::importers::extract
