#include "tokens.h"

#include <string>
#include <unordered_set>

#include "lexicon.h"
#include "text.h"

namespace actorgraph::importers::extract {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the UTF-8 sequence starting with byte c.
size_t SeqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

// Non-ASCII sequences that are punctuation rather than letters.
bool IsUnicodePunct(std::string_view seq) {
  static const std::unordered_set<std::string_view> kPunct = {
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x93",
      "\xE2\x80\x94", "\xE2\x80\xA6", "\xC2\xAB",     "\xC2\xBB",     "\xE2\x80\xA2",
      "\xC2\xA0",     "\xE3\x80\x81", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x88",
      "\xEF\xBC\x89", "\xE2\x80\x8B", "\xC2\xB7"};
  return kPunct.count(seq) > 0;
}

bool IsWordByte(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return IsAsciiAlnum(c) || c == '#' || c == '$';
  return !IsUnicodePunct(text.substr(i, SeqLen(c)));
}

bool IsApostrophe(std::string_view text, size_t i, size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (text.substr(i, 3) == "\xE2\x80\x99") {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

bool IsAbbreviation(std::string_view word) {
  static const std::unordered_set<std::string> kAbbrev = {
      "mr",  "ms",   "mrs",    "dr",  "prof", "eng", "st",  "co",  "corp", "ltd",
      "inc", "no",   "jr",     "sr",  "vs",   "etc", "gen", "gov", "sen",  "rep",
      "hon", "dept", "approx", "fig", "nos",  "jan", "feb", "aug", "sept", "oct",
      "nov", "dec",  "mt",     "ft",  "bros", "est", "pty"};
  if (word.size() == 1 && StartsUpper(word)) return true;     // an initial
  if (word.find('.') != std::string_view::npos) return true;  // U.S, H.E, J.K
  return kAbbrev.count(Lower(word)) > 0;
}

bool IsQuote(std::string_view t) {
  return t == "\"" || t == "'" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" ||
         t == "\xE2\x80\x98" || t == "\xE2\x80\x99" || t == "\xC2\xAB" || t == "\xC2\xBB";
}

bool IsDash(std::string_view t) { return t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94"; }

std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Token> out;
  auto push = [&](size_t b, size_t e, TokenKind kind) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.text = text.substr(b, e - b);
    t.kind = kind;
    if (kind == TokenKind::kWord) {
      t.upper = StartsUpper(t.text);
      t.all_upper = IsAllUpper(t.text);
      t.digit = StartsDigit(t.text);
      t.cls = ClassesOf(t.text);
    }
    out.push_back(t);
  };
  size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c <= ' ' || text.substr(i, 2) == "\xC2\xA0" || text.substr(i, 3) == "\xE2\x80\x8B") {
      i += c <= ' ' ? 1 : SeqLen(c);
      continue;
    }
    if (!IsWordByte(text, i)) {
      size_t n = SeqLen(c);
      push(i, i + n, TokenKind::kPunct);
      i += n;
      continue;
    }
    size_t b = i;
    while (i < end) {
      if (IsWordByte(text, i)) {
        i += SeqLen(static_cast<unsigned char>(text[i]));
        continue;
      }
      size_t alen = 0;
      // Inner joiners: a letter or digit must follow.
      bool joiner = text[i] == '-' || text[i] == '&' || text[i] == '.' ||
                    (IsApostrophe(text, i, &alen) &&
                     !(i + alen < end && (text[i + alen] == 's' || text[i + alen] == 'S') &&
                       (i + alen + 1 >= end || !IsWordByte(text, i + alen + 1))));
      size_t jl = alen ? alen : 1;
      if (joiner && i + jl < end && IsWordByte(text, i + jl) && text[i + jl] != '#') {
        // "1.8" and "J.K" join; a period followed by a capital after a long word does not.
        if (text[i] == '.' && !(std::string_view(text.substr(b, i - b)).size() <= 2 ||
                                StartsDigit(text.substr(i + 1, 1))))
          break;
        i += jl;
        continue;
      }
      break;
    }
    std::string_view word = text.substr(b, i - b);
    if (i < end && text[i] == '.' && IsAbbreviation(word)) ++i;
    push(b, i, TokenKind::kWord);
    size_t alen = 0;
    if (i < end && IsApostrophe(text, i, &alen) && i + alen < end &&
        (text[i + alen] == 's' || text[i + alen] == 'S') &&
        (i + alen + 1 >= end || !IsWordByte(text, i + alen + 1))) {
      push(i, i + alen + 1, TokenKind::kPossessive);
      i += alen + 1;
    }
  }
  return out;
}

}  // namespace actorgraph::importers::extract
