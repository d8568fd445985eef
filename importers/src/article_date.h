// The date of an article, from its text: which of the dates it writes is the article's own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers {

// The article's date as "YYYY-MM-DD", from its lines (trimmed, in order; empty lines
// allowed), or "" when the text states none. The contract — which date wins and why:
//
//  1. Date lines of the head. The head is what comes before the body: headline,
//     standfirst, byline, date lines and page chrome, at most kHeadLines non-empty lines.
//     The body starts at the first prose line (kProseWords words or more, ending like a
//     sentence) that another prose line follows closely; a lone blurb among menu items
//     is chrome. A date on a head line of at most kMaxDateLineBytes bytes is a candidate
//     ("21 March 2017",
//     "Mars Woo | Sep 11, 2013 10:53 AM EDT", "Updated: Jul 25,2023 4:05 PM").
//  2. Datelines: a date opening one of the body's first kDatelineLines prose lines — it
//     starts in the line's first kDatelineBytes bytes and a dateline mark follows it (a
//     dash, colon, slash, parenthesis or bar, or the line's end): "BEIJING, June 23, 2023
//     /PRNewswire/ --", "Berlin, 30. März 2025 –", "Cairo, Egypt - 11 December 2018:",
//     "HANNOVER, (WAM - 31st Aug, 2020)". "LONDON (Reuters) -" has no date and gives none.
//     Among the candidates of 1 and 2 the earliest date wins: a page's head holds the
//     publication date, an "updated" date and the site's date of today (a masthead), and
//     the publication comes first.
//  3. Only when 1 and 2 give nothing: the first date that opens a sentence (at most
//     kWordsBeforeLeadDate words before it) in the body's first kLeadLines prose lines
//     ("On October 18, 2019, the company broke ground"): the lead is about the news of the
//     day. A date further into a sentence ("a deal first discussed on 3 May 2021") is
//     about another event.
//
// A date inside a quotation (quoted_spans.h) is never a candidate: it is the speaker's,
// about another event. Nor is a date later in the body. Relative and partial dates
// ("yesterday", "last week", "vor zwei Tagen", "Oct 16") give no date: none is invented.
std::string FindArticleDate(const std::vector<std::string_view>& lines);

// FindArticleDate over `text` cut at its line breaks.
std::string FindArticleDate(std::string_view text);

// The first date on `line` outside quotations, if `line` is short enough to be a date
// line (at most kMaxDateLineBytes bytes), else "". The readers use it to tell a date line
// from a headline.
std::string DateOfDateLine(std::string_view line);

}  // namespace actorgraph::importers
