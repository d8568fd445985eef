#include "caps.h"

namespace actorgraph::importers::extract {

void SplitLongSentences(std::vector<Sentence>& sentences, Budget& budget) {
  const size_t max = budget.max_sentence_tokens();
  bool any = false;
  for (const Sentence& s : sentences) any = any || s.tokens.size() > max;
  if (!any) return;
  budget.NoteLimit("sentence_split");
  std::vector<Sentence> out;
  for (Sentence& s : sentences) {
    if (s.tokens.size() <= max) {
      out.push_back(std::move(s));
      continue;
    }
    for (size_t start = 0; start < s.tokens.size(); start += max) {
      Sentence piece;
      piece.line = s.line;
      piece.headline = s.headline;
      size_t stop = std::min(s.tokens.size(), start + max);
      piece.tokens.assign(s.tokens.begin() + start, s.tokens.begin() + stop);
      piece.begin = piece.tokens.front().begin;
      piece.end = piece.tokens.back().end;
      out.push_back(std::move(piece));
    }
  }
  sentences = std::move(out);
}

void CapMentions(ParsedDoc& doc, Budget& budget) {
  size_t left = budget.max_mentions();
  for (SentenceMentions& sm : doc.mentions) {
    if (sm.mentions.size() > left) {
      sm.mentions.resize(left);
      budget.NoteLimit("mentions_capped");
    }
    left -= sm.mentions.size();
  }
}

}  // namespace actorgraph::importers::extract
