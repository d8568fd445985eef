// The lexer: query text -> tokens with their byte offsets. Identifiers keep their case
// (keywords are matched case-insensitively by the parser); `backquoted` names are identifiers
// that are never keywords. Comments (// and /* */) are skipped. Throws QueryFailure
// (syntax_error) for a character outside the language or an unterminated string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::core::query {

enum class Tok {
  kIdent,   // name or keyword; text as written (backquotes removed)
  kQuoted,  // `backquoted name`
  kInt,     // text: the digits
  kFloat,   // text: the literal
  kString,  // text: the unescaped value
  kParam,   // text: the parameter's name, without '$'
  kPunct,   // text: ( ) [ ] { } , . : | * + - / % = <> < <= > >= .. ; ^ !=
  kEnd,
};

struct Token {
  Tok kind;
  std::string text;
  size_t offset;  // where it starts
  size_t end;     // one past its last byte
};

std::vector<Token> Lex(std::string_view text);

}  // namespace actorgraph::core::query
