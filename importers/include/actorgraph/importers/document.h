// A document as the readers see it: the input of extraction.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::importers {

struct Document {
  std::string url;    // link or source path; may be empty
  std::string title;  // headline; may be empty
  std::string date;   // publication date as YYYY-MM-DD, or empty when unknown
  std::string text;   // the body as plain UTF-8 text, paragraphs separated by "\n\n"
  // ISO 639-1 code of the text's language ("und" when unrecognised, LanguageIdentifier), or
  // empty when it was not detected. The readers leave it empty.
  std::string language;
  // What the page declares (ReadHtml; a JSON Lines object's "author", "canonical_url",
  // "site_name"); empty when it does not.
  std::string author;         // the byline's names, ", "-separated
  std::string canonical_url;  // an absolute http(s) URL
  std::string site_name;      // the publication: "Reuters", "The Guardian"
};

// The article as extraction reads it and as it is stored: the headline, a blank line, then the
// body, when there is a headline and the body does not already open with it; else the body.
// Evidence offsets of extracted relations point into this text.
inline std::string ArticleText(const Document& doc) {
  if (doc.title.empty()) return doc.text;
  std::string_view body = doc.text;
  while (!body.empty() && (body.front() == ' ' || body.front() == '\n' || body.front() == '\r' ||
                           body.front() == '\t'))
    body.remove_prefix(1);
  if (body.starts_with(doc.title)) return doc.text;
  std::string out;
  out.reserve(doc.title.size() + 2 + doc.text.size());
  out += doc.title;
  out += "\n\n";
  out += doc.text;
  return out;
}

}  // namespace actorgraph::importers
