// Hunspell spell checkers (libhunspell, Debian's libhunspell-dev) for the languages the
// extractor reads besides English: whether a word is a word of the language, with its
// inflections and compounds ("Verbands", "Aufsichtsratsvorsitzender"), which a list of stems
// cannot tell. Used to keep the language's common words (German capitalises its nouns) from
// being taken for names.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/language.h"

namespace actorgraph::importers {

class Spellers {
 public:
  // One checker per dictionary (its .aff beside its .dic). Every file must exist: NotFound
  // names a missing one. A checker is loaded on first use (about 0.2 s, 10-30 MB each).
  static core::Result<Spellers> Open(const std::vector<LanguageDictionary>& dictionaries);

  // Whether `word` (UTF-8) is spelled as a word of language `code`; false for a language
  // without a dictionary. Thread-safe.
  bool Knows(const std::string& code, std::string_view word) const;

  Spellers(Spellers&&) noexcept;
  Spellers& operator=(Spellers&&) noexcept;
  ~Spellers();

 private:
  struct Impl;
  explicit Spellers(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::importers
