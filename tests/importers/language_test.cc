#include "actorgraph/importers/language.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "actorgraph/importers/pipeline.h"
#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;
using actorgraph::core::StatusCode;

namespace {

// The five Debian dictionaries, read once for the whole suite.
const ai::LanguageIdentifier& Identifier() {
  static const ai::LanguageIdentifier id = [] {
    auto opened = ai::LanguageIdentifier::Open(ai::DefaultLanguageDictionaries());
    if (!opened.ok()) FAIL(opened.status().ToString());
    return std::move(opened).value();
  }();
  return id;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("DetectLanguage names the language of invented sentences in each language",
          "[language]") {
  const std::map<std::string, std::string> sentences = {
      {"en",
       "Kestrel Dynamics said on Tuesday that it will open a new assembly plant near the river, "
       "and its chief executive told reporters that the company expects to hire two hundred "
       "workers."},
      {"de",
       "Die Firma Kestrel Dynamik hat am Dienstag angekündigt, dass sie in der Nähe des Flusses "
       "ein neues "
       "Werk eröffnen wird, und der Vorstandschef sagte, man wolle zweihundert Arbeiter "
       "einstellen."},
      {"fr",
       "La société Kestrel Dynamique a annoncé mardi qu'elle ouvrira une nouvelle usine près du "
       "fleuve, "
       "et son directeur général a déclaré que l'entreprise compte embaucher deux cents ouvriers."},
      {"es",
       "La empresa Kestrel Dinámica anunció el martes que abrirá una nueva planta cerca del río, y "
       "su "
       "director general dijo a los periodistas que la compañía espera contratar a doscientos "
       "trabajadores."},
      {"pt",
       "A empresa Kestrel Dinâmica anunciou na terça-feira que vai abrir uma nova fábrica perto do "
       "rio, e "
       "o seu diretor-geral disse aos jornalistas que a companhia espera contratar duzentos "
       "trabalhadores."},
  };
  for (const auto& [code, text] : sentences) {
    INFO(text);
    ai::LanguageGuess guess = Identifier().Detect(text);
    CHECK(guess.code == code);
    CHECK(guess.confidence >= ai::LanguageIdentifier::kMinMargin);
    CHECK(guess.words >= ai::LanguageIdentifier::kMinWords);
  }
}

TEST_CASE("DetectLanguage answers und when it cannot tell", "[language]") {
  CHECK(Identifier().Detect("").code == ai::kUndeterminedLanguage);
  CHECK(Identifier().Detect("").words == 0);
  // Names only: no lower-case word.
  CHECK(Identifier().Detect("Kestrel Dynamics Opens Bergen Plant").code ==
        ai::kUndeterminedLanguage);
  // Too few words.
  CHECK(Identifier().Detect("Kestrel opened a plant").code == ai::kUndeterminedLanguage);
  // A language without a dictionary (Finnish).
  ai::LanguageGuess fi = Identifier().Detect(
      "Yhtiö kertoi tiistaina, että se avaa uuden tehtaan joen lähelle, ja sen toimitusjohtaja "
      "sanoi "
      "toimittajille, että yritys aikoo palkata kaksisataa työntekijää ensi vuonna.");
  CHECK(fi.code == ai::kUndeterminedLanguage);
  CHECK(fi.words > ai::LanguageIdentifier::kMinWords);
}

TEST_CASE("LanguageIdentifier reads the stems of the lower-case entries only", "[language]") {
  at::TempDir dir;
  // The count line, flags, morphological fields after a tab, capitalised and non-word entries.
  WriteFile(dir.Sub("xx.dic"), "7\nkrull/AB\nflon\tpo:noun\nBorsk/X\nzeb\n3rd\nmo-ra\nplix\n");
  WriteFile(dir.Sub("yy.dic"), "1\nquab\n");
  auto id = ai::LanguageIdentifier::Open({{"xx", dir.Sub("xx.dic")}, {"yy", dir.Sub("yy.dic")}});
  REQUIRE(id.ok());
  CHECK(id->languages() == std::vector<std::string>{"xx", "yy"});
  ai::LanguageGuess guess = id->Detect("Krull! krull flon zeb plix, Borsk borsk quab.");
  CHECK(guess.code == "xx");
  CHECK(guess.words == 6);                     // krull flon zeb plix borsk quab
  CHECK(guess.confidence == Approx(3.0 / 6));  // xx: krull flon zeb plix; yy: quab
}

TEST_CASE("LanguageIdentifier::Open names the dictionary it cannot read", "[language]") {
  at::TempDir dir;
  WriteFile(dir.Sub("en.dic"), "1\nthe\n");
  std::string missing = dir.Sub("de_DE.dic");
  auto id = ai::LanguageIdentifier::Open({{"en", dir.Sub("en.dic")}, {"de", missing}});
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().code() == StatusCode::kNotFound);
  CHECK(id.status().message().find(missing) != std::string::npos);

  WriteFile(dir.Sub("names.dic"), "2\nBerlin\nParis\n");
  auto no_words = ai::LanguageIdentifier::Open({{"xx", dir.Sub("names.dic")}});
  REQUIRE_FALSE(no_words.ok());
  CHECK(no_words.status().code() == StatusCode::kInvalidArgument);
  CHECK(no_words.status().message().find(dir.Sub("names.dic")) != std::string::npos);

  CHECK(ai::LanguageIdentifier::Open({}).status().code() == StatusCode::kInvalidArgument);
  CHECK(ai::LanguageIdentifier::Open({{"en", dir.Sub("en.dic")}, {"en", dir.Sub("en.dic")}})
            .status()
            .code() == StatusCode::kInvalidArgument);
}

TEST_CASE("ToFacts takes the document's language, else the extraction's", "[language]") {
  ai::Document doc;
  doc.text =
      "Kestrel Dynamik eröffnet in Bergen ein neues Werk, in dem bald zweihundert Leute arbeiten.";
  ai::Extraction extraction;
  CHECK(ai::ToFacts(doc, extraction).language.empty());
  extraction.language = "und";
  CHECK(ai::ToFacts(doc, extraction).language == "und");
  doc.language = Identifier().Detect(ai::ArticleText(doc)).code;
  CHECK(doc.language == "de");
  CHECK(ai::ToFacts(doc, extraction).language == "de");
}

// The dev corpus, labelled by hand (the gold does not label language): three articles are not
// in English.
TEST_CASE("DetectLanguage on the dev corpus", "[language][corpus]") {
  const std::map<std::string, std::string> not_english = {
      {"finanzen-vdma-haeusgen-president-2020.txt", "de"},
      {"jornada-concamin-reunion-anual-industriales-leon-2022.txt", "es"},
      {"portaldaindustria-cni-dialogo-da-industria-brasilia-2018.txt", "pt"},
  };
  size_t articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(at::CorpusDir() / "dev")) {
    if (entry.path().extension() != ".txt") continue;
    ++articles;
    std::string name = entry.path().filename().string();
    auto it = not_english.find(name);
    INFO(name);
    CHECK(Identifier().Detect(at::Slurp(entry.path())).code ==
          (it == not_english.end() ? "en" : it->second));
  }
  CHECK(articles == 55);
}

// Hidden (run with "[.speed]"): throughput on the dev corpus, at least 5 MB/s.
TEST_CASE("DetectLanguage speed", "[.speed]") {
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(at::CorpusDir() / "dev"))
    if (entry.path().extension() == ".txt")
      bytes += texts.emplace_back(at::Slurp(entry.path())).size();
  const ai::LanguageIdentifier& id = Identifier();
  constexpr int kRounds = 20;
  size_t words = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < kRounds; ++r)
    for (const auto& t : texts) words += id.Detect(t).words;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb_per_s = bytes * kRounds / 1e6 / seconds;
  WARN(texts.size() * kRounds << " articles, " << bytes * kRounds / 1e6 << " MB in " << seconds
                              << " s: " << mb_per_s << " MB/s (" << words << " words looked up)");
  CHECK(mb_per_s >= 5);
}
