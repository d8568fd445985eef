// ReadFeed: RSS 2.0, RSS 1.0 (RDF) and Atom feeds and (news) sitemaps, parsed with libxml2.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "actorgraph/importers/readers.h"
#include "reader_dates.h"
#include "reader_text.h"

namespace actorgraph::importers {
namespace {

// No network, no DTD loading, no entity substitution; errors are returned, not printed.
constexpr int kParseOptions =
    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

bool NameIs(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

bool NamespaceIs(const xmlNode* n, const char* uri) {
  return n->ns && n->ns->href && std::strcmp(reinterpret_cast<const char*>(n->ns->href), uri) == 0;
}

std::string Content(const xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

std::string Attribute(const xmlNode* n, const char* name) {
  xmlChar* s = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

// The markup of the children of `n` (Atom's type="xhtml" content).
std::string InnerMarkup(const xmlNode* n) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buffer(xmlBufferCreate(), xmlBufferFree);
  for (xmlNode* c = n->children; c; c = c->next) xmlNodeDump(buffer.get(), n->doc, c, 0, 0);
  return reinterpret_cast<const char*>(xmlBufferContent(buffer.get()));
}

bool LooksLikeHtml(std::string_view s) {
  for (size_t at = s.find('<'); at != std::string_view::npos && at + 1 < s.size();
       at = s.find('<', at + 1)) {
    char c = s[at + 1];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!') return true;
  }
  return false;
}

// Text from feed content that may be HTML (RSS leaves it to guessing; Atom says in type=).
std::string ContentText(const xmlNode* n) {
  std::string type = Attribute(n, "type");
  std::string raw = type == "xhtml" ? InnerMarkup(n) : Content(n);
  bool html = type == "html" || type == "xhtml" || type == "text/html" ||
              (type.empty() && LooksLikeHtml(raw));
  if (html) return HtmlToText(raw);
  core::Result<Document> plain = ReadPlainText(raw, "", /*find_title=*/false);
  return plain.ok() ? plain->text : "";
}

std::string Trimmed(std::string s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

constexpr const char* kContentModule = "http://purl.org/rss/1.0/modules/content/";

// An RSS <item>: the longest of content:encoded and description is the body.
Document RssItem(const xmlNode* item) {
  Document doc;
  std::string body, summary, guid;
  for (const xmlNode* c = item->children; c; c = c->next) {
    if (NameIs(c, "link")) {
      doc.url = Trimmed(Content(c));
    } else if (NameIs(c, "guid")) {
      guid = Trimmed(Content(c));
    } else if (NameIs(c, "title")) {
      doc.title = ContentText(c);
    } else if (NameIs(c, "pubDate") || (NameIs(c, "date") && doc.date.empty())) {
      doc.date = NormaliseDate(Content(c));
    } else if (NameIs(c, "encoded") && NamespaceIs(c, kContentModule)) {
      body = ContentText(c);
    } else if (NameIs(c, "description")) {
      summary = ContentText(c);
    }
  }
  if (doc.url.empty() && (guid.starts_with("http://") || guid.starts_with("https://")))
    doc.url = guid;
  doc.text = body.size() >= summary.size() ? body : summary;
  return doc;
}

// An Atom <entry>: <content> is the body, <summary> the fallback.
Document AtomEntry(const xmlNode* entry) {
  Document doc;
  std::string body, summary, published, updated;
  for (const xmlNode* c = entry->children; c; c = c->next) {
    if (NameIs(c, "link")) {
      std::string rel = Attribute(c, "rel");
      if (doc.url.empty() || rel == "alternate") doc.url = Attribute(c, "href");
    } else if (NameIs(c, "title")) {
      doc.title = ContentText(c);
    } else if (NameIs(c, "published")) {
      published = NormaliseDate(Content(c));
    } else if (NameIs(c, "updated")) {
      updated = NormaliseDate(Content(c));
    } else if (NameIs(c, "content")) {
      body = ContentText(c);
    } else if (NameIs(c, "summary")) {
      summary = ContentText(c);
    }
  }
  doc.date = !published.empty() ? published : updated;
  doc.text = !body.empty() ? body : summary;
  return doc;
}

constexpr const char* kNewsSitemap = "http://www.google.com/schemas/sitemap-news/0.9";

// A sitemap's <url>: <loc> is the page; a news sitemap's <news:news> gives its title and
// publication date, else <lastmod> the date. No text: the page is read when it is fetched.
Document SitemapUrl(const xmlNode* url) {
  Document doc;
  std::string lastmod;
  for (const xmlNode* c = url->children; c; c = c->next) {
    if (NameIs(c, "loc")) {
      doc.url = Trimmed(Content(c));
    } else if (NameIs(c, "lastmod")) {
      lastmod = NormaliseDate(Content(c));
    } else if (NameIs(c, "news") && NamespaceIs(c, kNewsSitemap)) {
      for (const xmlNode* n = c->children; n; n = n->next) {
        if (NameIs(n, "title")) doc.title = Trimmed(Content(n));
        if (NameIs(n, "publication_date")) doc.date = NormaliseDate(Content(n));
      }
    }
  }
  if (doc.date.empty()) doc.date = lastmod;
  return doc;
}

void Collect(const xmlNode* parent, const char* name, Document (*read)(const xmlNode*),
             std::vector<Document>& out) {
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (!NameIs(c, name)) continue;
    Document doc = read(c);
    if (!doc.text.empty() || !doc.title.empty()) out.push_back(std::move(doc));
  }
}

}  // namespace

core::Result<std::vector<Document>> ReadFeed(std::string_view xml, std::string url) {
  if (xml.size() > kMaxReaderInputBytes)
    return core::Status::ResourceExhausted("feed larger than 64 MiB");
  // Feeds have no use for entity declarations (which sit in the DOCTYPE's internal subset);
  // they are how "billion laughs" attacks work.
  size_t doctype = xml.find("<!DOCTYPE");
  if (doctype != std::string_view::npos &&
      xml.find("<!ENTITY", doctype) < xml.find("]>", doctype)) {
    return core::Status::InvalidArgument("feed declares XML entities (refused)");
  }
  static const bool initialised = (xmlInitParser(), true);  // once, thread-safe
  (void)initialised;
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return core::Status::Internal("libxml2: cannot create a parser");
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()), url.c_str(), nullptr, kParseOptions));
  if (!doc || !ctxt->wellFormed) {
    const xmlError& e = ctxt->lastError;
    std::string reason = e.message ? Trimmed(e.message) : "not well-formed";
    return core::Status::InvalidArgument("malformed XML at line " + std::to_string(e.line) + ": " +
                                         reason);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::vector<Document> items;
  if (root && NameIs(root, "rss")) {
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (NameIs(c, "channel")) Collect(c, "item", RssItem, items);
    }
  } else if (root && NameIs(root, "RDF")) {
    Collect(root, "item", RssItem, items);
  } else if (root && NameIs(root, "feed")) {
    Collect(root, "entry", AtomEntry, items);
  } else if (root && NameIs(root, "urlset")) {
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (!NameIs(c, "url")) continue;
      Document page = SitemapUrl(c);
      if (!page.url.empty()) items.push_back(std::move(page));
    }
  } else if (root && NameIs(root, "sitemapindex")) {
    return core::Status::InvalidArgument(
        "a sitemap index, not a sitemap: follow the sitemaps it lists");
  } else {
    return core::Status::InvalidArgument("not an RSS or Atom feed, nor a sitemap");
  }
  for (Document& d : items) {
    if (d.url.empty()) d.url = url;
  }
  return items;
}

}  // namespace actorgraph::importers
