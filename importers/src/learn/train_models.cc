// TrainModels: corpora -> the rule reading of each document -> examples -> liblinear.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "../extract/analysis.h"
#include "actorgraph/importers/training.h"
#include "corpora.h"
#include "feature_hash.h"
#include "linear_trainer.h"
#include "mention_tagger.h"
#include "mention_typer.h"

namespace actorgraph::importers {

namespace {

using learn::Example;
using learn::GoldSpan;
using learn::LabeledDoc;

// How many times an example of our corpus counts against one of CoNLL's: our scheme is the
// product's, and our corpus is a tenth of CoNLL-2003's size.
constexpr int kOurWeight = 3;

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
             Collected& out) {
  extract::Analysis a;
  extract::Analyze(d.doc, g, a);
  const auto& labels = learn::TaggerLabels();
  auto label_index = [&](const std::string& l) {
    return int(std::find(labels.begin(), labels.end(), l) - labels.begin());
  };
  const int copies = d.source == "ours" ? kOurWeight : 1;
  learn::DocTokenFeatures feats = learn::StaticFeatures(a.parsed, {&words, &g});
  learn::FeatureVector f;
  for (size_t s = 0; s < a.parsed.sentences.size(); ++s) {
    const auto& sen = a.parsed.sentences[s];
    std::vector<std::string> gold(sen.tokens.size(), "O");
    for (const TokenSpan& t : SpansIn(sen, d.spans)) {
      for (uint32_t k = t.first; k < t.last; ++k) gold[k] = (k == t.first ? "B-" : "I-") + t.span->tag;
      if (t.span->tag != "ORG" && t.span->tag != "MISC") continue;
      learn::MentionRef ref{s, t.first, t.last, t.span->tag};
      learn::MentionFeatures(a.parsed, ref, learn::RuleTypeOf(a.parsed, ref), f);
      const std::string& type = t.span->type;
      std::string kind = t.span->tag == "MISC" ? (type == "event" ? "event" : "none") : "org";
      if (d.source == "ours" && type == "event") kind = "event";
      out.kind.push_back({f.ids(), int(std::find(learn::KindLabels().begin(), learn::KindLabels().end(), kind) -
                                     learn::KindLabels().begin()), copies});
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

}  // namespace

core::Status TrainModels(const TrainingOptions& o, std::ostream& log) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto gaz = extract::Gazetteer::Load(o.resources.data_dir, o.resources.iso_codes_dir);
  if (!gaz.ok()) return gaz.status();
  auto words = learn::WordLexicon::Load(o.resources.dictionary);
  if (!words.ok()) return words.status();

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

  Collected ex;
  for (const auto& d : docs) Collect(d, gaz.value(), words.value(), ex);
  log << "examples: tagger " << ex.tagger.size() << ", kind " << ex.kind.size() << ", org "
      << ex.org.size() << "\n";

  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  struct Job {
    const char* file;
    const std::vector<std::string>* labels;
    std::vector<Example>* examples;
    learn::TrainerOptions options;
  };
  learn::TrainerOptions tagger_opts{.c = 0.1, .min_count = 2};
  learn::TrainerOptions typer_opts{.c = 0.3, .min_count = 1};
  for (const Job& j : {Job{"tagger", &learn::TaggerLabels(), &ex.tagger, tagger_opts},
                       Job{"kind", &learn::KindLabels(), &ex.kind, typer_opts},
                       Job{"org", &learn::OrgLabels(), &ex.org, typer_opts}}) {
    auto t0 = Clock::now();
    learn::LinearModel m = learn::TrainLinear(j.file, *j.labels, *j.examples, j.options);
    m.trained_on() = {{"data", data},
                      {"examples", j.examples->size()},
                      {"c", j.options.c},
                      {"min_count", j.options.min_count},
                      {"solver", j.options.logistic ? "L2R_LR_DUAL" : "L2R_L2LOSS_SVC_DUAL"},
                      {"our_weight", kOurWeight}};
    AG_RETURN_IF_ERROR(m.Save(o.out_dir + "/" + j.file + ".model"));
    log << j.file << ".model: " << m.feature_count() << " features, "
        << std::chrono::duration<double>(Clock::now() - t0).count() << " s\n";
  }
  log << "trained in " << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
  return core::Status::Ok();
}

}  // namespace actorgraph::importers
