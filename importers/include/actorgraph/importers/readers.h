// Readers: turn files of each supported format into Documents.
//
// All readers are pure functions of their input (no I/O), thread-safe, and never throw.
// Input is treated as untrusted: malformed markup is repaired or refused with a Status,
// never allowed to crash or hang the reader.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"

namespace actorgraph::importers {

// The largest input any reader accepts (a feed, a dump, a page).
inline constexpr size_t kMaxReaderInputBytes = size_t{64} << 20;

// An HTML page -> its article: title, date, body text without navigation, scripts, menus,
// share buttons or cookie banners. Never fails on malformed HTML (gumbo repairs it); refuses
// input that is not text.
core::Result<Document> ReadHtml(std::string_view html, std::string url = "");

// An HTML fragment that is all article (a feed item's content) -> its visible text,
// paragraphs separated by "\n\n". No article extraction; scripts, styles, navigation,
// forms and share widgets are left out.
std::string HtmlToText(std::string_view html);

// A plain-text article. Invalid UTF-8 is repaired (U+FFFD), newlines normalised to "\n",
// blank-line runs to one paragraph break. The title is the headline among the first eight
// non-empty lines: the first line of 4 to 30 words without a final period that is not page
// furniture (a site's or section's name, a widget, a menu, a dateline: text_reader.cc); the
// furniture before it is left out of the body; a line that reads like the body first means
// no title. A line that is only a date gives the date. Refuses binary input.
core::Result<Document> ReadText(std::string_view text, std::string url = "");

// One line of a JSON Lines dump, as handed to ReadJsonLines' callback.
struct JsonLine {
  size_t line = 0;             // 1-based line number in the dump
  core::Result<Document> doc;  // the document, or why the line was refused
  size_t end_offset = 0;       // the byte offset just past the line's newline (progress)
};

// A JSON Lines dump: one article per line, an object with "url", "title", "date" ("author",
// "canonical_url", "site_name" optional) and either
// "text" (plain text) or "html" (a page, read with ReadHtml; the object's title and date win
// over the page's). Calls `fn` once per non-blank line, in order. A bad line (invalid JSON,
// not an object, no text/html string) gives a non-ok Result whose message names the reason;
// reading goes on with the next line. Dates are normalised to YYYY-MM-DD when recognised.
void ReadJsonLines(std::string_view data, const std::function<void(JsonLine&&)>& fn);

// One line of a JSON Lines dump (its 1-based `number` goes into error messages), as
// ReadJsonLines reads each; for readers that stream a dump line by line.
core::Result<Document> ReadJsonLine(std::string_view line, size_t number);
// True when `line` holds only spaces, tabs and CRs (ReadJsonLines skips it).
bool IsBlankLine(std::string_view line);

// An RSS 2.0 or Atom feed -> one Document per <item>/<entry>: url from <link>, title, date
// from pubDate (RFC 822) or Atom published/updated, text from content:encoded, description,
// content or summary (HTML content is converted to text). A sitemap (<urlset>, as news sites
// publish for crawlers) -> one Document per <url>: url from <loc>, title and date from a news
// sitemap's <news:news> (else the date from <lastmod>), no text (the follower fetches each
// page). Parsed without network access, entity substitution or DTD loading: a feed declaring
// entities (e.g. "billion laughs") is refused. Fails with InvalidArgument on malformed XML, a
// sitemap index, or a root that is neither <rss>, <rdf:RDF>, <feed> nor <urlset>, and
// ResourceExhausted above kMaxReaderInputBytes.
core::Result<std::vector<Document>> ReadFeed(std::string_view xml, std::string url = "");

}  // namespace actorgraph::importers
