// TrainModels: corpora -> the rule reading of each document -> examples -> liblinear.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "../extract/analysis.h"
#include "../extract/extractor_impl.h"
#include "actorgraph/core/names.h"
#include "actorgraph/importers/training.h"
#include "corpora.h"
#include "feature_hash.h"
#include "linear_trainer.h"
#include "mention_tagger.h"
#include "mention_typer.h"
#include "relation_classifier.h"

namespace actorgraph::importers {

namespace {

using learn::Example;
using learn::GoldSpan;
using learn::LabeledDoc;

std::string FileHash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(learn::HashBytes(ss.str())));
  return buf;
}

// Token ranges of the gold spans in one sentence: (first, last, span index).
struct TokenSpan {
  uint32_t first, last;
  const GoldSpan* span;
};
std::vector<TokenSpan> SpansIn(const extract::Sentence& s, const std::vector<GoldSpan>& spans) {
  std::vector<TokenSpan> out;
  for (const GoldSpan& g : spans) {
    if (g.end <= s.begin || g.begin >= s.end) continue;
    uint32_t first = UINT32_MAX, last = 0;
    for (uint32_t i = 0; i < s.tokens.size(); ++i)
      if (s.tokens[i].begin >= g.begin && s.tokens[i].end <= g.end) {
        first = std::min(first, i);
        last = i + 1;
      }
    if (first < last) out.push_back({first, last, &g});
  }
  return out;
}

struct Collected {
  std::vector<Example> tagger, kind, org;
};

void Collect(const LabeledDoc& d, const extract::Gazetteer& g, const learn::WordLexicon& words,
             int our_weight, Collected& out) {
  extract::Analysis a;
  auto budget = extract::Budget::Unlimited();
  extract::Analyze(d.doc, g, budget, a);
  const auto& labels = learn::TaggerLabels();
  auto label_index = [&](const std::string& l) {
    return int(std::find(labels.begin(), labels.end(), l) - labels.begin());
  };
  const int copies = d.source == "ours" ? our_weight : 1;
  learn::DocTokenFeatures feats = learn::StaticFeatures(a.parsed, {&words, &g});
  learn::FeatureVector f;
  learn::DocumentWritings writings(a.parsed);
  for (size_t s = 0; s < a.parsed.sentences.size(); ++s) {
    const auto& sen = a.parsed.sentences[s];
    std::vector<std::string> gold(sen.tokens.size(), "O");
    for (const TokenSpan& t : SpansIn(sen, d.spans)) {
      for (uint32_t k = t.first; k < t.last; ++k)
        gold[k] = (k == t.first ? "B-" : "I-") + t.span->tag;
      if (t.span->tag != "ORG" && t.span->tag != "MISC") continue;
      learn::MentionRef ref{s, t.first, t.last, t.span->tag};
      learn::MentionFeatures(a.parsed, writings, ref, learn::RuleTypeOf(a.parsed, ref), f);
      const std::string& type = t.span->type;
      std::string kind = t.span->tag == "MISC" ? (type == "event" ? "event" : "none") : "org";
      if (d.source == "ours" && type == "event") kind = "event";
      out.kind.push_back(
          {f.ids(),
           int(std::find(learn::KindLabels().begin(), learn::KindLabels().end(), kind) -
               learn::KindLabels().begin()),
           copies});
      if (d.source == "ours" && (type == "company" || type == "agency"))
        out.org.push_back({f.ids(), type == "company" ? 0 : 1, 1});
    }
    std::string p1 = "<s>", p2 = "<s>";
    for (size_t i = 0; i < sen.tokens.size(); ++i) {
      learn::TokenFeatures(feats, s, i, p1, p2, f);
      out.tagger.push_back({f.ids(), label_index(gold[i]), copies});
      p2 = p1;
      p1 = gold[i];
    }
  }
}

// The gold id of each extracted entity: the gold entity of a compatible type one of whose
// forms folds like one of the entity's forms; "" when none.
std::vector<std::string> GoldIds(const std::vector<core::EntityFact>& entities,
                                 const nlohmann::json& gold) {
  auto coarse = [](const std::string& t) {
    return t == "company" || t == "agency" ? std::string("org") : t;
  };
  std::map<std::pair<std::string, std::string>, std::string> forms;  // (coarse type, folded)
  for (const auto& g : gold) {
    const std::string type = coarse(g.value("type", ""));
    forms.emplace(std::pair{type, core::FoldName(g.value("name", ""))}, g.value("id", ""));
    for (const auto& a : g.value("aliases", nlohmann::json::array()))
      forms.emplace(std::pair{type, core::FoldName(a.get<std::string>())}, g.value("id", ""));
  }
  std::vector<std::string> ids;
  for (const auto& e : entities) {
    const std::string type = coarse(core::NodeTypeName(e.type));
    std::string id;
    if (auto it = forms.find({type, core::FoldName(e.name)}); it != forms.end()) id = it->second;
    for (const auto& a : e.aliases)
      if (id.empty())
        if (auto it = forms.find({type, core::FoldName(a)}); it != forms.end()) id = it->second;
    ids.push_back(id);
  }
  return ids;
}

void CollectRelations(const Extractor::Impl& impl, const LabeledDoc& d, int copies,
                      std::vector<Example>& out) {
  extract::Analysis a;
  std::vector<core::EntityFact> entities;
  std::vector<core::RelationFact> rules;
  auto budget = extract::Budget::Unlimited();
  ReadEntities(impl, d.doc, budget, a, entities, rules);
  const std::vector<std::string> ids = GoldIds(entities, d.entities);
  std::map<std::pair<std::string, std::string>, std::string> gold;
  for (const auto& r : d.relations) {
    gold[{r.from, r.to}] = r.type;
    if (r.type == "partners-with") gold[{r.to, r.from}] = r.type;
  }
  const auto& labels = learn::RelationLabels();
  for (auto& c : learn::RelationCandidates(a.parsed, entities, rules)) {
    std::string label = "none";
    if (!ids[c.from].empty() && !ids[c.to].empty())
      if (auto it = gold.find({ids[c.from], ids[c.to]}); it != gold.end()) label = it->second;
    // CoNLL04 marks only two of our relation types: its other pairs are unknown, not "none".
    if (d.source == "conll04" && label == "none" &&
        !(entities[c.from].type == core::NodeType::kPerson ||
          entities[c.to].type == core::NodeType::kLocation))
      continue;
    int index = int(std::find(labels.begin(), labels.end(), label) - labels.begin());
    if (index == int(labels.size())) continue;
    out.push_back({std::move(c.features), index, copies});
  }
}

}  // namespace

core::Status TrainModels(const TrainingOptions& o, std::ostream& log) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  Extractor::Impl impl;  // filled as the models are trained
  AG_RETURN_IF_ERROR(LoadResources(o.resources, o.resources.data_dir, impl));

  std::vector<LabeledDoc> docs;
  nlohmann::json data = nlohmann::json::object();
  auto take = [&](core::Result<std::vector<LabeledDoc>> r, const std::string& name,
                  const std::string& path) -> core::Status {
    if (!r.ok()) return r.status();
    size_t n = 0;
    for (auto& d : r.value()) {
      if (o.max_conll_docs && d.source != "ours" && n >= o.max_conll_docs) break;
      if (d.source == "ours" &&
          std::find(o.exclude.begin(), o.exclude.end(), d.id) != o.exclude.end())
        continue;
      docs.push_back(std::move(d));
      ++n;
    }
    data[name] = {{"path", path}, {"documents", n}};
    if (std::filesystem::is_regular_file(path)) data[name]["fnv1a64"] = FileHash(path);
    log << "read " << n << " documents of " << name << "\n";
    return core::Status::Ok();
  };
  AG_RETURN_IF_ERROR(take(learn::ReadConll03(o.conll03), "conll03", o.conll03));
  AG_RETURN_IF_ERROR(take(learn::ReadConll04(o.conll04), "conll04", o.conll04));
  AG_RETURN_IF_ERROR(take(learn::ReadGoldCorpus(o.corpus_dir), "ours", o.corpus_dir));
  std::vector<std::string> ours;
  for (const auto& d : docs)
    if (d.source == "ours") ours.push_back(d.id);
  data["ours"]["articles"] = ours;
  data["excluded"] = o.exclude;

  std::vector<Collected> per_doc(docs.size());
  for (size_t i = 0; i < docs.size(); ++i)
    Collect(docs[i], impl.gazetteer, impl.words, o.our_weight, per_doc[i]);
  // The mention examples of every document but those `skip` says to leave out.
  auto gather = [&](const std::function<bool(size_t)>& skip) {
    Collected all;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (skip(i)) continue;
      for (auto [from, to] : {std::pair{&per_doc[i].tagger, &all.tagger},
                              {&per_doc[i].kind, &all.kind},
                              {&per_doc[i].org, &all.org}})
        to->insert(to->end(), from->begin(), from->end());
    }
    return all;
  };
  Collected ex = gather([](size_t) { return false; });
  log << "examples: tagger " << ex.tagger.size() << ", kind " << ex.kind.size() << ", org "
      << ex.org.size() << "\n";

  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  auto fit = [&](const char* file, const std::vector<std::string>& labels,
                 const std::vector<Example>& examples, const learn::TrainerOptions& options,
                 learn::LinearModel& into) {
    into = learn::TrainLinear(file, labels, examples, options);
  };
  auto train = [&](const char* file, const std::vector<std::string>& labels,
                   const std::vector<Example>& examples, const learn::TrainerOptions& options,
                   learn::LinearModel& into) -> core::Status {
    auto t0 = Clock::now();
    fit(file, labels, examples, options, into);
    into.trained_on() = {{"data", data},
                         {"examples", examples.size()},
                         {"c", options.c},
                         {"min_count", options.min_count},
                         {"solver", options.logistic ? "L2R_LR_DUAL" : "L2R_L2LOSS_SVC_DUAL"},
                         {"our_weight", o.our_weight}};
    AG_RETURN_IF_ERROR(into.Save(o.out_dir + "/" + file + ".model"));
    log << file << ".model: " << into.feature_count() << " features, "
        << std::chrono::duration<double>(Clock::now() - t0).count() << " s\n";
    return core::Status::Ok();
  };
  const learn::TrainerOptions tagger_opts{.c = o.tagger_c, .min_count = 2};
  const learn::TrainerOptions typer_opts{.c = 0.3, .min_count = 1};
  AG_RETURN_IF_ERROR(train("tagger", learn::TaggerLabels(), ex.tagger, tagger_opts, impl.tagger));
  AG_RETURN_IF_ERROR(train("kind", learn::KindLabels(), ex.kind, typer_opts, impl.kind));
  AG_RETURN_IF_ERROR(train("org", learn::OrgLabels(), ex.org, typer_opts, impl.org));
  // Relations are learned over mentions as extraction will find them: each half of our
  // articles is read by mention models trained without it (a two-fold jackknife), so the
  // relation model sees the tagger's real mistakes; CoNLL04's sentences by the full models.
  std::vector<Example> relation_examples;
  for (int half = 0; half < 2; ++half) {
    Extractor::Impl jack;
    AG_RETURN_IF_ERROR(LoadResources(o.resources, o.resources.data_dir, jack));
    Collected part =
        gather([&](size_t i) { return docs[i].source == "ours" && int(i % 2) == half; });
    fit("tagger", learn::TaggerLabels(), part.tagger, tagger_opts, jack.tagger);
    fit("kind", learn::KindLabels(), part.kind, typer_opts, jack.kind);
    fit("org", learn::OrgLabels(), part.org, typer_opts, jack.org);
    for (size_t i = 0; i < docs.size(); ++i)
      if (docs[i].source == "ours" && int(i % 2) == half)
        CollectRelations(jack, docs[i], 1, relation_examples);
  }
  for (const auto& d : docs)
    if (d.source == "conll04" && !d.relations.empty())
      CollectRelations(impl, d, 1, relation_examples);
  log << "relation examples: " << relation_examples.size() << "\n";
  const learn::TrainerOptions relation_opts{.c = o.relation_c, .min_count = 1};
  fit("relation", learn::RelationLabels(), relation_examples, relation_opts, impl.relation);
  impl.relation.trained_on() = {{"data", data},
                                {"examples", relation_examples.size()},
                                {"c", relation_opts.c},
                                {"none_offset", o.relation_none_offset},
                                {"jackknife_folds", 2}};
  AG_RETURN_IF_ERROR(impl.relation.Save(o.out_dir + "/relation.model"));
  log << "relation.model: " << impl.relation.feature_count() << " features\n";
  log << "trained in " << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
  return core::Status::Ok();
}

}  // namespace actorgraph::importers
