// Word lists loaded once from data files: places (ISO 3166 countries and subdivisions from
// Debian's iso-codes, plus importers/data/cities.txt and places.txt), given names, family
// names and nationality adjectives. Lookups take a surface form and compare it folded.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace actorgraph::importers::extract {

class Gazetteer {
 public:
  // The process-wide instance, loaded on first use (thread-safe static). Missing files leave
  // the matching list empty; extraction still runs.
  static const Gazetteer& Get();

  bool IsPlace(std::string_view name) const;       // "Norway", "Bavaria", "Lyon"
  bool IsGivenName(std::string_view word) const;   // "Maria"
  bool IsFamilyName(std::string_view word) const;  // "Li" (family name written first)
  bool IsDemonym(std::string_view word) const;     // "Norwegian", "Italian"
  size_t place_count() const { return places_.size(); }

 private:
  Gazetteer();
  std::unordered_set<std::string> places_, given_, family_, demonyms_;
};

}  // namespace actorgraph::importers::extract
