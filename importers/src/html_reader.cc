// ReadHtml and HtmlToText: the public face of the html_* modules.
#include "actorgraph/importers/readers.h"
#include "article_date.h"
#include "html_article.h"
#include "html_dom.h"
#include "html_metadata.h"
#include "html_text.h"
#include "reader_sniff.h"

namespace actorgraph::importers {

core::Result<Document> ReadHtml(std::string_view html, std::string url) {
  if (html.size() > kMaxReaderInputBytes)
    return core::Status::ResourceExhausted("HTML page larger than 64 MiB");
  if (LooksBinary(html)) return core::Status::InvalidArgument("binary data, not HTML");
  html::ParsedHtml parsed(html);
  if (parsed.too_deep())
    return core::Status::InvalidArgument(
        "HTML nested more than 1000 elements deep (an HTML bomb?)");
  html::PageMetadata meta = html::ReadMetadata(parsed);
  Document doc;
  doc.url = std::move(url);
  doc.text = html::ExtractArticleText(parsed, {meta.title, meta.has_byline});
  doc.title = std::move(meta.title);
  doc.date = std::move(meta.date);
  // A page without a date in its metadata may still write one in its text (a dateline).
  if (doc.date.empty()) doc.date = FindArticleDate(doc.text);
  return doc;
}

std::string HtmlToText(std::string_view html) { return html::HtmlToText(html); }

}  // namespace actorgraph::importers
