// Word evidence for the learned models, loaded from packaged data: hunspell's English
// dictionary (which words are common lower-case words, which are written only capitalised,
// i.e. known proper nouns). Place and name lists come from extract::Gazetteer.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "actorgraph/core/status.h"

namespace actorgraph::importers::learn {

class WordLexicon {
 public:
  // Reads a hunspell .dic file (first line: the count; then "stem[/flags]" per line).
  static core::Result<WordLexicon> Load(const std::string& dic_path);

  // `lower`: the word in lower case.
  bool IsCommonWord(std::string_view lower) const { return common_.count(std::string(lower)) > 0; }
  bool IsProperNoun(std::string_view lower) const { return proper_.count(std::string(lower)) > 0; }
  size_t size() const { return common_.size() + proper_.size(); }

 private:
  std::unordered_set<std::string> common_;  // entries written in lower case
  std::unordered_set<std::string> proper_;  // entries written capitalised only (lower-cased)
};

}  // namespace actorgraph::importers::learn
