#include "country_names.h"

#include <unicode/uldnames.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <fstream>

#include "actorgraph/core/names.h"

namespace actorgraph::importers {

namespace {

// ICU's display name of region `alpha2` under `names`, or empty.
std::string RegionName(ULocaleDisplayNames* names, const std::string& alpha2) {
  if (names == nullptr) return "";
  UErrorCode st = U_ZERO_ERROR;
  UChar buf[128];
  int32_t n = uldn_regionDisplayName(names, alpha2.c_str(), buf, 128, &st);
  if (U_FAILURE(st) || n <= 0) return "";
  char out[512];
  int32_t len = 0;
  u_strToUTF8(out, sizeof out, &len, buf, n, &st);
  if (U_FAILURE(st)) return "";
  return std::string(out, static_cast<size_t>(len));
}

bool IsThreeCapitals(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

void CountryNames::Add(const std::string& alpha2, const std::string& name) {
  // "Myanmar (Burma)", "Bolivia (Plurinational State of)": the name without its parenthesis.
  std::string bare = name.substr(0, name.find(" ("));
  for (const std::string& n : {name, bare}) {
    std::string folded = core::FoldName(n);
    if (folded.empty()) continue;
    auto& names = names_[alpha2];
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    by_folded_[folded].insert(alpha2);
  }
}

CountryNames CountryNames::FromIso3166(const nlohmann::json& doc, bool with_icu) {
  CountryNames table;
  if (!doc.is_object() || !doc.contains("3166-1") || !doc["3166-1"].is_array()) return table;
  // ICU's long names in the languages the extractor detects ("Brasil", "Deutschland"), and
  // its short English names ("US", "UK").
  std::vector<ULocaleDisplayNames*> long_names;
  ULocaleDisplayNames* short_names = nullptr;
  if (with_icu) {
    for (const char* locale : {"en", "de", "fr", "es", "pt"}) {
      UErrorCode st = U_ZERO_ERROR;
      if (ULocaleDisplayNames* n = uldn_open(locale, ULDN_STANDARD_NAMES, &st); U_SUCCESS(st))
        long_names.push_back(n);
    }
    UErrorCode st = U_ZERO_ERROR;
    UDisplayContext length_short[] = {UDISPCTX_LENGTH_SHORT};
    short_names = uldn_openForContext("en", length_short, 1, &st);
    if (U_FAILURE(st)) short_names = nullptr;
  }
  for (const auto& c : doc["3166-1"]) {
    if (!c.is_object() || !c.contains("alpha_2") || !c["alpha_2"].is_string()) continue;
    std::string alpha2 = c["alpha_2"].get<std::string>();
    for (const char* key : {"name", "official_name", "common_name"})
      if (c.contains(key) && c[key].is_string()) table.Add(alpha2, c[key].get<std::string>());
    // ICU names a region it does not know by its code; the short name of one it knows may be
    // the code ("US").
    for (size_t l = 0; l < long_names.size(); ++l) {
      std::string long_name = RegionName(long_names[l], alpha2);
      if (long_name.empty() || long_name == alpha2) continue;
      table.Add(alpha2, long_name);
      if (l == 0)
        if (std::string n = RegionName(short_names, alpha2); !n.empty()) table.Add(alpha2, n);
    }
    if (c.contains("alpha_3") && c["alpha_3"].is_string())
      table.by_alpha3_[c["alpha_3"].get<std::string>()] = alpha2;
  }
  for (ULocaleDisplayNames* n : long_names) uldn_close(n);
  if (short_names) uldn_close(short_names);
  return table;
}

core::Result<CountryNames> CountryNames::Load(const std::string& iso_codes_dir) {
  const std::string path = iso_codes_dir + "/iso_3166-1.json";
  std::ifstream in(path);
  if (!in) return core::Status::NotFound("iso-codes file missing: " + path);
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return core::Status::Corruption("iso-codes file is not JSON: " + path);
  return FromIso3166(doc, /*with_icu=*/true);
}

std::vector<std::string> CountryNames::OtherNames(std::string_view surface) const {
  std::string alpha2;
  if (IsThreeCapitals(surface)) {
    if (auto it = by_alpha3_.find(std::string(surface)); it != by_alpha3_.end())
      alpha2 = it->second;
  }
  std::string folded = core::FoldName(surface);
  if (alpha2.empty()) {
    auto it = by_folded_.find(folded);
    if (it == by_folded_.end() || it->second.size() != 1) return {};
    alpha2 = *it->second.begin();
  }
  std::vector<std::string> out;
  auto names = names_.find(alpha2);
  if (names == names_.end()) return out;
  for (const auto& n : names->second) {
    std::string f = core::FoldName(n);
    if (f != folded && by_folded_.at(f).size() == 1) out.push_back(n);
  }
  return out;
}

void AddCountryNames(const CountryNames& countries, std::vector<core::EntityFact>& entities) {
  for (auto& e : entities) {
    if (e.type != core::NodeType::kLocation) continue;
    std::vector<std::string> surfaces{e.name};
    surfaces.insert(surfaces.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& s : surfaces)
      for (auto& n : countries.OtherNames(s))
        if (std::find(e.known_as.begin(), e.known_as.end(), n) == e.known_as.end())
          e.known_as.push_back(std::move(n));
  }
}

}  // namespace actorgraph::importers
