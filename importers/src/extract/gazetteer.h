// Word lists loaded once from data files: places (ISO 3166 countries and subdivisions from
// Debian's iso-codes, plus importers/data/cities.txt and places.txt), given names, family
// names and nationality adjectives. Lookups take a surface form and compare it folded.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "actorgraph/core/status.h"

namespace actorgraph::importers::extract {

class Gazetteer {
 public:
  Gazetteer() = default;  // empty: only as a slot to Load into
  // Loads the lists of `data_dir` (cities.txt, places.txt, given_names.txt, surnames.txt,
  // demonyms.txt) and ISO 3166-1/-2 from `iso_codes_dir` (Debian's iso-codes JSON). A missing
  // or unreadable file is an error naming it.
  static core::Result<Gazetteer> Load(const std::string& data_dir,
                                      const std::string& iso_codes_dir);

  bool IsPlace(std::string_view name) const;  // "Norway", "Bavaria", "Lyon"
  // A continent, sub-continent or grouping of countries (ICU's UN M.49 region names): not a
  // location of our scheme (../shared/corpus/README.md).
  bool IsMultiCountryRegion(std::string_view name) const;
  bool IsGivenName(std::string_view word) const;   // "Maria"
  bool IsFamilyName(std::string_view word) const;  // "Li" (family name written first)
  bool IsDemonym(std::string_view word) const;     // "Norwegian", "Italian"
  size_t place_count() const { return places_.size(); }

 private:
  std::unordered_set<std::string> places_, given_, family_, demonyms_, regions_;
};

}  // namespace actorgraph::importers::extract
