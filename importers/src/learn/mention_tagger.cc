#include "mention_tagger.h"

#include <unordered_map>
#include <unordered_set>

#include "../extract/lexicon.h"
#include "../extract/text.h"

namespace actorgraph::importers::learn {

using extract::ParsedDoc;
using extract::Sentence;
using extract::Token;

const std::vector<std::string>& TaggerLabels() {
  static const std::vector<std::string> kLabels = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                   "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
  return kLabels;
}

namespace {

// "Xx", "X", "x", "d", "X.X.", "Xx-Xx": runs of the same character class collapsed.
std::string Shape(const Token& t) {
  std::string out;
  bool first = true;
  for (size_t i = 0; i < t.text.size(); ++i) {
    unsigned char c = t.text[i];
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      k = first && t.upper ? 'X' : 'x';
    } else
      k = char(c);
    first = false;
    if (out.empty() || out.back() != k) out += k;
  }
  return out.empty() ? "_" : out;
}

bool AllCapsSentence(const Sentence& s) {
  int words = 0, caps = 0;
  for (const Token& t : s.tokens)
    if (t.IsWord() && !t.digit) {
      ++words;
      caps += t.all_upper || (t.text.size() == 1 && t.upper);
    }
  return words >= 3 && caps * 10 >= words * 8;
}

// A headline written in Title Case: most words capitalised, so case says little.
bool TitleCaseSentence(const Sentence& s) {
  int words = 0, caps = 0;
  for (const Token& t : s.tokens)
    if (t.IsWord() && !t.digit && t.text.size() > 3) {
      ++words;
      caps += t.upper;
    }
  return words >= 3 && caps * 10 >= words * 8;
}

// What the document says around each word (lower-cased), over all its occurrences: the
// rule stages' types of the mentions it is in, and the word classes next to it.
std::unordered_map<std::string, std::vector<std::string>> DocContexts(
    const ParsedDoc& doc, const std::vector<std::vector<std::string>>& lower) {
  std::unordered_map<std::string, std::unordered_set<std::string>> seen;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.sentences[s].tokens;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].IsWord() || !toks[i].upper) continue;
      auto& ctx = seen[lower[s][i]];
      if (i > 0 && (toks[i - 1].cls & (extract::kTitleHead | extract::kHonorific)))
        ctx.insert("after-title");
      if (i + 1 < toks.size()) {
        const uint32_t next = toks[i + 1].cls;
        if (next & (extract::kLegalSuffix | extract::kCompanySuffix))
          ctx.insert("before-company-suffix");
        if (next & extract::kAgencyHead) ctx.insert("before-agency-head");
        if (next & extract::kEventHead) ctx.insert("before-event-head");
        if (toks[i + 1].kind == extract::TokenKind::kPossessive) ctx.insert("possessive");
      }
    }
    if (s < doc.mentions.size())
      for (const auto& m : doc.mentions[s].mentions)
        if (m.type && !m.anaphor)
          for (uint32_t k = m.first; k < m.last; ++k)
            seen[lower[s][k]].insert(std::string("rule-") + core::NodeTypeName(*m.type));
  }
  std::unordered_map<std::string, std::vector<std::string>> out;
  for (auto& [w, ctx] : seen) out[w].assign(ctx.begin(), ctx.end());
  return out;
}

// "B" / "I" for tokens that start / continue a gazetteer place of up to four words.
std::vector<char> PlaceMarks(const Sentence& s, const extract::Gazetteer& g) {
  std::vector<char> marks(s.tokens.size(), 0);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (!s.tokens[i].IsWord() || !s.tokens[i].upper) continue;
    for (size_t n = 4; n >= 1; --n) {
      if (i + n > s.tokens.size()) continue;
      if (!s.tokens[i + n - 1].IsWord()) continue;
      std::string_view span(s.tokens[i].text.data(), s.tokens[i + n - 1].text.data() +
                                                         s.tokens[i + n - 1].text.size() -
                                                         s.tokens[i].text.data());
      if (g.IsPlace(span)) {
        marks[i] = 'B';
        for (size_t k = i + 1; k < i + n; ++k) marks[k] = 'I';
        break;
      }
    }
  }
  return marks;
}

// The rule stages' reading of each token: "B-person", "I-company", "role", or "".
std::vector<std::string> RuleMarks(const Sentence& s, const extract::SentenceMentions& sm) {
  std::vector<std::string> marks(s.tokens.size());
  for (const auto& r : sm.roles)
    for (uint32_t k = r.first; k < r.last && k < marks.size(); ++k) marks[k] = "role";
  for (const auto& m : sm.mentions) {
    std::string type = m.type ? core::NodeTypeName(*m.type) : "untyped";
    if (m.anaphor) type = "anaphor";
    for (uint32_t k = m.first; k < m.last && k < marks.size(); ++k)
      marks[k] = (k == m.first ? "B-" : "I-") + type;
  }
  return marks;
}

}  // namespace

DocTokenFeatures StaticFeatures(const ParsedDoc& doc, const TaggerResources& res) {
  DocTokenFeatures out;
  const size_t ns = doc.sentences.size();
  out.tokens.resize(ns);
  out.lower.resize(ns);
  out.shape.resize(ns);
  // What the document writes elsewhere: words seen in lower case, words seen capitalised
  // inside a mixed-case sentence (not at its start).
  std::unordered_set<std::string> lower_seen, capital_seen;
  std::vector<char> caps(ns), title_case(ns);
  for (size_t s = 0; s < ns; ++s) {
    const Sentence& sen = doc.sentences[s];
    caps[s] = AllCapsSentence(sen);
    title_case[s] = !caps[s] && TitleCaseSentence(sen);
    for (size_t i = 0; i < sen.tokens.size(); ++i) {
      const Token& t = sen.tokens[i];
      out.lower[s].push_back(extract::Lower(t.text));
      out.shape[s].push_back(Shape(t));
      if (!t.IsWord()) continue;
      if (!t.upper && !t.digit)
        lower_seen.insert(out.lower[s].back());
      else if (t.upper && i > 0 && !caps[s] && !title_case[s] && !sen.headline)
        capital_seen.insert(out.lower[s].back());
    }
  }
  const auto contexts = DocContexts(doc, out.lower);
  for (size_t s = 0; s < ns; ++s) {
    const Sentence& sen = doc.sentences[s];
    const size_t n = sen.tokens.size();
    std::vector<char> place = PlaceMarks(sen, *res.gazetteer);
    std::vector<std::string> rule =
        s < doc.mentions.size() ? RuleMarks(sen, doc.mentions[s]) : std::vector<std::string>(n);
    const auto& lw = out.lower[s];
    const auto& sh = out.shape[s];
    auto L = [&](long k) -> std::string_view {
      return k < 0 ? "<s>" : size_t(k) >= n ? "</s>" : std::string_view(lw[k]);
    };
    auto S = [&](long k) -> std::string_view {
      return k < 0 ? "<s>" : size_t(k) >= n ? "</s>" : std::string_view(sh[k]);
    };
    out.tokens[s].resize(n);
    for (size_t i = 0; i < n; ++i) {
      const Token& t = sen.tokens[i];
      FeatureVector f;
      const long k = long(i);
      f.Add("lw", lw[i]);
      const bool weak_case = caps[s] || title_case[s];
      if (!weak_case) f.Add("w", t.text);
      f.Add("sh", sh[i]);
      if (lw[i].size() > 3)
        for (size_t a = 2; a <= 4 && a < lw[i].size(); ++a) {
          f.Add("pre", lw[i].substr(0, a));
          f.Add("suf", lw[i].substr(lw[i].size() - a));
        }
      f.Add("lw-1", L(k - 1));
      f.Add("lw+1", L(k + 1));
      f.Add("lw-2", L(k - 2));
      f.Add("lw+2", L(k + 2));
      f.Add("sh-1", S(k - 1));
      f.Add("sh+1", S(k + 1));
      f.Add("sh3", S(k - 1), std::string(sh[i]) + "|" + std::string(S(k + 1)));
      f.Add("bi-1", L(k - 1), lw[i]);
      f.Add("bi+1", lw[i], L(k + 1));
      if (i == 0) f.Add("first", sh[i]);
      if (caps[s]) f.Add("caps", sh[i]);
      if (sen.headline) f.Add("headline", sh[i]);
      if (title_case[s]) f.Add("title-case", sh[i]);
      if (auto it = contexts.find(lw[i]); it != contexts.end())
        for (const std::string& c : it->second) f.Add("doc-ctx", c);
      if (t.IsWord()) {
        const bool common = res.words->IsCommonWord(lw[i]);
        f.Add("common", common ? "1" : "0", sh[i]);
        if (res.words->IsProperNoun(lw[i])) f.Add("proper", "1");
        if (i == 0 || weak_case) f.Add("common-at-start", common ? "1" : "0");
        if (t.upper && lower_seen.count(lw[i])) f.Add("doc", "lower-elsewhere");
        if ((i == 0 || weak_case || sen.headline) && capital_seen.count(lw[i]))
          f.Add("doc", "capital-elsewhere");
        if (res.gazetteer->IsGivenName(t.text)) f.Add("given", "1");
        if (res.gazetteer->IsFamilyName(t.text)) f.Add("family", "1");
        if (res.gazetteer->IsDemonym(t.text)) f.Add("demonym", "1");
      }
      if (place[i]) f.Add("place", std::string_view(&place[i], 1));
      if (i > 0 && place[i - 1]) f.Add("place-1", std::string_view(&place[i - 1], 1));
      if (i + 1 < n && place[i + 1]) f.Add("place+1", std::string_view(&place[i + 1], 1));
      static constexpr std::string_view kBits[] = {"0", "1", "2", "3",  "4",  "5",  "6",
                                                   "7", "8", "9", "10", "11", "12", "13"};
      for (int b = 0; b < 14; ++b) {
        const std::string_view bit = kBits[b];
        if (t.cls & (1u << b)) f.Add("cls", bit);
        if (i > 0 && (sen.tokens[i - 1].cls & (1u << b))) f.Add("cls-1", bit);
        if (i + 1 < n && (sen.tokens[i + 1].cls & (1u << b))) f.Add("cls+1", bit);
      }
      f.Add("rule", rule[i]);
      if (i > 0) f.Add("rule-1", rule[i - 1]);
      if (i + 1 < n) f.Add("rule+1", rule[i + 1]);
      out.tokens[s][i] = std::move(f.ids());
    }
  }
  return out;
}

void TokenFeatures(const DocTokenFeatures& doc, size_t s, size_t i, std::string_view prev1,
                   std::string_view prev2, FeatureVector& out) {
  out.Clear();
  out.ids() = doc.tokens[s][i];
  out.Add("p1", prev1);
  out.Add("p2", prev2, prev1);
  out.Add("p1w", prev1, doc.lower[s][i]);
  out.Add("p1sh", prev1, doc.shape[s][i]);
}

std::vector<std::vector<std::string>> MentionTagger::Tag(
    const ParsedDoc& doc, std::vector<std::vector<float>>* margins) const {
  DocTokenFeatures feats = StaticFeatures(doc, res_);
  const auto& labels = model_->labels();
  std::vector<std::vector<std::string>> out(doc.sentences.size());
  if (margins) margins->assign(doc.sentences.size(), {});
  FeatureVector f;
  std::vector<float> scores(labels.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const size_t n = doc.sentences[s].tokens.size();
    out[s].resize(n);
    std::string_view p1 = "<s>", p2 = "<s>";
    for (size_t i = 0; i < n; ++i) {
      TokenFeatures(feats, s, i, p1, p2, f);
      model_->Score(f.ids(), scores.data());
      size_t best = 0, second = 1;
      for (size_t c = 0; c < labels.size(); ++c) {
        // I-X continues only an X.
        if (labels[c][0] == 'I' && std::string_view(labels[c]).substr(2) !=
                                       (p1.size() > 2 ? p1.substr(2) : std::string_view()))
          scores[c] = -1e9f;
      }
      for (size_t c = 1; c < labels.size(); ++c)
        if (scores[c] > scores[best]) best = c;
      second = best == 0 ? 1 : 0;
      for (size_t c = 0; c < labels.size(); ++c)
        if (c != best && scores[c] > scores[second]) second = c;
      out[s][i] = labels[best];
      if (margins) (*margins)[s].push_back(scores[best] - scores[second]);
      p2 = p1;
      p1 = out[s][i];
    }
  }
  return out;
}

}  // namespace actorgraph::importers::learn
