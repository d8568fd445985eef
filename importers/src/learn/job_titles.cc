#include "job_titles.h"

#include <algorithm>
#include <vector>

#include "../extract/mentions.h"

namespace actorgraph::importers::learn {

namespace {

using extract::Role;
using extract::Sentence;

// Tokens [from, to) may separate a role from its person: punctuation or a determiner.
bool Separator(const Sentence& s, uint32_t from, uint32_t to) {
  if (to < from || to - from > 2) return false;
  for (uint32_t k = from; k < to; ++k) {
    const auto& t = s.tokens[k];
    if (!t.IsWord()) continue;
    if (t.Is("the") || t.Is("The") || t.Is("its") || t.Is("their") || t.Is("a") || t.Is("an"))
      continue;
    return false;
  }
  return true;
}

// Tokens [from, to) join two roles into one title: ",", "and", "&" (one or two of them).
bool Joiner(const Sentence& s, uint32_t from, uint32_t to) {
  if (to <= from || to - from > 2) return false;
  for (uint32_t k = from; k < to; ++k) {
    const auto& t = s.tokens[k];
    if (!(t.Is(",") || t.Is("and") || t.Is("&"))) return false;
  }
  return true;
}

// The title next to mention tokens [first, last) in sentence `s`, or "".
std::string TitleNextTo(const Sentence& s, std::vector<Role> roles, uint32_t first, uint32_t last) {
  std::sort(roles.begin(), roles.end(),
            [](const Role& a, const Role& b) { return a.first < b.first; });
  for (size_t r = 0; r < roles.size(); ++r) {
    const bool before = roles[r].last <= first && Separator(s, roles[r].last, first);
    const bool after = roles[r].first >= last && Separator(s, last, roles[r].first);
    if (!before && !after) continue;
    size_t lo = r, hi = r;  // the chain of joined roles, away from the person
    if (before)
      while (lo > 0 && Joiner(s, roles[lo - 1].last, roles[lo].first)) --lo;
    else
      while (hi + 1 < roles.size() && Joiner(s, roles[hi].last, roles[hi + 1].first)) ++hi;
    return lo == hi ? roles[r].text : extract::Surface(s, roles[lo].first, roles[hi].last);
  }
  return "";
}

std::string TitleInSentence(const extract::ParsedDoc& doc, size_t s, int person, int org) {
  const auto& ms = doc.mentions[s].mentions;
  const auto& sen = doc.sentences[s];
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].entity != person) continue;
    std::string t = TitleNextTo(sen, doc.mentions[s].roles, ms[i].first, ms[i].last);
    if (!t.empty()) return t;
    // "Tim Cook, Apple CEO": the organisation's name, then the title, in apposition.
    if (i + 1 < ms.size() && ms[i + 1].entity == org && Separator(sen, ms[i].last, ms[i + 1].first))
      for (const Role& r : doc.mentions[s].roles)
        if (r.first == ms[i + 1].last) return r.text;
  }
  return "";
}

bool Names(const extract::ParsedDoc& doc, size_t s, int entity) {
  for (const auto& m : doc.mentions[s].mentions)
    if (m.entity == entity) return true;
  return false;
}

}  // namespace

std::string JobTitleOf(const extract::ParsedDoc& doc, int person, int org, size_t preferred) {
  if (preferred < doc.sentences.size()) {
    std::string t = TitleInSentence(doc, preferred, person, org);
    if (!t.empty()) return t;
  }
  for (int pass = 0; pass < 2; ++pass)
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (s == preferred || (pass == 0 && !Names(doc, s, org))) continue;
      std::string t = TitleInSentence(doc, s, person, org);
      if (!t.empty()) return t;
    }
  return "";
}

}  // namespace actorgraph::importers::learn
