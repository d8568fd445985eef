#include "lexicons.h"

#include <fstream>

#include "../extract/text.h"

namespace actorgraph::importers::learn {

core::Result<WordLexicon> WordLexicon::Load(const std::string& dic_path) {
  std::ifstream in(dic_path);
  if (!in) return core::Status::NotFound("dictionary missing: " + dic_path);
  WordLexicon lex;
  std::string line;
  std::getline(in, line);  // the entry count
  while (std::getline(in, line)) {
    std::string stem = line.substr(0, line.find('/'));
    if (stem.empty()) continue;
    bool upper = stem[0] >= 'A' && stem[0] <= 'Z';
    std::string lower = extract::Lower(stem);
    (upper ? lex.proper_ : lex.common_).insert(lower);
  }
  for (const auto& w : lex.common_) lex.proper_.erase(w);
  if (lex.common_.size() < 1000)
    return core::Status::Corruption("dictionary " + dic_path + " has too few entries");
  return lex;
}

}  // namespace actorgraph::importers::learn
