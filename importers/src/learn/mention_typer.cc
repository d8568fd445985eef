#include "mention_typer.h"

#include "../extract/lexicon.h"
#include "../extract/text.h"

namespace actorgraph::importers::learn {

const std::vector<std::string>& KindLabels() {
  static const std::vector<std::string> kLabels = {"org", "event", "none"};
  return kLabels;
}
const std::vector<std::string>& OrgLabels() {
  static const std::vector<std::string> kLabels = {"company", "agency"};
  return kLabels;
}

std::string RuleTypeOf(const extract::ParsedDoc& doc, const MentionRef& m) {
  if (m.sentence >= doc.mentions.size()) return "";
  for (const auto& r : doc.mentions[m.sentence].mentions) {
    if (!r.type || r.anaphor) continue;
    uint32_t a = std::max(r.first, m.first), b = std::min(r.last, m.last);
    if (b > a && 2 * (b - a) >= m.last - m.first) return core::NodeTypeName(*r.type);
  }
  return "";
}

void MentionFeatures(const extract::ParsedDoc& doc, DocumentWritings& writings, const MentionRef& m,
                     const std::string& rule_type, FeatureVector& out) {
  out.Clear();
  const auto& toks = doc.sentences[m.sentence].tokens;
  const uint32_t n = uint32_t(toks.size());
  auto lower = [&](long k) -> std::string {
    return k < 0 ? "<s>" : k >= long(n) ? "</s>" : extract::Lower(toks[k].text);
  };
  out.Add("tag", m.tag);
  out.Add("rule", rule_type);
  out.Add("rule-tag", rule_type, m.tag);
  bool digit = false, caps = true;
  for (uint32_t k = m.first; k < m.last; ++k) {
    out.Add("word", lower(k));
    digit |= toks[k].digit;
    caps &= toks[k].all_upper || !toks[k].IsWord();
    for (int b = 0; b < 14; ++b)
      if (toks[k].cls & (1u << b)) out.Add("cls", std::to_string(b));
  }
  const std::string head = lower(m.last - 1), first = lower(m.first);
  out.Add("head", head);
  out.Add("first", first);
  if (head.size() > 3) {
    out.Add("head-suf3", head.substr(head.size() - 3));
    out.Add("head-suf4", head.substr(head.size() - std::min<size_t>(4, head.size())));
  }
  for (int b = 0; b < 14; ++b)
    if (toks[m.last - 1].cls & (1u << b)) out.Add("head-cls", std::to_string(b));
  out.Add("len", std::to_string(std::min<uint32_t>(m.last - m.first, 5)));
  if (digit) out.Add("digit", "1");
  if (caps) out.Add("caps", m.last - m.first == 1 ? "acronym" : "all");
  out.Add("w-1", lower(long(m.first) - 1));
  out.Add("w-2", lower(long(m.first) - 2));
  out.Add("w+1", lower(m.last));
  out.Add("w+2", lower(long(m.last) + 1));
  out.Add("w-1-head", lower(long(m.first) - 1), head);
  writings.AddFeatures(m, out);
}

struct DocumentWritings::Counts {
  uint32_t legal = 0, company = 0, agency = 0, event = 0, title = 0;
  Counts& operator+=(const Counts& o) {
    legal += o.legal, company += o.company, agency += o.agency, event += o.event;
    title += o.title;
    return *this;
  }
  Counts operator-(const Counts& o) const {
    return {legal - o.legal, company - o.company, agency - o.agency, event - o.event,
            title - o.title};
  }
};

DocumentWritings::DocumentWritings(const extract::ParsedDoc& doc) : doc_(doc) {
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& ts = doc.sentences[s].tokens;
    for (size_t i = 0; i < ts.size(); ++i)
      positions_[extract::Lower(ts[i].text)].push_back({uint32_t(s), uint32_t(i)});
  }
}

DocumentWritings::~DocumentWritings() = default;

DocumentWritings::Counts DocumentWritings::AtOccurrence(size_t sentence, uint32_t first,
                                                        uint32_t length) const {
  const auto& ts = doc_.sentences[sentence].tokens;
  Counts c;
  const auto& next = ts[first + length];
  c.legal = (next.cls & extract::kLegalSuffix) != 0;
  c.company = (next.cls & extract::kCompanySuffix) != 0;
  c.agency = (next.cls & extract::kAgencyHead) != 0;
  c.event = (next.cls & extract::kEventHead) != 0;
  c.title = first > 0 && (ts[first - 1].cls & extract::kTitleHead);
  return c;
}

DocumentWritings::Counts DocumentWritings::CountsOf(const MentionRef& m) {
  const auto& toks = doc_.sentences[m.sentence].tokens;
  const uint32_t length = m.last - m.first;
  std::vector<std::string> words;
  std::string key;
  for (uint32_t k = m.first; k < m.last; ++k) {
    words.push_back(extract::Lower(toks[k].text));
    key += words.back() + '\n';
  }
  auto [it, fresh] = counted_.try_emplace(key);
  if (!fresh) return it->second;
  auto starts = positions_.find(words[0]);
  if (starts == positions_.end()) return it->second;
  for (const auto& [s, i] : starts->second) {
    const auto& ts = doc_.sentences[s].tokens;
    if (i + length >= ts.size()) continue;  // only occurrences followed by another token
    uint32_t k = 1;
    while (k < length && extract::Lower(ts[i + k].text) == words[k]) ++k;
    if (k == length) it->second += AtOccurrence(s, i, length);
  }
  return it->second;
}

void DocumentWritings::AddFeatures(const MentionRef& m, FeatureVector& out) {
  Counts c = CountsOf(m);
  if (m.last < doc_.sentences[m.sentence].tokens.size())
    c = c - AtOccurrence(m.sentence, m.first, m.last - m.first);  // not its own writing
  for (uint32_t n = 0; n < c.legal; ++n) out.Add("doc-next", "legal");
  for (uint32_t n = 0; n < c.company; ++n) out.Add("doc-next", "company");
  for (uint32_t n = 0; n < c.agency; ++n) out.Add("doc-next", "agency");
  for (uint32_t n = 0; n < c.event; ++n) out.Add("doc-next", "event");
  for (uint32_t n = 0; n < c.title; ++n) out.Add("doc-prev", "title");
}

}  // namespace actorgraph::importers::learn
