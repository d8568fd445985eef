#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "actorgraph/importers/language.h"
#include "language/dictionary.h"
#include "language/lowercase_words.h"

namespace actorgraph::importers {

namespace {

constexpr size_t kMaxLanguages = 8;  // one bit of a word's mask each

// Hashes std::string and std::string_view alike, so lookups need no copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct LanguageIdentifier::Impl {
  std::vector<std::string> codes;
  // Each lower-case stem of any dictionary -> the bit set of the languages that list it.
  std::unordered_map<std::string, uint8_t, StringHash, std::equal_to<>> words;
};

std::vector<LanguageDictionary> DefaultLanguageDictionaries() {
  const std::string dir = "/usr/share/hunspell";  // Debian's hunspell-* packages
  return {{"en", dir + "/en_US.dic"},
          {"de", dir + "/de_DE.dic"},
          {"fr", dir + "/fr.dic"},
          {"es", dir + "/es_ES.dic"},
          {"pt", dir + "/pt_PT.dic"}};
}

core::Result<LanguageIdentifier> LanguageIdentifier::Open(
    const std::vector<LanguageDictionary>& dictionaries) {
  if (dictionaries.empty()) return core::Status::InvalidArgument("no language dictionary given");
  if (dictionaries.size() > kMaxLanguages)
    return core::Status::InvalidArgument("more than " + std::to_string(kMaxLanguages) +
                                         " language dictionaries");
  std::vector<std::vector<std::string>> stems;
  size_t total = 0;
  for (const LanguageDictionary& d : dictionaries) {
    for (const LanguageDictionary& before : dictionaries) {
      if (&before == &d) break;
      if (before.code == d.code)
        return core::Status::InvalidArgument("language " + d.code + " given twice");
    }
    auto read = language::ReadLowercaseStems(d.path);
    if (!read.ok()) return read.status();
    if (read->empty())
      return core::Status::InvalidArgument("language dictionary " + d.path +
                                           " has no lower-case entry");
    total += read->size();
    stems.push_back(std::move(read).value());
  }
  auto impl = std::make_unique<Impl>();
  impl->words.reserve(total);
  for (size_t i = 0; i < dictionaries.size(); ++i) {
    for (std::string& s : stems[i]) impl->words[std::move(s)] |= static_cast<uint8_t>(1u << i);
    impl->codes.push_back(dictionaries[i].code);
  }
  return LanguageIdentifier(std::move(impl));
}

LanguageGuess LanguageIdentifier::Detect(std::string_view text) const {
  std::array<size_t, kMaxLanguages> hits{};
  LanguageGuess guess;
  language::ForEachLowercaseWord(text, [&](std::string_view word) {
    auto it = impl_->words.find(word);
    if (it != impl_->words.end())
      for (size_t i = 0; i < impl_->codes.size(); ++i) hits[i] += (it->second >> i) & 1;
    return ++guess.words < kMaxWords;
  });
  if (guess.words < kMinWords) return guess;
  size_t best = 0, second = 0;  // counts
  size_t best_language = 0;
  for (size_t i = 0; i < impl_->codes.size(); ++i) {
    if (hits[i] > best) {
      second = best;
      best = hits[i];
      best_language = i;
    } else if (hits[i] > second) {
      second = hits[i];
    }
  }
  double rate = static_cast<double>(best) / guess.words;
  guess.confidence = static_cast<double>(best - second) / guess.words;
  if (rate >= kMinHitRate && guess.confidence >= kMinMargin)
    guess.code = impl_->codes[best_language];
  return guess;
}

const std::vector<std::string>& LanguageIdentifier::languages() const { return impl_->codes; }

LanguageIdentifier::LanguageIdentifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LanguageIdentifier::LanguageIdentifier(LanguageIdentifier&&) noexcept = default;
LanguageIdentifier& LanguageIdentifier::operator=(LanguageIdentifier&&) noexcept = default;
LanguageIdentifier::~LanguageIdentifier() = default;

}  // namespace actorgraph::importers
