#include "learned_mentions.h"

#include <algorithm>
#include <map>
#include <set>

#include "actorgraph/core/names.h"
#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {

namespace {

bool Overlaps(const Mention& a, uint32_t first, uint32_t last) {
  return a.first < last && first < a.last;
}

// The end of the span that starts at token `i` (labelled B-X or I-X): the I-X after it.
uint32_t SpanEnd(const std::vector<std::string>& lab, uint32_t i) {
  const std::string_view tag = std::string_view(lab[i]).substr(2);
  uint32_t e = i + 1;
  while (e < lab.size() && lab[e][0] == 'I' && std::string_view(lab[e]).substr(2) == tag) ++e;
  return e;
}

}  // namespace

void SplitPersonTails(const ParsedDoc& doc, const Gazetteer& gazetteer,
                      const std::function<bool(std::string_view)>& common_word,
                      std::vector<std::vector<std::string>>& labels) {
  constexpr uint32_t kNotPersonWord = kCompanySuffix | kAgencyHead | kEventHead | kLegalSuffix;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.sentences[s].tokens;
    auto& lab = labels[s];
    for (uint32_t i = 0; i < lab.size();) {
      if (lab[i] == "O") {
        ++i;
        continue;
      }
      const std::string_view tag = std::string_view(lab[i]).substr(2);
      const uint32_t e = SpanEnd(lab, i);
      if (tag == "ORG" || tag == "MISC") {
        auto name_word = [&](uint32_t k) {
          return toks[k].IsWord() && toks[k].upper && !toks[k].all_upper &&
                 !(toks[k].cls & kNotPersonWord);
        };
        // The tail's first word k: two or three words before the end, after the span's first.
        for (uint32_t k = std::max(i + 1, e >= 3 ? e - 3 : 0); k + 2 <= e; ++k) {
          if (!gazetteer.IsGivenName(toks[k].text) || gazetteer.IsGivenName(toks[k - 1].text))
            continue;
          bool person = name_word(k);
          for (uint32_t r = k + 1; r < e && person; ++r)
            person = name_word(r) &&
                     (gazetteer.IsFamilyName(toks[r].text) || !common_word(Lower(toks[r].text)));
          if (!person) continue;
          lab[k] = "B-PER";
          for (uint32_t r = k + 1; r < e; ++r) lab[r] = "I-PER";
          break;
        }
      }
      i = e;
    }
  }
}

void ApplyLearnedMentions(ParsedDoc& doc, const std::vector<std::vector<std::string>>& labels,
                          const SpanTyper& typer) {
  // 1. The tagger's spans, typed.
  std::vector<std::vector<Mention>> found(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& lab = labels[s];
    for (uint32_t i = 0; i < lab.size();) {
      if (lab[i] == "O") {
        ++i;
        continue;
      }
      const std::string tag = lab[i].substr(2);
      const uint32_t j = SpanEnd(lab, i);
      // A span never ends on punctuation ("Kestrel Inc ," -> "Kestrel Inc").
      uint32_t e = j;
      while (e > i && !doc.sentences[s].tokens[e - 1].IsWord()) --e;
      if (e > i) {
        if (auto type = typer(s, i, e, tag)) {
          Mention m;
          m.first = i;
          m.last = e;
          m.text = Surface(doc.sentences[s], i, e);
          m.type = type;
          m.evidence = Evidence::kHead;
          found[s].push_back(std::move(m));
        }
      }
      i = j;
    }
  }
  // 2. Document consistency: a name written the same way takes one type, the one most of its
  // typed mentions have (the first one's on a tie); a one-word name that is the family name of
  // a person named in full in the document is that person.
  {
    std::map<std::vector<std::string>, std::map<core::NodeType, int>> votes;
    std::map<std::vector<std::string>, core::NodeType> first_type;
    std::set<std::string> family_names;
    for (size_t s = 0; s < found.size(); ++s)
      for (const Mention& m : found[s]) {
        std::vector<std::string> words;
        for (uint32_t k = m.first; k < m.last; ++k)
          words.push_back(Lower(doc.sentences[s].tokens[k].text));
        ++votes[words][*m.type];
        first_type.emplace(words, *m.type);
        if (*m.type == core::NodeType::kPerson && words.size() >= 2)
          family_names.insert(words.back());
      }
    for (size_t s = 0; s < found.size(); ++s)
      for (Mention& m : found[s]) {
        std::vector<std::string> words;
        for (uint32_t k = m.first; k < m.last; ++k)
          words.push_back(Lower(doc.sentences[s].tokens[k].text));
        const auto& v = votes[words];
        core::NodeType best = first_type[words];
        for (const auto& [type, n] : v)
          if (n > v.at(best)) best = type;
        if (words.size() == 1 && family_names.count(words[0]) &&
            !doc.sentences[s].tokens[m.first].all_upper)
          best = core::NodeType::kPerson;
        m.type = best;
      }
  }
  // 3. The same words elsewhere, untagged, take the label (longest
  // names first; only names of two or more letters, never inside another mention).
  std::map<std::vector<std::string>, core::NodeType, std::greater<>> names;
  for (size_t s = 0; s < found.size(); ++s)
    for (const Mention& m : found[s]) {
      std::vector<std::string> words;
      for (uint32_t k = m.first; k < m.last; ++k)
        words.push_back(Lower(doc.sentences[s].tokens[k].text));
      if (m.text.size() >= 2) names.emplace(std::move(words), *m.type);
    }
  // The names by their first word, each list in the order above (a name before its own
  // prefixes): a token is compared only with the names it can start, so the pass costs the
  // text, not the text times the names.
  std::map<std::string, std::vector<std::pair<const std::vector<std::string>*, core::NodeType>>,
           std::less<>>
      names_by_first;
  for (const auto& [words, type] : names) names_by_first[words[0]].push_back({&words, type});
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.sentences[s].tokens;
    for (uint32_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].upper) continue;
      bool covered = false;
      for (const Mention& m : found[s]) covered |= m.first <= i && i < m.last;
      if (covered) continue;
      auto bucket = names_by_first.find(Lower(toks[i].text));
      if (bucket == names_by_first.end()) continue;
      for (const auto& [name, type] : bucket->second) {
        const std::vector<std::string>& words = *name;
        if (i + words.size() > toks.size()) continue;
        bool same = true;
        for (size_t k = 0; k < words.size() && same; ++k)
          same = Lower(toks[i + k].text) == words[k];
        if (!same) continue;
        uint32_t e = i + uint32_t(words.size());
        if (e < toks.size() && toks[e].IsWord() && toks[e].upper)
          continue;  // part of a longer name
        bool clash = false;
        for (const Mention& m : found[s]) clash |= Overlaps(m, i, e);
        if (clash) continue;
        Mention m;
        m.first = i;
        m.last = e;
        m.text = Surface(doc.sentences[s], i, e);
        m.type = type;
        m.evidence = Evidence::kContext;
        found[s].push_back(std::move(m));
        break;
      }
    }
  }
  // 4. Keep the rule stages' anaphors and acronym links where they fit.
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    auto& rule = doc.mentions[s].mentions;
    for (Mention& m : found[s]) {
      for (const Mention& r : rule)
        if (r.first == m.first && r.last == m.last && r.type == m.type) {
          m.acronym = r.acronym;
          m.short_title = r.short_title;
          m.org = r.org;
        }
      // "Name (ACR)": the acronym in parentheses right after the name.
      const auto& toks = doc.sentences[s].tokens;
      if (m.acronym.empty() && m.last + 2 < toks.size() && toks[m.last].Is("(") &&
          toks[m.last + 2].Is(")") && toks[m.last + 1].all_upper &&
          *m.type != core::NodeType::kPerson)
        m.acronym = std::string(toks[m.last + 1].text);
    }
    for (const Mention& r : rule) {
      if (!r.anaphor && !r.event_part) continue;
      bool clash = false;
      for (const Mention& m : found[s]) clash |= Overlaps(m, r.first, r.last);
      if (!clash) found[s].push_back(r);
    }
    std::sort(found[s].begin(), found[s].end(),
              [](const Mention& a, const Mention& b) { return a.first < b.first; });
    rule = std::move(found[s]);
  }
}

}  // namespace actorgraph::importers::extract
