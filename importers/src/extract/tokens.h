// Stage 2a: words and punctuation of a span of text, with byte offsets into the article.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace actorgraph::importers::extract {

enum class TokenKind : uint8_t {
  kWord,        // letters/digits, with inner - ' . & ("Rossi-Brandt", "J.K.", "R&D")
  kPossessive,  // 's after a word ("Kestrel's" -> "Kestrel" + "'s")
  kPunct,       // one punctuation mark (ASCII or a typographic quote or dash)
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the article text
  uint32_t end = 0;
  std::string_view text;  // views the article text
  TokenKind kind = TokenKind::kWord;
  bool upper = false;      // starts with an uppercase letter
  bool all_upper = false;  // two or more letters, none lowercase
  bool digit = false;      // starts with a digit
  uint32_t cls = 0;        // lexicon WordClass bits of the word (0 for punctuation)
  bool Is(std::string_view s) const { return text == s; }
  bool IsWord() const { return kind == TokenKind::kWord; }
};

// Tokens of text[begin, end). A word keeps its final period when it is an abbreviation
// (Mr., Co., Ltd., Inc., U.S., H.E., an initial "J."); otherwise the period is punctuation.
std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end);

// True when `word` (without its period) is written with a period as an abbreviation.
bool IsAbbreviation(std::string_view word);

// Typographic quotes and dashes: “ ” ‘ ’ « » – —.
bool IsQuote(std::string_view tok);
bool IsDash(std::string_view tok);

}  // namespace actorgraph::importers::extract
