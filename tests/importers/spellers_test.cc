// The spell checkers the extractor uses to tell a non-English article's common words from names.
#include "../../importers/src/language/spellers.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "support/temp_dir.h"

namespace ai = actorgraph::importers;

TEST_CASE("Spellers knows inflected and compound words of each language", "[language]") {
  auto spellers = ai::Spellers::Open(ai::DefaultLanguageDictionaries());
  REQUIRE(spellers.ok());
  // German capitalises its nouns; inflections and compounds come from the affix file.
  CHECK(spellers->Knows("de", "Einsatz"));
  CHECK(spellers->Knows("de", "Verbands"));
  CHECK(spellers->Knows("de", "Aufsichtsratsvorsitzender"));
  CHECK_FALSE(spellers->Knows("de", "Brenninger"));
  CHECK(spellers->Knows("es", "usualmente"));
  CHECK(spellers->Knows("pt", "indústria"));
  CHECK_FALSE(spellers->Knows("es", "kestrelmotors"));
  CHECK_FALSE(spellers->Knows("xx", "Einsatz"));  // a language without a dictionary
}

TEST_CASE("Spellers names a missing affix file", "[language]") {
  actorgraph::testing::TempDir dir;
  std::ofstream(dir.Sub("xx.dic")) << "1\nkrull\n";
  auto spellers = ai::Spellers::Open({{"xx", dir.Sub("xx.dic")}});
  REQUIRE_FALSE(spellers.ok());
  CHECK(spellers.status().ToString().find(dir.Sub("xx.aff")) != std::string::npos);
}
