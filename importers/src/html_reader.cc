// ReadHtml and HtmlToText: the public face of the html_* modules.
#include "actorgraph/importers/readers.h"
#include "article_date.h"
#include "html_article.h"
#include "html_dom.h"
#include "html_metadata.h"
#include "html_text.h"
#include "reader_sniff.h"

namespace actorgraph::importers {
namespace {

// `href` as an absolute http(s) URL, resolved against `base` when relative; "" when it
// cannot be ("javascript:", a relative href on a page of unknown url).
std::string AbsoluteUrl(const std::string& base, const std::string& href) {
  if (href.empty() || href.size() > 2000) return "";
  if (href.starts_with("http://") || href.starts_with("https://")) return href;
  size_t scheme = base.find("://");
  if (scheme == std::string::npos || !(base.starts_with("http://") || base.starts_with("https://")))
    return "";
  size_t host_end = base.find_first_of("/?#", scheme + 3);
  std::string origin = base.substr(0, host_end);
  if (href.starts_with("//")) return base.substr(0, scheme + 1) + href;
  if (href.starts_with("/")) return origin + href;
  if (href.find(':') != std::string::npos) return "";  // another scheme
  std::string path = host_end == std::string::npos ? "/" : base.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  return origin + path.substr(0, path.rfind('/') + 1) + href;
}

}  // namespace

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
  doc.author = std::move(meta.author);
  doc.site_name = std::move(meta.site_name);
  doc.canonical_url = AbsoluteUrl(doc.url, meta.canonical);
  // A page without a date in its metadata may still write one in its text (a dateline).
  if (doc.date.empty()) doc.date = FindArticleDate(doc.text);
  return doc;
}

std::string HtmlToText(std::string_view html) { return html::HtmlToText(html); }

}  // namespace actorgraph::importers
