#include "gazetteer.h"

#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ustring.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/core/names.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

// Adds every non-comment line of `path` to `out`, folded.
core::Status LoadList(const std::string& path, std::unordered_set<std::string>& out) {
  std::ifstream in(path);
  if (!in) return core::Status::NotFound("gazetteer file missing: " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view v = Trim(line);
    if (v.empty() || v.front() == '#') continue;
    out.insert(core::FoldName(v));
  }
  return core::Status::Ok();
}

core::Result<nlohmann::json> LoadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::Status::NotFound("iso-codes file missing: " + path);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return core::Status::Corruption("iso-codes file is not JSON: " + path);
  return j;
}

// ISO 3166-2 names carry local generic words ("Sichuan Sheng", "Beijing Shi"); the press
// writes the bare name. Also drops parenthesised variants.
std::string BareSubdivisionName(std::string name) {
  if (auto p = name.find(" ("); p != std::string::npos) name.resize(p);
  for (const char* suffix : {" Sheng", " Shi", " Zizhiqu", " SAR", " oblast'", " kraj", " Huizi",
                             " Zhuangzu", " Uygur"}) {
    std::string s(suffix);
    while (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      name.resize(name.size() - s.size());
  }
  return name;
}

// ICU's English names of the UN M.49 regions that group countries: the world, continents,
// sub-continents and groupings ("Europe", "Southeast Asia", "Latin America", "European Union").
void AddRegionNames(std::unordered_set<std::string>& out) {
  for (URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT, URGN_GROUPING}) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* codes = uregion_getAvailable(type, &status);
    if (U_FAILURE(status)) continue;
    while (const char* code = uenum_next(codes, nullptr, &status)) {
      if (U_FAILURE(status)) break;
      UChar name[128];
      UErrorCode s2 = U_ZERO_ERROR;
      int32_t n =
          uloc_getDisplayCountry((std::string("und_") + code).c_str(), "en", name, 128, &s2);
      if (U_FAILURE(s2) || n <= 0) continue;
      char utf8[512];
      int32_t len = 0;
      u_strToUTF8(utf8, sizeof utf8, &len, name, n, &s2);
      if (U_SUCCESS(s2) && std::string_view(utf8, len) != code)
        out.insert(core::FoldName({utf8, size_t(len)}));
    }
    uenum_close(codes);
  }
}

}  // namespace

core::Result<Gazetteer> Gazetteer::Load(const std::string& data_dir,
                                        const std::string& iso_codes_dir) {
  Gazetteer g;
  auto countries = LoadJson(iso_codes_dir + "/iso_3166-1.json");
  if (!countries.ok()) return countries.status();
  for (const auto& c : countries.value().value("3166-1", nlohmann::json::array())) {
    for (const char* key : {"name", "common_name", "official_name"}) {
      if (!c.contains(key)) continue;
      std::string n = c[key].get<std::string>();
      if (n.find(',') == std::string::npos) g.places_.insert(core::FoldName(n));
    }
  }
  auto subdivisions = LoadJson(iso_codes_dir + "/iso_3166-2.json");
  if (!subdivisions.ok()) return subdivisions.status();
  for (const auto& s : subdivisions.value().value("3166-2", nlohmann::json::array())) {
    if (!s.contains("name")) continue;
    std::string n = BareSubdivisionName(s["name"].get<std::string>());
    // Two-letter and numbered subdivision names are codes, not names the press uses.
    if (n.size() > 3) g.places_.insert(core::FoldName(n));
  }
  for (auto [file, set] : {std::pair{"cities.txt", &g.places_},
                           {"places.txt", &g.places_},
                           {"given_names.txt", &g.given_},
                           {"surnames.txt", &g.family_},
                           {"demonyms.txt", &g.demonyms_}})
    AG_RETURN_IF_ERROR(LoadList(data_dir + "/" + file, *set));
  AddRegionNames(g.regions_);
  if (g.regions_.empty()) return core::Status::NotFound("ICU has no region names (libicu)");
  return g;
}

bool Gazetteer::IsPlace(std::string_view name) const {
  return places_.count(core::FoldName(name)) > 0;
}
bool Gazetteer::IsMultiCountryRegion(std::string_view name) const {
  return regions_.count(core::FoldName(name)) > 0;
}
bool Gazetteer::IsGivenName(std::string_view w) const {
  return given_.count(core::FoldName(w)) > 0;
}
bool Gazetteer::IsFamilyName(std::string_view w) const {
  return family_.count(core::FoldName(w)) > 0;
}
bool Gazetteer::IsDemonym(std::string_view w) const {
  return demonyms_.count(core::FoldName(w)) > 0;
}

}  // namespace actorgraph::importers::extract
