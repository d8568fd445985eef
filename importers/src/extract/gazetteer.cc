#include "gazetteer.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/core/names.h"
#include "text.h"

#ifndef ACTORGRAPH_ISO_CODES_DIR
#define ACTORGRAPH_ISO_CODES_DIR "/usr/share/iso-codes/json"
#endif
#ifndef ACTORGRAPH_DATA_DIR
#define ACTORGRAPH_DATA_DIR "importers/data"
#endif

namespace actorgraph::importers::extract {
namespace {

// Adds every non-comment line of `path` to `out`, folded.
void LoadList(const std::string& path, std::unordered_set<std::string>& out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view v = Trim(line);
    if (v.empty() || v.front() == '#') continue;
    out.insert(core::FoldName(v));
  }
}

nlohmann::json LoadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// ISO 3166-2 names carry local generic words ("Sichuan Sheng", "Beijing Shi"); the press
// writes the bare name. Also drops parenthesised variants.
std::string BareSubdivisionName(std::string name) {
  if (auto p = name.find(" ("); p != std::string::npos) name.resize(p);
  for (const char* suffix : {" Sheng", " Shi", " Zizhiqu", " SAR", " oblast'", " kraj",
                             " Huizi", " Zhuangzu", " Uygur"}) {
    std::string s(suffix);
    while (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      name.resize(name.size() - s.size());
  }
  return name;
}

}  // namespace

Gazetteer::Gazetteer() {
  const std::string iso = ACTORGRAPH_ISO_CODES_DIR;
  nlohmann::json countries = LoadJson(iso + "/iso_3166-1.json");
  if (countries.is_object() && countries.contains("3166-1")) {
    for (const auto& c : countries["3166-1"]) {
      for (const char* key : {"name", "common_name", "official_name"}) {
        if (!c.contains(key)) continue;
        std::string n = c[key].get<std::string>();
        if (n.find(',') == std::string::npos) places_.insert(core::FoldName(n));
      }
    }
  }
  nlohmann::json subdivisions = LoadJson(iso + "/iso_3166-2.json");
  if (subdivisions.is_object() && subdivisions.contains("3166-2")) {
    for (const auto& s : subdivisions["3166-2"]) {
      if (!s.contains("name")) continue;
      std::string n = BareSubdivisionName(s["name"].get<std::string>());
      // Two-letter and numbered subdivision names are codes, not names the press uses.
      if (n.size() > 3) places_.insert(core::FoldName(n));
    }
  }
  const std::string data = ACTORGRAPH_DATA_DIR;
  LoadList(data + "/cities.txt", places_);
  LoadList(data + "/places.txt", places_);
  LoadList(data + "/given_names.txt", given_);
  LoadList(data + "/surnames.txt", family_);
  LoadList(data + "/demonyms.txt", demonyms_);
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer instance;
  return instance;
}

bool Gazetteer::IsPlace(std::string_view name) const {
  return places_.count(core::FoldName(name)) > 0;
}
bool Gazetteer::IsGivenName(std::string_view w) const { return given_.count(core::FoldName(w)) > 0; }
bool Gazetteer::IsFamilyName(std::string_view w) const {
  return family_.count(core::FoldName(w)) > 0;
}
bool Gazetteer::IsDemonym(std::string_view w) const {
  return demonyms_.count(core::FoldName(w)) > 0;
}

}  // namespace actorgraph::importers::extract
