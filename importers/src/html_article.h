// The article in a web page: Readability's content extraction, re-done on a gumbo tree.
//
// Candidate containers are scored by the paragraphs inside them (text length, commas),
// penalised by link density and by class/id hints; the best one and its qualifying siblings
// are kept, then cleaned of forms, share widgets, link lists and other boilerplate. When too
// little text survives, the pass is retried with fewer filters.
#pragma once

#include <string>
#include <string_view>

#include "html_dom.h"

namespace actorgraph::importers::html {

// What the page's metadata tells the extractor.
struct ArticleHints {
  std::string_view title;     // lets a heading that repeats the title be left out; may be empty
  bool byline_known = false;  // the metadata names the author: byline elements are not removed
};

// The article's text, paragraphs separated by "\n\n"; "" when the page has no text.
// Pure; thread-safe.
std::string ExtractArticleText(const ParsedHtml& parsed, const ArticleHints& hints);

// Readability's similarity of two strings: the share of b's words (by length) also in a.
double TextSimilarity(std::string_view a, std::string_view b);

}  // namespace actorgraph::importers::html
