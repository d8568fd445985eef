// Month names from ICU's DateFormatSymbols (CLDR), not a hand-written list: every locale's
// wide and abbreviated names, in the format and the stand-alone forms ("März" and "Mär"),
// folded once into one table. The five languages agree on what each folded spelling means
// (no spelling names two months in two languages); a spelling that did would be dropped.
#include "month_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <unordered_map>

namespace actorgraph::importers {
namespace {

// The locales whose month names the press uses: besides each language's default, the
// regional spellings CLDR keeps apart — "Sept" (British English), "Jänner" (Austrian German),
// "setiembre" (Peruvian Spanish).
constexpr std::array<const char*, 10> kLocales = {"en",    "en_GB", "de",    "de_AT", "fr",
                                                  "fr_CA", "es",    "es_PE", "pt",    "pt_PT"};

std::string FoldUnicode(const icu::UnicodeString& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString lower(in);
  lower.toLower(icu::Locale::getRoot());
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(lower, status) : lower;
  if (U_FAILURE(status)) decomposed = lower;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  bare.toUTF8String(out);
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

using MonthTable = std::unordered_map<std::string, int>;

MonthTable BuildTable() {
  MonthTable table;
  std::unordered_map<std::string, bool> ambiguous;
  auto add = [&](const std::string& name, int month) {
    if (name.size() < 3) return;  // no two-letter spellings: "de", "ao" are words
    auto [it, inserted] = table.emplace(name, month);
    if (!inserted && it->second != month) ambiguous[name] = true;
  };
  for (const char* locale : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(locale), status);
    if (U_FAILURE(status)) continue;
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = symbols.getMonths(count, context, width);
        for (int32_t m = 0; m < count && m < 12; ++m) add(FoldUnicode(names[m]), m + 1);
      }
    }
  }
  for (const auto& [name, _] : ambiguous) table.erase(name);
  return table;
}

}  // namespace

std::string FoldMonthWord(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // the common case, without ICU
    std::string out;
    for (char c : word)
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
  }
  return FoldUnicode(icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))));
}

int MonthFromFoldedName(const std::string& folded) {
  static const MonthTable kTable = BuildTable();
  auto it = kTable.find(folded);
  return it == kTable.end() ? 0 : it->second;
}

int MonthFromName(std::string_view word) {
  if (word.size() < 3 || word.size() > 24) return 0;
  return MonthFromFoldedName(FoldMonthWord(word));
}

}  // namespace actorgraph::importers
