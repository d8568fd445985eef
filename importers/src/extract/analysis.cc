#include "analysis.h"

#include "caps.h"
#include "segment.h"
#include "typing.h"

namespace actorgraph::importers::extract {

void Analyze(const Document& doc, const Gazetteer& g, Budget& budget, Analysis& out) {
  Document full;
  full.url = doc.url;
  full.title = doc.title;
  full.date = doc.date;
  full.text = ArticleText(doc);
  out.text = full.text;
  out.cleaned = Clean(full);
  out.parsed = ParsedDoc();
  out.parsed.gazetteer = &g;
  out.parsed.text = out.text;
  out.parsed.sentences = Segment(out.text, out.cleaned.lines);
  SplitLongSentences(out.parsed.sentences, budget);
  budget.Check("sentence segmentation");
  out.parsed.mentions.reserve(out.parsed.sentences.size());
  for (const Sentence& s : out.parsed.sentences) {
    budget.Check("rule mentions");
    out.parsed.mentions.push_back(FindMentions(s, g));
  }
  SettleTypes(out.parsed);
}

}  // namespace actorgraph::importers::extract
