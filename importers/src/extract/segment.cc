#include "segment.h"

#include "lexicon.h"

namespace actorgraph::importers::extract {

std::vector<Sentence> Segment(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Sentence> out;
  for (uint32_t li = 0; li < lines.size(); ++li) {
    std::vector<Token> toks = Tokenize(text, lines[li].begin, lines[li].end);
    size_t start = 0;
    auto flush = [&](size_t stop) {
      if (stop <= start) return;
      Sentence s;
      s.tokens.assign(toks.begin() + start, toks.begin() + stop);
      s.begin = s.tokens.front().begin;
      s.end = s.tokens.back().end;
      s.line = li;
      s.headline = lines[li].headline;
      out.push_back(std::move(s));
      start = stop;
    };
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (lines[li].dateline_end && t.end <= lines[li].dateline_end && i + 1 < toks.size() &&
          toks[i + 1].begin >= lines[li].dateline_end) {
        flush(i + 1);  // the dateline is a sentence of its own
        continue;
      }
      // "... Kestrel Inc. The firm": an abbreviation's period can end the sentence too.
      if (t.IsWord() && t.text.back() == '.' && i + 1 < toks.size() && toks[i + 1].upper &&
          (toks[i + 1].cls & kFunction) && (t.cls & kLegalSuffix)) {
        flush(i + 1);
        continue;
      }
      if (t.kind != TokenKind::kPunct || !(t.Is(".") || t.Is("!") || t.Is("?"))) continue;
      size_t stop = i + 1;
      // A closing quote or bracket stays with the sentence it closes.
      while (stop < toks.size() && (IsQuote(toks[stop].text) || toks[stop].Is(")"))) ++stop;
      if (stop >= toks.size()) break;
      const Token& next = toks[stop];
      if (next.upper || next.digit || IsQuote(next.text)) {
        flush(stop);
        i = stop - 1;
      }
    }
    flush(toks.size());
  }
  return out;
}

}  // namespace actorgraph::importers::extract
