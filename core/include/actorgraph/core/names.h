// Name normalisation: the folded form under which names and aliases are indexed and matched.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::core {

// Folds case and accents (Unicode NFKD, case fold, marks stripped), drops punctuation and
// collapses white space to single spaces: "  Société Générale, S.A." -> "societe generale sa".
// Invalid UTF-8 bytes are dropped. Thread-safe.
std::string FoldName(std::string_view name);

// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);
// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string RepairUtf8(std::string_view text);

}  // namespace actorgraph::core
