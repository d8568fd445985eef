// The title and publication date a page declares about its article.
#pragma once

#include <string>

#include "html_dom.h"

namespace actorgraph::importers::html {

struct PageMetadata {
  std::string title;        // "" when the page has none
  std::string date;         // YYYY-MM-DD, or ""
  bool has_byline = false;  // JSON-LD or <meta> name the author
  std::string author;       // the author's names, ", "-separated; "" when none is named
  std::string canonical;  // <link rel="canonical"> href, else og:url, as written (may be relative)
  std::string site_name;  // og:site_name, else the JSON-LD publisher's name, application-name
};

// Title: a JSON-LD article's headline/name, then dc:title, og:title, twitter:title and
// similar <meta>s, then <title> with the site name cut off (" | Site", " - Site") unless
// that leaves too little, or an <h1> that repeats it whole. Date: JSON-LD datePublished,
// article:published_time and other publication <meta>s, itemprop="datePublished", then the
// first <time datetime>. Author: the JSON-LD article's author name(s), else the author,
// dc:creator, parsely-author or article:author (not a URL) <meta>. Pure; thread-safe.
PageMetadata ReadMetadata(const ParsedHtml& parsed);

}  // namespace actorgraph::importers::html
