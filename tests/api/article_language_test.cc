// End-to-end: a posted article's language is detected, stored, and shown with its evidence.
#include <catch2/catch.hpp>

#include "actorgraph/core/resolver.h"
#include "api/api_test_support.h"
#include "support/store_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// The language of every stored article, by title.
std::map<std::string, std::string> StoredLanguages(core::GraphStore& store) {
  std::map<std::string, std::string> out;
  REQUIRE(store.Read()
              ->ForEachArticle([&](const core::Article& a) {
                out[a.title] = a.language;
                return true;
              })
              .ok());
  return out;
}

json ArticleJson(const std::string& title, const std::string& file) {
  return {{"title", title}, {"text", ReadFile(CorpusDir() + "/" + file)}};
}

}  // namespace

TEST_CASE("POST /articles stores the detected language; evidence shows it", "[api][language]") {
  LiveServer s({}, false);  // the server's extractor detects the language
  auto english = Send(s, "POST", "/api/v1/articles",
                      ArticleJson("Bosch bets on China", "bosch-china-xu-daquan-2024.txt").dump());
  REQUIRE(english.status == 201);
  auto german =
      Send(s, "POST", "/api/v1/articles",
           ArticleJson("Haeusgen wird VDMA-Präsident", "finanzen-vdma-haeusgen-president-2020.txt")
               .dump());
  REQUIRE(german.status == 201);
  CHECK(StoredLanguages(s.store()) ==
        std::map<std::string, std::string>{{"Bosch bets on China", "en"},
                                           {"Haeusgen wird VDMA-Präsident", "de"}});

  REQUIRE(!english.body["edges"].empty());
  auto edge = Get(s, "/api/v1/edges/" + english.body["edges"][0]["id"].get<std::string>());
  REQUIRE(edge.status == 200);
  CHECK(edge.body["evidence"][0]["article"]["language"] == "en");
}

TEST_CASE("an article's stored language comes back over HTTP", "[api][language]") {
  LiveServer s({}, false);
  core::ArticleFacts f;
  f.title = "Kestrel eröffnet ein Werk";
  f.text = "Kestrel Dynamik eröffnet in Bergen ein neues Werk.";
  f.extractor_version = "test";
  f.language = "de";
  f.entities = {{core::NodeType::kCompany, "Kestrel Dynamik", {}},
                {core::NodeType::kLocation, "Bergen", {}}};
  f.relations = {WholeTextRelation(f, core::EdgeType::kLocatedIn, 0, 1, 0.8)};
  auto r = core::IngestArticle(s.store(), f);
  REQUIRE(r.ok());
  REQUIRE(r->edges.size() == 1);
  const core::EdgeKey& key = r->edges[0];
  auto edge = Get(s, "/api/v1/edges?source=" + std::to_string(key.src) +
                         "&type=located-in&target=" + std::to_string(key.dst));
  REQUIRE(edge.status == 200);
  CHECK(edge.body["evidence"][0]["article"]["language"] == "de");
  CHECK(edge.body["evidence"][0]["article"]["title"] == "Kestrel eröffnet ein Werk");
}
