// Country names from reference data (importers/src/country_names.h): a country is one actor
// under its short, official and common names; codes count only as written as codes.
#include "../../importers/src/country_names.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace actorgraph;
using importers::CountryNames;

namespace {

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Invented countries, in the shape of Debian's iso_3166-1.json.
CountryNames Invented() {
  return CountryNames::FromIso3166(nlohmann::json::parse(R"json({"3166-1": [
    {"alpha_2": "XA", "alpha_3": "XAC", "name": "Acmeland", "official_name": "Republic of Acmeland"},
    {"alpha_2": "XB", "alpha_3": "XBZ", "name": "Bazonia, Federal State of", "common_name": "Bazonia"},
    {"alpha_2": "XC", "alpha_3": "XCU", "name": "Cupria (Northern)"},
    {"alpha_2": "XD", "alpha_3": "XDU", "name": "Cupria", "official_name": "Kingdom of Dunmore"}
  ]})json"),
                                   /*with_icu=*/false);
}

}  // namespace

TEST_CASE("a country's names lead to its other names, compared folded", "[countries]") {
  CountryNames c = Invented();
  auto acme = c.OtherNames("acmeland");
  CHECK(acme == std::vector<std::string>{"Republic of Acmeland"});
  CHECK(c.OtherNames("Republic of Acmeland") == std::vector<std::string>{"Acmeland"});
  auto bazonia = c.OtherNames("Bazonia");
  CHECK(Has(bazonia, "Bazonia, Federal State of"));
  CHECK_FALSE(Has(bazonia, "Bazonia"));
  CHECK(c.OtherNames("Acmeland City").empty());
}

TEST_CASE("a name of two countries decides nothing and is never returned", "[countries]") {
  CountryNames c = Invented();
  // "Cupria" is XD's name and XC's name without its parenthesis.
  CHECK(c.OtherNames("Cupria").empty());
  CHECK(c.OtherNames("Cupria (Northern)").empty());
  CHECK(c.OtherNames("Kingdom of Dunmore").empty());
}

TEST_CASE("alpha-3 codes count only in capitals and are never returned", "[countries]") {
  CountryNames c = Invented();
  CHECK(Has(c.OtherNames("XAC"), "Acmeland"));
  CHECK(c.OtherNames("Xac").empty());
  CHECK(c.OtherNames("XA").empty());  // alpha-2 codes are postal codes too
  CHECK_FALSE(Has(c.OtherNames("Acmeland"), "XAC"));
}

TEST_CASE("location entities get their country's other names as known_as", "[countries]") {
  CountryNames c = Invented();
  std::vector<core::EntityFact> entities = {{core::NodeType::kLocation, "Acme Town", {"XAC"}},
                                            {core::NodeType::kCompany, "Acmeland", {}},
                                            {core::NodeType::kLocation, "Bazonia", {}}};
  importers::AddCountryNames(c, entities);
  CHECK(Has(entities[0].known_as, "Republic of Acmeland"));
  CHECK(entities[1].known_as.empty());  // a company named after a country is not the country
  CHECK(Has(entities[2].known_as, "Bazonia, Federal State of"));
}

TEST_CASE("the installed table has ISO's and ICU's English names", "[countries]") {
  auto loaded = CountryNames::Load("/usr/share/iso-codes/json");
  REQUIRE(loaded.ok());
  const CountryNames& c = loaded.value();
  REQUIRE(c.country_count() > 200);
  CHECK(Has(c.OtherNames("Norway"), "Kingdom of Norway"));  // ISO official name
  CHECK(Has(c.OtherNames("Viet Nam"), "Vietnam"));          // ISO common name
  CHECK(Has(c.OtherNames("United Kingdom"), "UK"));         // ICU short name
  CHECK(Has(c.OtherNames("United States"), "US"));          // ICU short name, like a code
  CHECK(Has(c.OtherNames("U.S."), "United States"));
  CHECK(Has(c.OtherNames("USA"), "United States"));  // alpha-3, in capitals
}

TEST_CASE("the installed table has ICU's names in the languages the extractor detects",
          "[countries]") {
  auto loaded = CountryNames::Load("/usr/share/iso-codes/json");
  REQUIRE(loaded.ok());
  const CountryNames& c = loaded.value();
  CHECK(Has(c.OtherNames("Brasil"), "Brazil"));  // Portuguese and Spanish
  CHECK(Has(c.OtherNames("Brazil"), "Brasil"));
  CHECK(Has(c.OtherNames("Deutschland"), "Germany"));  // German
  CHECK(Has(c.OtherNames("Estados Unidos"), "United States"));
  CHECK(Has(c.OtherNames("Allemagne"), "Germany"));  // French
}

TEST_CASE("a missing iso-codes folder is an error naming the file", "[countries]") {
  auto loaded = CountryNames::Load("/nonexistent/iso");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message().find("/nonexistent/iso/iso_3166-1.json") != std::string::npos);
}
