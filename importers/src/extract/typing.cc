#include "typing.h"

#include <algorithm>
#include <unordered_map>

#include "actorgraph/core/names.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using core::NodeType;

bool Untyped(const Mention& m) { return !m.type.has_value(); }

bool CouldBePerson(const Mention& m) {
  uint32_t n = m.last - m.first;
  return (Untyped(m) || m.type == NodeType::kPerson) && n >= 2 && n <= 5 && !m.org;
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
    bool speech = (m.last < n && IsSpeechWord(t[m.last])) ||
                  (m.first > 0 && IsSpeechWord(t[m.first - 1]));
    if (CouldBePerson(m) && (role_after || role_before || paren_role || speech)) {
      m.type = NodeType::kPerson;
      m.evidence = std::max(m.evidence, Evidence::kContext);
      continue;
    }
    // The place of a title: "Director, UNIDO", "President of CATL Europe", "Unilever CEO".
    // ("Minister of Energy and Industry": a portfolio, not an organisation.)
    bool after_title = m.first >= 2 && (t[m.first - 1].Is(",") || t[m.first - 1].Is("at")) &&
                       RoleEndingAt(sm, m.first - 1);
    bool after_title_the = false;
    bool before_title = m.last < n && RoleAt(sm, m.last) && m.last + 1 < n &&
                        k + 1 < sm.mentions.size() &&
                        sm.mentions[k + 1].first > m.last;
    if (Untyped(m) && (after_title || after_title_the || before_title)) m.org = true;
  }
}

}  // namespace

void SettleTypes(ParsedDoc& doc) {
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    TypeFromContext(doc.sentences[i], doc.mentions[i]);

  // Document level: a form typed somewhere is typed everywhere; persons' name parts.
  std::unordered_map<std::string, NodeType> typed;
  std::vector<std::pair<std::vector<std::string>, NodeType>> long_names;
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
      long_names.emplace_back(std::move(words), *m.type);
    }
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    auto& ms = doc.mentions[i].mentions;
    for (Mention& m : ms) {
      if (m.type || m.anaphor) continue;
      std::string f = core::FoldName(m.text);
      if (auto it = typed.find(f); it != typed.end()) {
        m.type = it->second;
        continue;
      }
      // A short form takes the type of a longer name it starts or, for persons, ends.
      std::vector<std::string> words;
      for (uint32_t k = m.first; k < m.last; ++k) words.push_back(core::FoldName(s.tokens[k].text));
      for (const auto& [lw, type] : long_names) {
        if (lw.size() <= words.size() || (lw.front() != words.front() && lw.back() != words.back()))
          continue;
        bool prefix = std::equal(words.begin(), words.end(), lw.begin());
        bool suffix = std::equal(words.rbegin(), words.rend(), lw.rbegin());
        if (type == NodeType::kPerson ? (words.size() == 1 && (prefix || suffix))
                                      : prefix && type != NodeType::kLocation &&
                                            type != NodeType::kEvent) {
          m.type = type;
          break;
        }
      }
      if (m.type) continue;
      bool initial = m.first == 0 || (m.first == 1 && IsQuote(s.tokens[0].text));
      bool confirmed = non_initial.count(f) > 0 && non_initial[f] > (initial ? 0 : 0);
      // A bare acronym nobody expands is, in this press, most often an institution.
      bool acronym = m.last - m.first == 1 && s.tokens[m.first].all_upper;
      if (m.org || (!s.headline && (!initial || confirmed || acronym || m.last - m.first >= 2)))
        m.type = acronym ? NodeType::kAgency : NodeType::kCompany;
    }
    ms.erase(std::remove_if(ms.begin(), ms.end(), [](const Mention& m) { return !m.type; }),
             ms.end());
  }
}

}  // namespace actorgraph::importers::extract
