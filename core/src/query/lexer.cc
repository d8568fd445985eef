#include "query/lexer.h"

#include <cctype>

#include "query/failure.h"

namespace actorgraph::core::query {

namespace {

bool IdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IdentPart(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::vector<Token> Lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) Refuse("syntax_error", "unterminated comment", i);
      i = end + 2;
      continue;
    }
    size_t start = i;
    if (IdentStart(c)) {
      while (i < n && IdentPart(static_cast<unsigned char>(s[i]))) ++i;
      out.push_back({Tok::kIdent, std::string(s.substr(start, i - start)), start, i});
      continue;
    }
    if (c == '`') {
      size_t end = s.find('`', i + 1);
      if (end == std::string_view::npos) Refuse("syntax_error", "unterminated `name`", i);
      out.push_back({Tok::kQuoted, std::string(s.substr(i + 1, end - i - 1)), start, end + 1});
      i = end + 1;
      continue;
    }
    if (c == '$') {
      ++i;
      while (i < n && IdentPart(static_cast<unsigned char>(s[i]))) ++i;
      if (i == start + 1) Refuse("syntax_error", "a parameter needs a name after '$'", start);
      out.push_back({Tok::kParam, std::string(s.substr(start + 1, i - start - 1)), start, i});
      continue;
    }
    if (std::isdigit(c)) {
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      bool is_float = false;
      if (i + 1 < n && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        is_float = true;
        ++i;
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      }
      if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < n && std::isdigit(static_cast<unsigned char>(s[j]))) {
          is_float = true;
          i = j;
          while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        }
      }
      if (i < n && IdentStart(static_cast<unsigned char>(s[i])))
        Refuse("syntax_error", "a number runs into a name", start);
      out.push_back(
          {is_float ? Tok::kFloat : Tok::kInt, std::string(s.substr(start, i - start)), start, i});
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < n) {
        char d = s[i];
        if (d == static_cast<char>(c)) {
          closed = true;
          ++i;
          break;
        }
        if (d == '\\' && i + 1 < n) {
          char e = s[i + 1];
          i += 2;
          switch (e) {
            case 'n':
              value += '\n';
              break;
            case 't':
              value += '\t';
              break;
            case 'r':
              value += '\r';
              break;
            case '\\':
            case '\'':
            case '"':
              value += e;
              break;
            case 'u': {
              if (i + 4 > n) Refuse("syntax_error", "a \\u escape needs 4 hex digits", i - 2);
              uint32_t cp = 0;
              for (int k = 0; k < 4; ++k) {
                char h = s[i + k];
                int v = std::isdigit(static_cast<unsigned char>(h)) ? h - '0'
                        : (h >= 'a' && h <= 'f')                    ? h - 'a' + 10
                        : (h >= 'A' && h <= 'F')                    ? h - 'A' + 10
                                                                    : -1;
                if (v < 0) Refuse("syntax_error", "a \\u escape needs 4 hex digits", i - 2);
                cp = cp * 16 + static_cast<uint32_t>(v);
              }
              AppendUtf8(value, cp);
              i += 4;
              break;
            }
            default:
              Refuse("syntax_error", std::string("unknown escape \\") + e, i - 2);
          }
          continue;
        }
        value += d;
        ++i;
      }
      if (!closed) Refuse("syntax_error", "unterminated string", start);
      out.push_back({Tok::kString, std::move(value), start, i});
      continue;
    }
    if (c == '=' && i + 1 < n && s[i + 1] == '~')
      Refuse("unsupported", "regular expressions (=~)", start);
    // Punctuation: the two-character forms first.
    static constexpr std::string_view kTwo[] = {"<>", "<=", ">=", "..", "!=", "->", "<-"};
    bool matched = false;
    for (std::string_view two : kTwo) {
      if (s.substr(i, 2) == two) {
        // "<-" and "->" are left to the pattern parser as '<' '-' and '-' '>' so that
        // "a<-1" in an expression still reads; only the comparison forms are joined.
        if (two == "->" || two == "<-") continue;
        out.push_back({Tok::kPunct, std::string(two), start, start + 2});
        i += 2;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    static constexpr std::string_view kOne = "()[]{},.:|*+-/%=<>;^";
    if (kOne.find(static_cast<char>(c)) != std::string_view::npos) {
      out.push_back({Tok::kPunct, std::string(1, static_cast<char>(c)), start, start + 1});
      ++i;
      continue;
    }
    Refuse("syntax_error", std::string("unexpected character '") + static_cast<char>(c) + "'",
           start);
  }
  out.push_back({Tok::kEnd, "", n, n});
  return out;
}

}  // namespace actorgraph::core::query
