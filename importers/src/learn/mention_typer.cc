#include "mention_typer.h"

#include "../extract/lexicon.h"
#include "../extract/text.h"

namespace actorgraph::importers::learn {

namespace {

// Whether `text` lower-cased as extract::Lower does (ASCII letters) equals `lower`, without
// building the lower-cased copy: the document scan below runs once per token per mention.
bool LowerEquals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t k = 0; k < text.size(); ++k) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

}  // namespace

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

void MentionFeatures(const extract::ParsedDoc& doc, const MentionRef& m,
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
  // The document: another mention that ends with this one's words plus a suffix, or is
  // written in parentheses after it.
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& ts = doc.sentences[s].tokens;
    for (size_t i = 0; i + (m.last - m.first) < ts.size(); ++i) {
      if (!LowerEquals(ts[i].text, first) || (s == m.sentence && i == m.first)) continue;
      uint32_t k = 0;
      while (k < m.last - m.first && LowerEquals(ts[i + k].text, lower(m.first + k))) ++k;
      if (k != m.last - m.first) continue;
      const size_t after = i + k;
      if (after < ts.size()) {
        if (ts[after].cls & extract::kLegalSuffix) out.Add("doc-next", "legal");
        if (ts[after].cls & extract::kCompanySuffix) out.Add("doc-next", "company");
        if (ts[after].cls & extract::kAgencyHead) out.Add("doc-next", "agency");
        if (ts[after].cls & extract::kEventHead) out.Add("doc-next", "event");
      }
      if (i > 0 && (ts[i - 1].cls & extract::kTitleHead)) out.Add("doc-prev", "title");
    }
  }
}

}  // namespace actorgraph::importers::learn
