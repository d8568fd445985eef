// Each extraction stage alone, on inputs written for the test.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "../../importers/src/extract/clean.h"
#include "../../importers/src/extract/gazetteer.h"
#include "../../importers/src/extract/learned_mentions.h"
#include "../../importers/src/extract/mentions.h"
#include "../../importers/src/extract/segment.h"
#include "../../importers/src/extract/tokens.h"
#include "actorgraph/importers/extraction.h"

using namespace actorgraph;
using namespace actorgraph::importers::extract;

namespace {

std::vector<Sentence> SentencesOf(const std::string& text) {
  importers::Document doc;
  doc.text = text;
  return Segment(text, Clean(doc).lines);
}

// The word lists of the build's data folder, loaded once.
const Gazetteer& Lists() {
  static const auto g =
      Gazetteer::Load(importers::DataDir(), importers::ExtractorOptions{}.iso_codes_dir);
  if (!g.ok()) FAIL(g.status().ToString());
  return g.value();
}

std::string TextOf(const std::string& text, const Sentence& s) {
  return text.substr(s.begin, s.end - s.begin);
}

}  // namespace

TEST_CASE("tokens keep abbreviation periods and split possessives", "[extract]") {
  std::string text = "Mr. Ortiz of Kelvane Marine Corp., Ltd. met R.K. Vasanthan at Orlik's plant.";
  auto toks = Tokenize(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<std::string> words;
  for (const auto& t : toks) words.emplace_back(t.text);
  CHECK(words[0] == "Mr.");
  CHECK(std::find(words.begin(), words.end(), "Corp.") != words.end());
  CHECK(std::find(words.begin(), words.end(), "Ltd.") != words.end());
  CHECK(std::find(words.begin(), words.end(), "R.K.") != words.end());
  CHECK(std::find(words.begin(), words.end(), "'s") != words.end());
  CHECK(words.back() == ".");
  for (const auto& t : toks) CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
}

TEST_CASE("sentences do not end at abbreviations", "[extract]") {
  std::string text =
      "H.E. Dr. Moreau met Mr. Smith of Acme Co. in the U.S. on Monday. They signed a deal.\n"
      "It is No. 1 in the world! Sales grew.";
  auto s = SentencesOf(text);
  REQUIRE(s.size() == 4);
  CHECK(TextOf(text, s[0]) == "H.E. Dr. Moreau met Mr. Smith of Acme Co. in the U.S. on Monday.");
  CHECK(TextOf(text, s[1]) == "They signed a deal.");
  CHECK(TextOf(text, s[2]) == "It is No. 1 in the world!");
}

TEST_CASE("clean finds title, date, dateline and drops page noise", "[extract]") {
  importers::Document doc;
  doc.text =
      "Skip to the article\n\nWidget Makers Gather for the Annual Widget Summit\n\n"
      "14 October 2022\n\nLIMA, 14 October 2022 - The summit opened today.\n\n"
      "Like us on Instagram\n";
  Cleaned c = Clean(doc);
  CHECK(c.title == "Widget Makers Gather for the Annual Widget Summit");
  CHECK(c.date == "2022-10-14");
  CHECK(c.dateline == "LIMA, 14 October 2022");
  for (const Line& l : c.lines) {
    std::string line = doc.text.substr(l.begin, l.end - l.begin);
    CHECK(line.find("Skip to") == std::string::npos);
    CHECK(line.find("Instagram") == std::string::npos);
  }
  CHECK(FindDate("Mar 4, 2019 08:17 PM") == "2019-03-04");
  CHECK(FindDate("Date:05/23/2018") == "2018-05-23");
}

TEST_CASE("mentions: acronym after its expansion, roles, typed heads", "[extract]") {
  std::string text =
      "Ana Costa, Executive Vice President of the Andean Federation of Textile Producers "
      "(AFTP), opened the Lima Textile Forum.";
  auto s = SentencesOf(text);
  REQUIRE(s.size() == 1);
  SentenceMentions sm = FindMentions(s[0], Lists());
  REQUIRE(sm.roles.size() == 1);
  CHECK(sm.roles[0].text == "Executive Vice President");
  bool agency = false, event = false;
  for (const Mention& m : sm.mentions) {
    if (m.text == "Andean Federation of Textile Producers") {
      agency = m.type == core::NodeType::kAgency && m.acronym == "AFTP";
    }
    if (m.text == "Lima Textile Forum") event = m.type == core::NodeType::kEvent;
  }
  CHECK(agency);
  CHECK(event);
}

TEST_CASE("gazetteer knows countries, subdivisions and cities", "[extract]") {
  const Gazetteer& g = Lists();
  CHECK(g.IsPlace("Portugal"));
  CHECK(g.IsPlace("Dominican Republic"));
  CHECK(g.IsPlace("Hubei"));  // ISO 3166-2 "Hubei Sheng"
  CHECK(g.IsPlace("Porto"));
  CHECK_FALSE(g.IsPlace("Ministry"));
  CHECK(g.IsFamilyName("Qiao"));
  CHECK(g.IsDemonym("Portuguese"));
}

TEST_CASE("an organisation's span run on into a person's name is split at the given name",
          "[extract]") {
  const std::string text =
      "Speakers were the CEO of Brightwater Logistics Asia Daniel Okafor and Kestrel Motors "
      "Holdings.";
  ParsedDoc doc;
  doc.text = text;
  doc.sentences = SentencesOf(text);
  REQUIRE(doc.sentences.size() == 1);
  const auto& toks = doc.sentences[0].tokens;
  auto index_of = [&](std::string_view w) {
    for (uint32_t k = 0; k < toks.size(); ++k)
      if (toks[k].text == w) return k;
    FAIL("no token " << w);
    return uint32_t(0);
  };
  // The tagger's labels, as a greedy tagger writes them: one ORG span over both names, and an
  // ORG span whose last words are not a person's.
  std::vector<std::vector<std::string>> labels(1, std::vector<std::string>(toks.size(), "O"));
  const uint32_t org = index_of("Brightwater"), last = index_of("Okafor");
  labels[0][org] = "B-ORG";
  for (uint32_t k = org + 1; k <= last; ++k) labels[0][k] = "I-ORG";
  const uint32_t kestrel = index_of("Kestrel");
  labels[0][kestrel] = "B-ORG";
  labels[0][kestrel + 1] = labels[0][kestrel + 2] = "I-ORG";
  const auto before = labels;

  SplitPersonTails(
      doc, Lists(), [](std::string_view) { return false; }, labels);
  const uint32_t daniel = index_of("Daniel");
  CHECK(labels[0][org] == "B-ORG");
  CHECK(labels[0][daniel - 1] == "I-ORG");  // "Asia" stays with the organisation
  CHECK(labels[0][daniel] == "B-PER");
  CHECK(labels[0][last] == "I-PER");
  // "Kestrel Motors Holdings": no given name in its tail, and organisation words: unchanged.
  for (uint32_t k = kestrel; k < kestrel + 3; ++k) CHECK(labels[0][k] == before[0][k]);
}

TEST_CASE("a name takes one type in a document, and a full name's family name is the person",
          "[extract]") {
  const std::string text =
      "Daniel Okafor joined Brightwater. Brightwater hired Okafor. Brightwater grew.";
  ParsedDoc doc;
  doc.text = text;
  doc.sentences = SentencesOf(text);
  REQUIRE(doc.sentences.size() == 3);
  doc.mentions.resize(doc.sentences.size());
  std::vector<std::vector<std::string>> labels(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s)
    labels[s].assign(doc.sentences[s].tokens.size(), "O");
  // The tagger's labels: Brightwater twice an organisation, once (wrongly) a person; Okafor
  // alone (wrongly) an organisation.
  labels[0][0] = "B-PER";
  labels[0][1] = "I-PER";
  labels[0][3] = "B-ORG";
  labels[1][0] = "B-ORG";
  labels[1][2] = "B-ORG";
  labels[2][0] = "B-PER";
  ApplyLearnedMentions(doc, labels, [](size_t, uint32_t, uint32_t, const std::string& tag) {
    return std::optional(tag == "PER" ? core::NodeType::kPerson : core::NodeType::kCompany);
  });
  std::map<std::string, std::set<core::NodeType>> types;
  size_t count = 0;
  for (const auto& sm : doc.mentions)
    for (const auto& m : sm.mentions) {
      types[m.text].insert(*m.type);
      ++count;
    }
  CHECK(count == 5);
  CHECK(types["Brightwater"] == std::set{core::NodeType::kCompany});
  CHECK(types["Okafor"] == std::set{core::NodeType::kPerson});
  CHECK(types["Daniel Okafor"] == std::set{core::NodeType::kPerson});
}
