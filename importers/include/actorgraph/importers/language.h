// Language identification of an article's text, from packaged word lists: the share of the
// text's lower-case words that each language's Hunspell dictionary lists (Debian's
// hunspell-en-us, -de-de, -fr, -es and -pt-pt packages). Lower-case words are the common
// words — articles, prepositions, verbs — and leave out names, which every language shares.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/status.h"

namespace actorgraph::importers {

// The code written when no language is recognised with confidence (ISO 639-2 "undetermined").
inline constexpr const char* kUndeterminedLanguage = "und";

// One language's word list: a Hunspell .dic file (UTF-8; the first line is the entry count;
// each entry is a stem, optionally followed by "/flags" and morphological fields).
struct LanguageDictionary {
  std::string code;  // ISO 639-1, e.g. "de"
  std::string path;
};

// The five Debian dictionaries under /usr/share/hunspell: en, de, fr, es, pt.
std::vector<LanguageDictionary> DefaultLanguageDictionaries();

struct LanguageGuess {
  std::string code = kUndeterminedLanguage;  // ISO 639-1 of the best language, or "und"
  // The best language's hit rate minus the runner-up's, in [0, 1] (0 when "und" for lack of
  // words). Below kMinMargin, or with a best hit rate below kMinHitRate, the code is "und".
  double confidence = 0;
  size_t words = 0;  // the lower-case words looked up (at most kMaxWords)
};

class LanguageIdentifier {
 public:
  static constexpr size_t kMaxWords = 2000;   // only the first lower-case words are looked up
  static constexpr size_t kMinWords = 5;      // fewer: "und"
  static constexpr double kMinHitRate = 0.5;  // a text in none of the languages: "und"
  static constexpr double kMinMargin = 0.1;   // two languages too close to call: "und"

  // Reads every dictionary once (about 0.1 s and 20 MB for the five defaults). Fails with NotFound
  // or IoError naming the path of a file that is missing or unreadable, InvalidArgument for an
  // empty list, a repeated code or a dictionary without a lower-case entry. At most 8 languages.
  static core::Result<LanguageIdentifier> Open(const std::vector<LanguageDictionary>& dictionaries);

  // The language of `text` (UTF-8; invalid bytes end a word). Thread-safe, no I/O.
  LanguageGuess Detect(std::string_view text) const;

  // The codes in the order of the dictionaries given to Open.
  const std::vector<std::string>& languages() const;

  LanguageIdentifier(LanguageIdentifier&&) noexcept;
  LanguageIdentifier& operator=(LanguageIdentifier&&) noexcept;
  ~LanguageIdentifier();

 private:
  struct Impl;
  explicit LanguageIdentifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::importers
