// Splits UTF-8 text into words (maximal runs of Unicode letters) and keeps those without an
// upper-case or title-case letter: the common words of a text, not its names.
#pragma once

#include <functional>
#include <string_view>

namespace actorgraph::importers::language {

// Calls `fn` with each lower-case word of `text`, in order, until it returns false. The views
// point into `text`. Invalid UTF-8 bytes and every non-letter end a word.
void ForEachLowercaseWord(std::string_view text, const std::function<bool(std::string_view)>& fn);

// Whether `word` is one lower-case word as ForEachLowercaseWord would give it.
bool IsLowercaseWord(std::string_view word);

}  // namespace actorgraph::importers::language
