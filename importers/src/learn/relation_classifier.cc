#include "relation_classifier.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>

#include "../extract/lexicon.h"
#include "../extract/text.h"
#include "job_titles.h"

namespace actorgraph::importers::learn {

using core::EdgeType;
using core::NodeType;
using extract::Cue;

const std::vector<std::string>& RelationLabels() {
  static const std::vector<std::string> kLabels = {"none",       "works-for",    "speaks-at",
                                                   "moderates",  "organizes",    "part-of",
                                                   "located-in", "partners-with"};
  return kLabels;
}

bool EndsAllowed(EdgeType type, NodeType from, NodeType to) {
  const bool org_from = from == NodeType::kCompany || from == NodeType::kAgency;
  const bool org_to = to == NodeType::kCompany || to == NodeType::kAgency;
  switch (type) {
    case EdgeType::kWorksFor:
      return from == NodeType::kPerson && org_to;
    case EdgeType::kSpeaksAt:
    case EdgeType::kModerates:
      return from == NodeType::kPerson && to == NodeType::kEvent;
    case EdgeType::kOrganizes:
      return org_from && to == NodeType::kEvent;
    case EdgeType::kPartOf:
      return (org_from && org_to) || (from == NodeType::kEvent && to == NodeType::kEvent);
    case EdgeType::kLocatedIn:
      return (org_from || from == NodeType::kEvent) && to == NodeType::kLocation;
    case EdgeType::kPartnersWith:
      return org_from && org_to;
  }
  return false;
}

namespace {

const char* Coarse(NodeType t) {
  switch (t) {
    case NodeType::kPerson:
      return "per";
    case NodeType::kCompany:
    case NodeType::kAgency:
      return "org";
    case NodeType::kEvent:
      return "evt";
    case NodeType::kLocation:
      return "loc";
  }
  return "?";
}

bool AnyAllowed(NodeType a, NodeType b) {
  for (int t = 1; t <= 7; ++t)
    if (EndsAllowed(EdgeType(t), a, b)) return true;
  return false;
}

const char* Bucket(long d) {
  if (d <= 0) return "0";
  if (d == 1) return "1";
  if (d == 2) return "2";
  if (d <= 5) return "3-5";
  if (d <= 10) return "6-10";
  return ">10";
}

constexpr std::pair<Cue, const char*> kCues[] = {
    {Cue::kSpeech, "speech"},   {Cue::kModerate, "moderate"}, {Cue::kOrganize, "organize"},
    {Cue::kPartner, "partner"}, {Cue::kPartOf, "part"},       {Cue::kPlace, "place"},
    {Cue::kAppoint, "appoint"}};

// Rule relations by (from, to): type name, and whether it was stated in sentence s.
struct RuleIndex {
  std::map<std::pair<size_t, size_t>, std::vector<std::pair<std::string, uint32_t>>> by_pair;
  std::string TypeIn(size_t from, size_t to, uint32_t sentence_begin) const {
    auto it = by_pair.find({from, to});
    if (it == by_pair.end()) return "";
    for (const auto& [type, begin] : it->second)
      if (begin == sentence_begin) return type;
    return "";
  }
  std::string TypeAnywhere(size_t from, size_t to) const {
    auto it = by_pair.find({from, to});
    return it == by_pair.end() ? "" : it->second.front().first;
  }
};

RuleIndex IndexRules(const std::vector<core::RelationFact>& rules) {
  RuleIndex idx;
  for (const auto& r : rules) {
    idx.by_pair[{r.from, r.to}].push_back({core::EdgeTypeName(r.type), r.begin});
    if (r.type == EdgeType::kPartnersWith)
      idx.by_pair[{r.to, r.from}].push_back({core::EdgeTypeName(r.type), r.begin});
  }
  return idx;
}

// Bit i: the token starts with a stem of kCues[i]; kTitleBit: it heads a job title. Computed
// once per sentence, so a pair's features cost the words between its ends, not the sentence.
constexpr uint8_t kTitleBit = 1u << 7;
static_assert(std::size(kCues) < 8);

std::vector<uint8_t> CueMasks(const extract::Sentence& s) {
  std::vector<uint8_t> masks(s.tokens.size(), 0);
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    if (!s.tokens[k].IsWord()) continue;
    const std::string lw = extract::Lower(s.tokens[k].text);
    for (size_t c = 0; c < std::size(kCues); ++c)
      if (extract::IsCue(lw, kCues[c].first)) masks[k] |= uint8_t(1u << c);
    if (s.tokens[k].cls & extract::kTitleHead) masks[k] |= kTitleBit;
  }
  return masks;
}

// The cue features of tokens [from, to), in token order.
void SentenceCues(const std::vector<uint8_t>& masks, uint32_t from, uint32_t to, FeatureVector& f,
                  const char* kind) {
  for (uint32_t k = from; k < to && k < masks.size(); ++k) {
    for (size_t c = 0; c < std::size(kCues); ++c)
      if (masks[k] & (1u << c)) f.Add(kind, kCues[c].second);
    if (masks[k] & kTitleBit) f.Add(kind, "title");
  }
}

}  // namespace

std::vector<RelationCandidate> RelationCandidates(const extract::ParsedDoc& doc,
                                                  const std::vector<core::EntityFact>& entities,
                                                  const std::vector<core::RelationFact>& rules) {
  const RuleIndex rule = IndexRules(rules);
  std::vector<RelationCandidate> out;
  int first_event = -1, last_event = -1;
  for (size_t s = 0; s < doc.sentences.size() && first_event < 0; ++s)
    for (const auto& m : doc.mentions[s].mentions)
      if (m.entity >= 0 && entities[m.entity].type == NodeType::kEvent) {
        first_event = m.entity;
        break;
      }
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& sen = doc.sentences[s];
    const auto& ms = doc.mentions[s].mentions;
    const std::vector<uint8_t> cues = CueMasks(sen);
    FeatureVector sentence_cues;
    SentenceCues(cues, 0, uint32_t(sen.tokens.size()), sentence_cues, "s-cue");
    auto role_next_to = [&](const extract::Mention& m) {
      for (const auto& r : doc.mentions[s].roles)
        if (r.last == m.first || r.last + 1 == m.first || r.first == m.last ||
            r.first == m.last + 1)
          return true;
      return false;
    };
    bool event_here = false;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].entity < 0) continue;
      event_here |= entities[ms[i].entity].type == NodeType::kEvent;
      for (size_t j = 0; j < ms.size(); ++j) {
        if (i == j || ms[j].entity < 0 || ms[i].entity == ms[j].entity) continue;
        const size_t a = ms[i].entity, b = ms[j].entity;
        const NodeType ta = entities[a].type, tb = entities[b].type;
        if (!AnyAllowed(ta, tb)) continue;
        const auto& mi = ms[i];
        const auto& mj = ms[j];
        RelationCandidate c{a, b, s, false, {}};
        FeatureVector f;
        const std::string types = std::string(Coarse(ta)) + ">" + Coarse(tb);
        f.Add("types", types);
        const std::string r_here = rule.TypeIn(a, b, sen.begin), r_any = rule.TypeAnywhere(a, b);
        f.Add("rule", r_here.empty() ? "none" : r_here);
        f.Add("rule-any", r_any.empty() ? "none" : r_any);
        f.Add("rule-types", r_here, types);
        const bool forward = mi.first < mj.first;
        f.Add("order", forward ? "from-first" : "to-first", types);
        const uint32_t lo = forward ? mi.last : mj.last, hi = forward ? mj.first : mi.first;
        const long dist = long(hi) - long(lo);
        f.Add("dist", Bucket(dist), types);
        int others = 0;
        for (size_t k = 0; k < ms.size(); ++k)
          if (k != i && k != j && ms[k].first >= lo && ms[k].last <= hi) ++others;
        f.Add("between-mentions", std::to_string(std::min(others, 3)), types);
        if (dist <= 8)
          for (uint32_t k = lo; k < hi; ++k) f.Add("bw", extract::Lower(sen.tokens[k].text), types);
        else
          f.Add("bw", "far", types);
        SentenceCues(cues, lo, hi, f, "bw-cue");
        for (uint64_t id : sentence_cues.ids()) f.AddId(id);
        if (lo > 0 && lo - (forward ? 0 : 0) <= sen.tokens.size())
          f.Add("before", lo >= 1 && (forward ? mi.first : mj.first) > 0
                              ? extract::Lower(sen.tokens[(forward ? mi.first : mj.first) - 1].text)
                              : "<s>");
        if (ta == NodeType::kPerson && role_next_to(mi)) f.Add("role-next-to-person", types);
        f.Add("head-to", extract::Lower(sen.tokens[mj.last - 1].text), types);
        c.features = std::move(f.ids());
        out.push_back(std::move(c));
      }
    }
    // Context candidates: the event this sentence speaks of, when it is not named here.
    if (!event_here && (last_event >= 0 || first_event >= 0)) {
      const size_t ev = size_t(last_event >= 0 ? last_event : first_event);
      std::set<size_t> done;
      for (const auto& m : ms) {
        if (m.entity < 0 || !done.insert(size_t(m.entity)).second) continue;
        const NodeType t = entities[m.entity].type;
        if (t != NodeType::kPerson && t != NodeType::kCompany && t != NodeType::kAgency) continue;
        RelationCandidate c{size_t(m.entity), ev, s, true, {}};
        FeatureVector f;
        const std::string types = std::string(Coarse(t)) + ">evt";
        f.Add("ctx-types", types);
        const std::string r_any = rule.TypeAnywhere(c.from, ev);
        f.Add("ctx-rule", r_any.empty() ? "none" : r_any);
        SentenceCues(cues, 0, uint32_t(sen.tokens.size()), f, "ctx-cue");
        for (uint32_t k = m.last; k < std::min<uint32_t>(m.last + 4, sen.tokens.size()); ++k)
          f.Add("ctx-after", extract::Lower(sen.tokens[k].text), types);
        for (uint32_t k = m.first >= 3 ? m.first - 3 : 0; k < m.first; ++k)
          f.Add("ctx-before", extract::Lower(sen.tokens[k].text), types);
        if (t == NodeType::kPerson && role_next_to(m)) f.Add("ctx-role", "1");
        f.Add("ctx-first-event", int(ev) == first_event ? "1" : "0");
        c.features = std::move(f.ids());
        out.push_back(std::move(c));
      }
    }
    for (const auto& m : ms)
      if (m.entity >= 0 && entities[m.entity].type == NodeType::kEvent) last_event = m.entity;
  }
  // The rule patterns' pairs that no candidate above covers (stated across sentences).
  std::set<std::pair<size_t, size_t>> covered;
  for (const auto& c : out) covered.insert({c.from, c.to});
  for (const auto& r : rules) {
    if (covered.count({r.from, r.to})) continue;
    covered.insert({r.from, r.to});
    size_t s = 0;
    while (s + 1 < doc.sentences.size() && doc.sentences[s + 1].begin <= r.begin) ++s;
    RelationCandidate c{r.from, r.to, s, true, {}};
    FeatureVector f;
    const std::string types =
        std::string(Coarse(entities[r.from].type)) + ">" + Coarse(entities[r.to].type);
    f.Add("rule-only", core::EdgeTypeName(r.type), types);
    SentenceCues(CueMasks(doc.sentences[s]), 0, uint32_t(doc.sentences[s].tokens.size()), f,
                 "ro-cue");
    c.features = std::move(f.ids());
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<core::RelationFact> DecideRelations(const extract::ParsedDoc& doc,
                                                const std::vector<core::EntityFact>& entities,
                                                const std::vector<core::RelationFact>& rules,
                                                const std::vector<RelationCandidate>& candidates,
                                                const LinearModel& model) {
  const auto& labels = model.labels();
  struct Best {
    float margin = 0;
    size_t candidate = 0;
  };
  std::map<std::tuple<size_t, int, size_t>, Best> best;
  std::vector<float> scores(labels.size());
  // How far below "none" a relation may score and still be kept (chosen by cross-validation
  // and stored with the model: the model alone under-calls relations, "none" being most pairs).
  const float offset = model.trained_on().value("none_offset", 0.0f);
  for (size_t ci = 0; ci < candidates.size(); ++ci) {
    const auto& c = candidates[ci];
    model.Score(c.features, scores.data());
    const float none = scores[0] - offset;
    for (size_t k = 1; k < labels.size(); ++k) {
      auto type = core::ParseEdgeType(labels[k]);
      if (!type || !EndsAllowed(*type, entities[c.from].type, entities[c.to].type)) continue;
      if (scores[k] <= none) continue;
      size_t a = c.from, b = c.to;
      if (*type == EdgeType::kPartnersWith && a > b) std::swap(a, b);
      Best& slot = best[{a, int(k), b}];
      const float margin = scores[k] - none;
      if (margin > slot.margin) slot = {margin, ci};
    }
  }
  std::vector<core::RelationFact> out;
  for (const auto& [key, b] : best) {
    const auto& [from, k, to] = key;
    const auto& c = candidates[b.candidate];
    const auto& sen = doc.sentences[c.sentence];
    core::RelationFact r;
    r.type = *core::ParseEdgeType(labels[k]);
    r.from = from;
    r.to = to;
    r.begin = sen.begin;
    r.end = sen.end;
    r.sentence = std::string(doc.text.substr(sen.begin, sen.end - sen.begin));
    r.confidence = std::clamp(1.0 / (1.0 + std::exp(-2.0 * b.margin)), 0.05, 0.99);
    if (r.type == EdgeType::kWorksFor) {
      for (const auto& rr : rules)
        if (rr.type == EdgeType::kWorksFor && rr.from == from && rr.to == to && !rr.title.empty()) {
          r.title = rr.title;
          break;
        }
      // The title as written: the rule's, unless it is one of a joined series of titles.
      const std::string written = JobTitleOf(doc, int(from), int(to), c.sentence);
      if (r.title.empty() ||
          (written.size() > r.title.size() && written.find(r.title) != std::string::npos))
        r.title = written;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace actorgraph::importers::learn
