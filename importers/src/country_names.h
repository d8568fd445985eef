// Country names from reference data, so that a country is one actor under any of its names:
// Debian's iso-codes (ISO 3166-1 name, official name, common name, alpha-3 code) and ICU's
// region names, which ISO does not list: English long and short ("Russia", "US", "UK") and
// long in German, French, Spanish and Portuguese ("Brasil", "Deutschland", "Estados Unidos").
// Ingestion hands them to the resolver as EntityFact::known_as (core/facts.h).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/facts.h"
#include "actorgraph/core/status.h"

namespace actorgraph::importers {

class CountryNames {
 public:
  // The table of `iso_codes_dir`/iso_3166-1.json and ICU; a missing or unreadable file is an
  // error naming it.
  static core::Result<CountryNames> Load(const std::string& iso_codes_dir);

  // A table of the countries of an iso_3166-1.json document ({"3166-1": [{"alpha_2",
  // "alpha_3", "name", "official_name", "common_name"}]}), plus ICU's names of their alpha-2
  // codes (English, German, French, Spanish, Portuguese) when `with_icu`.
  static CountryNames FromIso3166(const nlohmann::json& doc, bool with_icu);

  // The other names of the country that `surface` names (compared folded), or empty when it
  // names none, or names several (such a name decides nothing, and is never returned
  // either). An alpha-3 code names its country only when written as three capitals ("USA",
  // not "Ind."); codes are never among the names returned (a location named "Can" or "Ala" is
  // not Canada or Åland). Alpha-2 codes are not names at all: they are also US states' and
  // provinces' postal codes.
  std::vector<std::string> OtherNames(std::string_view surface) const;

  size_t country_count() const { return names_.size(); }

 private:
  void Add(const std::string& alpha2, const std::string& name);

  std::map<std::string, std::vector<std::string>> names_;   // alpha-2 -> names as written
  std::map<std::string, std::set<std::string>> by_folded_;  // folded name -> alpha-2 codes
  std::map<std::string, std::string> by_alpha3_;            // "USA" -> "US"
};

// Sets known_as of every location entity that names a country to the country's other names.
void AddCountryNames(const CountryNames& countries, std::vector<core::EntityFact>& entities);

}  // namespace actorgraph::importers
