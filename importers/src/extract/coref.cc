#include "coref.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "actorgraph/core/names.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

using core::NodeType;

struct Form {
  NodeType type;
  std::string text;
  std::vector<std::string> words;  // folded
  std::string acronym;
  size_t order;  // first occurrence
};

struct Cluster {
  NodeType type;
  std::vector<std::string> forms;       // surface forms; [0] is the first seen
  std::vector<std::string> main_words;  // folded words of the longest form
  std::vector<std::string> acronyms;    // folded
};

bool IsOrg(NodeType t) { return t == NodeType::kCompany || t == NodeType::kAgency; }

bool IsLegalSuffix(const std::string& w) {
  static const char* kSuffixes[] = {
      "co",      "ltd",      "corp", "corporation", "group",         "inc",
      "ag",      "se",       "gmbh", "plc",         "llc",           "limited",
      "company", "holdings", "sa",   "nv",          "international", "global"};
  for (const char* s : kSuffixes)
    if (w == s) return true;
  return false;
}

bool IsYearWord(const std::string& w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

// Whether form `f` is another way of writing cluster `c`.
bool SameActor(const Gazetteer& g, const Form& f, const Cluster& c) {
  const auto& w = f.words;
  const auto& cw = c.main_words;
  for (const std::string& a : c.acronyms)
    if (w.size() == 1 && w[0] == a) return true;
  if (!f.acronym.empty() && std::find(c.acronyms.begin(), c.acronyms.end(),
                                      core::FoldName(f.acronym)) != c.acronyms.end())
    return true;
  // "ARF" for "2021 Alpine Robotics Forum": a bare acronym that spells the initials of
  // the name's words (years and connectors aside).
  if (w.size() == 1 && f.text.size() >= 2 && IsAllUpper(f.text) && cw.size() >= 2 &&
      c.type != NodeType::kPerson && c.type != NodeType::kLocation) {
    std::string initials;
    for (const std::string& x : cw)
      if (!x.empty() && !(x[0] >= '0' && x[0] <= '9') && !(ClassesOf(x) & kConnector))
        initials += x[0];
    if (initials.size() >= 2 && initials == w[0]) return true;
  }
  if (f.type == NodeType::kPerson || c.type == NodeType::kPerson) {
    if (f.type != c.type) return false;
    return w.size() == 1 && cw.size() >= 2 && (w[0] == cw.back() || w[0] == cw.front());
  }
  if (IsOrg(f.type) && IsOrg(c.type) && w.size() < cw.size() &&
      std::equal(w.begin(), w.end(), cw.begin())) {
    bool suffixes = true;
    for (size_t i = w.size(); i < cw.size(); ++i) suffixes &= IsLegalSuffix(cw[i]);
    if (suffixes) return true;
    // "Anders Lund" for "Anders Lund Precision Industry Co": the full legal name ends in a
    // legal suffix and its other words describe the trade, not a place or a unit ("Kestrel
    // Poland", "Kestrel Mobility" are units of their own).
    if (!IsLegalSuffix(cw.back()) || w.size() < 2) return false;
    for (size_t i = w.size(); i < cw.size(); ++i)
      if (g.IsPlace(cw[i]) || (ClassesOf(cw[i]) & kAgencyHead)) return false;
    return true;
  }
  if (f.type == NodeType::kEvent && c.type == NodeType::kEvent && w.size() < cw.size()) {
    size_t skip = cw.size() - w.size();
    bool leading = std::equal(w.begin(), w.end(), cw.begin() + skip);
    bool trailing = std::equal(w.begin(), w.end(), cw.begin());
    for (size_t i = 0; i < skip; ++i) {
      leading &= IsYearWord(cw[i]);
      trailing &= IsYearWord(cw[cw.size() - 1 - i]);
    }
    return leading || trailing;
  }
  return false;
}

std::vector<std::string> FoldedWords(const std::string& text) {
  std::vector<std::string> out;
  std::string f = core::FoldName(text);
  size_t i = 0;
  while (i < f.size()) {
    size_t e = f.find(' ', i);
    if (e == std::string::npos) e = f.size();
    out.push_back(f.substr(i, e - i));
    i = e + 1;
  }
  return out;
}

}  // namespace

std::vector<core::EntityFact> Resolve(ParsedDoc& doc) {
  // 1. Distinct named forms, longest first.
  std::map<std::pair<NodeType, std::string>, size_t> index;
  std::vector<Form> forms;
  size_t order = 0;
  for (auto& sm : doc.mentions) {
    for (Mention& m : sm.mentions) {
      ++order;
      if (m.anaphor || m.event_part) continue;
      auto key = std::make_pair(*m.type, core::FoldName(m.text));
      if (key.second.empty()) continue;
      auto [it, added] = index.emplace(key, forms.size());
      if (added)
        forms.push_back({*m.type, m.text, FoldedWords(m.text), m.acronym, order});
      else if (forms[it->second].acronym.empty())
        forms[it->second].acronym = m.acronym;
      if (!m.short_title.empty() &&
          index.emplace(std::make_pair(*m.type, core::FoldName(m.short_title)), it->second)
              .second) {
      }
    }
  }
  std::vector<size_t> by_length(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) by_length[i] = i;
  std::stable_sort(by_length.begin(), by_length.end(), [&](size_t a, size_t b) {
    return forms[a].words.size() > forms[b].words.size();
  });

  // 2. Attach each form to an existing cluster or open a new one.
  std::vector<Cluster> clusters;
  std::vector<int> form_cluster(forms.size(), -1);
  for (size_t fi : by_length) {
    const Form& f = forms[fi];
    int found = -1;
    for (size_t c = 0; c < clusters.size() && found < 0; ++c)
      if (SameActor(*doc.gazetteer, f, clusters[c])) found = static_cast<int>(c);
    if (found < 0) {
      clusters.push_back({f.type, {}, f.words, {}});
      found = static_cast<int>(clusters.size() - 1);
    }
    Cluster& c = clusters[found];
    c.forms.push_back(f.text);
    if (!f.acronym.empty()) c.acronyms.push_back(core::FoldName(f.acronym));
    // An acronym typed on its own ("NIRA" as a company) takes the expansion's type.
    form_cluster[fi] = found;
  }

  // 2b. "Anders Lund, known as Lundtech Group outside Sweden", "X, also known as Y":
  // two names of one organisation.
  {
    auto form_of = [&](const Mention& m) -> int {
      if (!m.type || m.anaphor || m.event_part) return -1;
      auto it = index.find({*m.type, core::FoldName(m.text)});
      return it == index.end() ? -1 : static_cast<int>(it->second);
    };
    std::vector<int> target(clusters.size());
    for (size_t c = 0; c < clusters.size(); ++c) target[c] = static_cast<int>(c);
    auto root = [&](int c) {
      while (target[c] != c) c = target[c];
      return c;
    };
    bool merged = false;
    for (size_t si = 0; si < doc.mentions.size(); ++si) {
      const auto& toks = doc.sentences[si].tokens;
      const auto& ms = doc.mentions[si].mentions;
      for (size_t k = 0; k + 1 < ms.size(); ++k) {
        uint32_t j = ms[k].last;
        if (j < toks.size() && (toks[j].Is(",") || toks[j].Is("("))) ++j;
        if (j < toks.size() && toks[j].Is("also")) ++j;
        if (!(j + 1 < toks.size() && toks[j].Is("known") && toks[j + 1].Is("as") &&
              ms[k + 1].first == j + 2))
          continue;
        int a = form_of(ms[k]), b = form_of(ms[k + 1]);
        if (a < 0 || b < 0 || !IsOrg(forms[a].type) || !IsOrg(forms[b].type)) continue;
        int ca = root(form_cluster[a]), cb = root(form_cluster[b]);
        if (ca == cb) continue;
        target[cb] = ca;
        merged = true;
      }
    }
    if (merged) {
      std::vector<int> remap(clusters.size(), -1);
      std::vector<Cluster> kept;
      for (size_t c = 0; c < clusters.size(); ++c)
        if (root(static_cast<int>(c)) == static_cast<int>(c)) {
          remap[c] = static_cast<int>(kept.size());
          kept.push_back(clusters[c]);
        }
      for (size_t c = 0; c < clusters.size(); ++c) {
        int r = root(static_cast<int>(c));
        if (r == static_cast<int>(c)) continue;
        Cluster& into = kept[remap[r]];
        into.forms.insert(into.forms.end(), clusters[c].forms.begin(), clusters[c].forms.end());
        into.acronyms.insert(into.acronyms.end(), clusters[c].acronyms.begin(),
                             clusters[c].acronyms.end());
      }
      for (int& fc : form_cluster)
        if (fc >= 0) fc = remap[root(fc)];
      clusters = std::move(kept);
    }
  }

  // 3. Point every mention at its cluster; resolve anaphors to the latest fitting one.
  std::vector<int> last_of_type(8, -1);
  std::vector<int> uses(clusters.size(), 0);
  std::vector<int> first_in_prev, first_in_cur;
  int last_event = -1;
  for (size_t si = 0; si < doc.mentions.size(); ++si) {
    first_in_prev = first_in_cur;
    first_in_cur.clear();
    for (Mention& m : doc.mentions[si].mentions) {
      if (!m.anaphor && !m.event_part) {
        auto it = index.find({*m.type, core::FoldName(m.text)});
        if (it == index.end()) continue;
        m.entity = form_cluster[it->second];
        ++uses[m.entity];
        NodeType t = clusters[m.entity].type;
        last_of_type[static_cast<int>(t)] = m.entity;
        if (t == NodeType::kEvent) last_event = m.entity;
        first_in_cur.push_back(m.entity);
        continue;
      }
      if (m.event_part || m.type == NodeType::kEvent) {
        // "the webinar": the latest event with that word; else the salient event.
        std::string w = Lower(m.text);
        int pick = -1;
        for (int c : first_in_cur)
          if (clusters[c].type == NodeType::kEvent) pick = pick < 0 ? c : pick;
        for (size_t c = 0; c < clusters.size() && !m.event_part; ++c)
          if (clusters[c].type == NodeType::kEvent &&
              Lower(clusters[c].forms[0]).find(w) != std::string::npos &&
              static_cast<int>(c) == last_event)
            pick = static_cast<int>(c);
        if (pick < 0)
          for (int c : first_in_prev)
            if (clusters[c].type == NodeType::kEvent && pick < 0) pick = c;
        if (pick < 0) pick = last_event;
        m.entity = pick;
        continue;
      }
      // "the company" -> the most named company so far (the story's subject);
      // "the Ministry" -> the latest agency with that word.
      int pick = last_of_type[static_cast<int>(*m.type)];
      if (m.type == NodeType::kCompany)
        for (size_t c = 0; c < clusters.size(); ++c)
          if (clusters[c].type == NodeType::kCompany && uses[c] > (pick >= 0 ? uses[pick] : 0))
            pick = static_cast<int>(c);
      if (m.type == NodeType::kAgency) {
        pick = -1;
        for (size_t c = 0; c < clusters.size(); ++c)
          if (clusters[c].type == NodeType::kAgency && uses[c] > 0 &&
              Lower(clusters[c].forms[0]).find(Lower(m.text)) != std::string::npos)
            pick = static_cast<int>(c);  // the last such agency named so far
      }
      m.entity = pick;
    }
  }

  // 4. Name each entity by its fullest form.
  std::vector<core::EntityFact> out;
  out.reserve(clusters.size());
  for (const Cluster& c : clusters) {
    core::EntityFact e;
    e.type = c.type;
    size_t best = 0;
    for (size_t i = 1; i < c.forms.size(); ++i)
      if (c.forms[i].size() > c.forms[best].size()) best = i;
    e.name = c.forms[best];
    for (size_t i = 0; i < c.forms.size(); ++i)
      if (i != best) e.aliases.push_back(c.forms[i]);
    out.push_back(std::move(e));
  }
  for (const Form& f : forms)
    if (!f.acronym.empty()) {
      int c = form_cluster[index.at({f.type, core::FoldName(f.text)})];
      auto& al = out[c].aliases;
      if (std::find(al.begin(), al.end(), f.acronym) == al.end()) al.push_back(f.acronym);
    }
  return out;
}

}  // namespace actorgraph::importers::extract
