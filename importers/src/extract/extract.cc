// The extraction pipeline: clean -> segment -> rule mentions (features) -> learned mentions
// and types -> coreference -> relations.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "../learn/mention_tagger.h"
#include "../learn/mention_typer.h"
#include "../learn/relation_classifier.h"
#include "actorgraph/importers/extraction.h"
#include "analysis.h"
#include "budget.h"
#include "caps.h"
#include "coref.h"
#include "extractor_impl.h"
#include "learned_mentions.h"
#include "relations.h"
#include "text.h"

namespace actorgraph::importers {

namespace {

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(v & 0xffffffffu));
  return buf;
}

}  // namespace

std::string DataDir() {
  if (const char* env = std::getenv("ACTORGRAPH_DATA"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "actorgraph-data";
  return (exe.parent_path() / "actorgraph-data").string();
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

core::Status LoadResources(const ExtractorOptions& options, const std::string& data_dir,
                           Extractor::Impl& impl) {
  auto gaz = extract::Gazetteer::Load(data_dir, options.iso_codes_dir);
  if (!gaz.ok()) return gaz.status();
  impl.gazetteer = std::move(gaz.value());
  const auto dictionaries = options.language_dictionaries.empty() ? DefaultLanguageDictionaries()
                                                                  : options.language_dictionaries;
  auto languages = LanguageIdentifier::Open(dictionaries);
  if (!languages.ok()) return languages.status();
  impl.languages.emplace(std::move(languages.value()));
  auto spellers = Spellers::Open(dictionaries);
  if (!spellers.ok()) return spellers.status();
  impl.spellers.emplace(std::move(spellers.value()));
  auto countries = CountryNames::Load(options.iso_codes_dir);
  if (!countries.ok()) return countries.status();
  impl.countries = std::move(countries.value());
  auto words = learn::WordLexicon::Load(options.dictionary);
  if (!words.ok()) return words.status();
  impl.words = std::move(words.value());
  return core::Status::Ok();
}

core::Result<std::unique_ptr<Extractor>> Extractor::Open(const ExtractorOptions& options) {
  const std::string dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  if (!std::filesystem::is_directory(dir))
    return core::Status::NotFound("extractor data folder missing: " + dir);
  auto impl = std::make_unique<Impl>();
  AG_RETURN_IF_ERROR(LoadResources(options, dir, *impl));
  for (auto [file, model] : {std::pair{"tagger.model", &impl->tagger},
                             {"kind.model", &impl->kind},
                             {"org.model", &impl->org},
                             {"relation.model", &impl->relation}}) {
    auto m = learn::LinearModel::Load(dir + "/" + file);
    if (!m.ok()) return m.status();
    *model = std::move(m.value());
  }
  impl->limits = options.limits;
  impl->version = "learned-" + Hex(impl->tagger.Fingerprint()) + "-" +
                  Hex(impl->kind.Fingerprint()) + "-" + Hex(impl->org.Fingerprint()) + "-" +
                  Hex(impl->relation.Fingerprint());
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

const std::string& Extractor::version() const { return impl_->version; }

size_t Extractor::memory_bytes() const {
  return impl_->tagger.memory_bytes() + impl_->kind.memory_bytes() + impl_->org.memory_bytes() +
         impl_->relation.memory_bytes() + impl_->words.size() * 48 +
         impl_->gazetteer.place_count() * 48;
}

namespace {

// Whether the mention [first, last) is only common words of the article's language, not
// English: a person's name whose every word, or another mention that is one word after its
// determiners ("Das Unternehmen", "Einsatz", "Usualmente"), the language's spell checker knows
// (in lower case, or as written for German nouns) and no name or place list has. The tagger
// learned capitals from English, where a capitalised word inside a sentence is a name; in
// German every noun is capitalised. Several-word organisation names ("Deutsche Bank") stay.
bool IsCommonWordsOfLanguage(const Extractor::Impl& m, const std::string& language,
                             const extract::Sentence& sen, uint32_t first, uint32_t last,
                             bool person) {
  if (language == "en" || language == kUndeterminedLanguage) return false;
  static const std::set<std::string, std::less<>> kDeterminers = {
      "der", "die", "das", "des", "dem", "den", "ein", "eine", "el",  "la", "los", "las",
      "le",  "les", "o",   "a",   "os",  "as",  "un",  "une",  "una", "um", "uma"};
  uint32_t k = first;
  while (k + 1 < last && kDeterminers.count(extract::Lower(sen.tokens[k].text))) ++k;
  if (!person && k + 1 != last) return false;
  for (; k < last; ++k) {
    const auto& t = sen.tokens[k];
    if (!t.IsWord()) continue;
    if (t.all_upper || m.gazetteer.IsGivenName(t.text) || m.gazetteer.IsFamilyName(t.text) ||
        m.gazetteer.IsPlace(t.text))
      return false;
    if (!m.spellers->Knows(language, extract::Lower(t.text)) &&
        !(language == "de" && m.spellers->Knows(language, t.text)))
      return false;
  }
  return true;
}

}  // namespace

void ReadEntities(const Extractor::Impl& m, const Document& doc, extract::Budget& budget,
                  extract::Analysis& a, std::vector<core::EntityFact>& entities,
                  std::vector<core::RelationFact>& rules) {
  using namespace extract;
  Analyze(doc, m.gazetteer, budget, a);
  a.language = m.languages->Detect(a.text).code;
  budget.Check("language identification");
  learn::MentionTagger tagger(&m.tagger, {&m.words, &m.gazetteer});
  auto labels = tagger.Tag(a.parsed);
  budget.Check("mention tagging");
  SplitPersonTails(
      a.parsed, m.gazetteer, [&](std::string_view w) { return m.words.IsCommonWord(w); }, labels);
  learn::FeatureVector f;
  learn::DocumentWritings writings(a.parsed);
  auto typer = [&](size_t s, uint32_t first, uint32_t last,
                   const std::string& tag) -> std::optional<core::NodeType> {
    budget.Check("mention typing");
    if (IsCommonWordsOfLanguage(m, a.language, a.parsed.sentences[s], first, last, tag == "PER"))
      return std::nullopt;
    if (tag == "PER") return core::NodeType::kPerson;
    if (tag == "LOC") {
      const auto& toks = a.parsed.sentences[s].tokens;
      std::string_view span(
          toks[first].text.data(),
          toks[last - 1].text.data() + toks[last - 1].text.size() - toks[first].text.data());
      if (m.gazetteer.IsMultiCountryRegion(span)) return std::nullopt;
      return core::NodeType::kLocation;
    }
    learn::MentionRef ref{s, first, last, tag};
    learn::MentionFeatures(a.parsed, writings, ref, learn::RuleTypeOf(a.parsed, ref), f);
    const std::string& kind = m.kind.labels()[m.kind.Best(f.ids())];
    if (kind == "event") return core::NodeType::kEvent;
    if (kind == "none") return std::nullopt;
    return m.org.labels()[m.org.Best(f.ids())] == "company" ? core::NodeType::kCompany
                                                            : core::NodeType::kAgency;
  };
  ApplyLearnedMentions(a.parsed, labels, typer);
  CapMentions(a.parsed, budget);
  entities = Resolve(a.parsed);
  budget.Check("coreference");
  rules = Relate(a.parsed, entities);
  budget.Check("rule relations");
}

Extraction Extractor::Extract(const Document& doc) const {
  const Impl& m = *impl_;
  extract::Budget budget(m.limits);
  extract::Analysis a;
  Extraction out;
  try {
    std::vector<core::RelationFact> rules;
    ReadEntities(m, doc, budget, a, out.entities, rules);
    auto candidates = learn::RelationCandidates(a.parsed, out.entities, rules);
    budget.Check("relation candidates");
    out.relations = learn::DecideRelations(a.parsed, out.entities, rules, candidates, m.relation);
  } catch (const extract::BudgetExceeded& e) {
    Extraction refused;
    refused.too_complex = true;
    refused.too_complex_reason = e.what();
    refused.extractor_version = m.version;
    return refused;
  }
  out.title = a.cleaned.title;
  out.date = a.cleaned.date;
  out.dateline = a.cleaned.dateline;
  out.extractor_version = m.version;
  out.language = a.language;
  out.limits_hit = budget.limits_hit();
  AddCountryNames(m.countries, out.entities);
  return out;
}

}  // namespace actorgraph::importers
