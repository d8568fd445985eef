#include "html_metadata.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <vector>

#include "html_article.h"
#include "reader_dates.h"

namespace actorgraph::importers::html {
namespace {

using Json = nlohmann::json;

constexpr size_t kShortTitle = 15;
constexpr size_t kLongTitle = 150;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

// Decodes the few entities pages double-escape in <meta> content ("&amp;#39;").
std::string UnescapeEntities(std::string s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&quot;", "\""}, {"&amp;", "&"}, {"&apos;", "'"},
      {"&lt;", "<"},    {"&gt;", ">"},  {"&#39;", "'"}};
  if (s.find('&') == std::string::npos) return s;
  for (const auto& [from, to] : kNamed) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    n += !space && !in_word;
    in_word = !space;
  }
  return std::max<size_t>(n, 1);
}

std::string GumboText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  return Collapse(out);
}

std::string_view AttrOf(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// What a walk over the page collects for the metadata.
struct PageFacts {
  std::string document_title;
  std::map<std::string, std::string> meta;  // lower-cased key -> content (last wins)
  std::vector<std::string> headings;        // h1 and h2 texts
  size_t h1_count = 0;
  std::string first_h1;
  std::string item_date;  // itemprop="datePublished"
  std::string time_date;  // the first <time datetime>
  std::string canonical;  // the first <link rel="canonical" href>
};

// Readability's keys: "og:title", "article:published_time", "dc:title", "parsely-pub-date", ...
void CollectMeta(const GumboNode* n, PageFacts& facts) {
  std::string_view content = AttrOf(n, "content");
  if (content.empty()) return;
  std::string property = Lower(AttrOf(n, "property"));
  static const std::regex kProperty(
      R"(\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name|url)\s*)");
  std::smatch m;
  if (!property.empty() && std::regex_search(property, m, kProperty)) {
    facts.meta[m[1].str() + ":" + m[2].str()] = Collapse(content);
    return;
  }
  std::string name = Lower(AttrOf(n, "name"));
  if (name.empty()) name = Lower(AttrOf(n, "itemprop"));
  name.erase(std::remove_if(name.begin(), name.end(), ::isspace), name.end());
  std::replace(name.begin(), name.end(), '.', ':');
  if (!name.empty()) facts.meta[name] = Collapse(content);
}

PageFacts Collect(const GumboNode* root) {
  PageFacts facts;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    switch (n->v.element.tag) {
      case GUMBO_TAG_TITLE:  // the document's, not an <svg>'s
        if (facts.document_title.empty() && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
          facts.document_title = GumboText(n);
        }
        continue;
      case GUMBO_TAG_META:
        CollectMeta(n, facts);
        break;
      case GUMBO_TAG_LINK:
        if (facts.canonical.empty() && Lower(AttrOf(n, "rel")) == "canonical")
          facts.canonical = Collapse(AttrOf(n, "href"));
        break;
      case GUMBO_TAG_H1:
        if (++facts.h1_count == 1) facts.first_h1 = GumboText(n);
        facts.headings.push_back(GumboText(n));
        break;
      case GUMBO_TAG_H2:
        facts.headings.push_back(GumboText(n));
        break;
      case GUMBO_TAG_TIME:
        if (facts.time_date.empty()) facts.time_date = AttrOf(n, "datetime");
        break;
      default:
        break;
    }
    if (facts.item_date.empty() && AttrOf(n, "itemprop") == "datePublished") {
      for (const char* attr : {"content", "datetime"}) {
        if (facts.item_date.empty()) facts.item_date = AttrOf(n, attr);
      }
      if (facts.item_date.empty()) facts.item_date = GumboText(n);
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return facts;
}

bool IsSeparator(char c) { return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>'; }
constexpr std::string_view kGuillemet = "\xC2\xBB";  // »

// Positions of " <sep> " in `title`, with the separator's width.
std::vector<std::pair<size_t, size_t>> Separators(std::string_view title, bool hierarchical_only) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 1; i + 1 < title.size(); ++i) {
    if (title[i - 1] != ' ') continue;
    size_t width = 0;
    if (title.compare(i, kGuillemet.size(), kGuillemet) == 0) {
      width = kGuillemet.size();
    } else if (IsSeparator(title[i]) &&
               (!hierarchical_only || (title[i] != '|' && title[i] != '-'))) {
      width = 1;
    }
    if (width && i + width < title.size() && title[i + width] == ' ')
      out.emplace_back(i - 1, width);
  }
  return out;
}

// Readability's cleanup of <title>: drop the site name, keep a colon title an <h1> repeats.
std::string TitleFromDocument(const PageFacts& facts) {
  const std::string original = facts.document_title;
  std::string title = original;
  bool hierarchical = false;
  auto separators = Separators(original, false);
  if (!separators.empty()) {
    hierarchical = !Separators(original, true).empty();
    title = original.substr(0, separators.back().first);
    if (WordCount(title) < 3) {
      // Too short: drop the first part instead.
      auto [at, width] = separators.front();
      title = original.substr(at + width + 1);
    }
  } else if (original.find(": ") != std::string::npos) {
    bool heading_matches =
        std::find(facts.headings.begin(), facts.headings.end(), original) != facts.headings.end();
    if (!heading_matches) {
      title = original.substr(original.rfind(':') + 1);
      if (WordCount(title) < 3) {
        title = original.substr(original.find(':') + 1);
      } else if (WordCount(original.substr(0, original.find(':'))) > 5) {
        title = original;
      }
    }
  } else if ((original.size() > kLongTitle || original.size() < kShortTitle) &&
             facts.h1_count == 1) {
    title = facts.first_h1;
  }
  title = Collapse(title);
  size_t words = WordCount(title);
  // A short remainder is kept only when a heading on the page agrees with it.
  bool heading_agrees =
      std::find(facts.headings.begin(), facts.headings.end(), title) != facts.headings.end();
  if (words <= 4 && !heading_agrees) {
    std::string bare;
    for (char c : original) {
      if (!IsSeparator(c)) bare.push_back(c);
    }
    if (!hierarchical || words != WordCount(bare) - 1) title = original;
  }
  return title;
}

const Json* FindArticle(const Json& j);

bool IsArticleType(const Json& type) {
  static const std::regex kArticleTypes(
      "^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|"
      "BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|"
      "SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
      "LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$");
  if (type.is_string()) return std::regex_search(type.get<std::string>(), kArticleTypes);
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), [](const Json& t) { return IsArticleType(t); });
  }
  return false;
}

// The article object in a JSON-LD value: itself, an array element or a @graph member.
const Json* FindArticle(const Json& j) {
  if (j.is_array()) {
    for (const Json& item : j) {
      if (const Json* found = FindArticle(item)) return found;
    }
    return nullptr;
  }
  if (!j.is_object()) return nullptr;
  if (j.contains("@type") && IsArticleType(j["@type"])) return &j;
  if (j.contains("@graph")) return FindArticle(j["@graph"]);
  return nullptr;
}

struct JsonLdFacts {
  std::string title;
  std::string date;
  bool has_author = false;
  std::string author;     // the names, ", "-separated
  std::string publisher;  // the publisher's name
};

// The name of a JSON-LD person or organisation: {"name": ...} or a bare string.
std::string NameOf(const Json& j) {
  if (j.is_string()) return Collapse(j.get<std::string>());
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end() && it->is_string()) return Collapse(it->get<std::string>());
  }
  return "";
}

// A JSON-LD block without the <![CDATA[ ... ]]> some pages wrap it in.
std::string_view StripCdata(std::string_view block) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  block = trim(block);
  if (block.starts_with("<![CDATA[")) block.remove_prefix(9);
  if (block.ends_with("]]>")) block.remove_suffix(3);
  return trim(block);
}

JsonLdFacts ReadJsonLd(const std::vector<std::string>& blocks, const std::string& document_title) {
  JsonLdFacts facts;
  for (const std::string& block : blocks) {
    Json j = Json::parse(StripCdata(block), nullptr, /*allow_exceptions=*/false);
    const Json* article = FindArticle(j);
    if (!article) continue;
    auto text = [&](const char* key) {
      auto it = article->find(key);
      return it != article->end() && it->is_string() ? Collapse(it->get<std::string>())
                                                     : std::string();
    };
    std::string name = text("name"), headline = text("headline");
    if (!name.empty() && !headline.empty() && name != headline) {
      // Both given: prefer the one the document's title agrees with.
      bool headline_matches = TextSimilarity(headline, document_title) > 0.75;
      bool name_matches = TextSimilarity(name, document_title) > 0.75;
      facts.title = headline_matches && !name_matches ? headline : name;
    } else {
      facts.title = !name.empty() ? name : headline;
    }
    facts.date = text("datePublished");
    auto author = article->find("author");
    if (author != article->end()) {
      auto named = [](const Json& a) {
        return a.is_object() && a.contains("name") && a["name"].is_string();
      };
      facts.has_author =
          named(*author) || (author->is_array() && !author->empty() && named((*author)[0]));
      std::vector<std::string> names;
      if (author->is_array()) {
        for (const Json& a : *author)
          if (std::string n = NameOf(a); !n.empty() && names.size() < 10) names.push_back(n);
      } else if (std::string n = NameOf(*author); !n.empty()) {
        names.push_back(n);
      }
      for (const std::string& n : names) {
        if (n.starts_with("http")) continue;
        facts.author += (facts.author.empty() ? "" : ", ") + n;
      }
    }
    if (auto publisher = article->find("publisher"); publisher != article->end())
      facts.publisher =
          NameOf(publisher->is_array() && !publisher->empty() ? (*publisher)[0] : *publisher);
    return facts;
  }
  return facts;
}

std::string FirstOf(const std::map<std::string, std::string>& meta,
                    std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = meta.find(key);
    if (it != meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

}  // namespace

PageMetadata ReadMetadata(const ParsedHtml& parsed) {
  PageFacts facts = Collect(parsed.root());
  std::string document_title = TitleFromDocument(facts);
  JsonLdFacts json_ld = ReadJsonLd(parsed.json_ld(), document_title);

  PageMetadata out;
  out.title = json_ld.title;
  if (out.title.empty()) {
    out.title =
        FirstOf(facts.meta, {"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                             "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
  }
  if (out.title.empty()) out.title = document_title;
  out.title = Collapse(UnescapeEntities(out.title));

  std::string article_author = FirstOf(facts.meta, {"article:author"});
  std::string meta_author =
      FirstOf(facts.meta, {"author", "dc:creator", "dcterm:creator", "parsely-author"});
  out.has_byline = json_ld.has_author || !meta_author.empty() ||
                   (!article_author.empty() && !article_author.starts_with("http"));
  out.author = json_ld.author;
  if (out.author.empty()) out.author = meta_author;
  if (out.author.empty() && !article_author.starts_with("http")) out.author = article_author;
  if (out.author.starts_with("http")) out.author.clear();
  out.author = Collapse(UnescapeEntities(out.author));
  out.canonical = !facts.canonical.empty() ? facts.canonical : FirstOf(facts.meta, {"og:url"});
  out.site_name = FirstOf(facts.meta, {"og:site_name"});
  if (out.site_name.empty()) out.site_name = json_ld.publisher;
  if (out.site_name.empty()) out.site_name = FirstOf(facts.meta, {"application-name"});
  out.site_name = Collapse(UnescapeEntities(out.site_name));

  std::vector<std::string> dates = {
      json_ld.date,
      FirstOf(facts.meta, {"article:published_time", "parsely-pub-date", "datepublished",
                           "article:published", "pubdate", "publishdate", "publish-date",
                           "publish_date", "date", "dc:date", "dc:date:issued", "dcterms:created",
                           "dcterm:created", "sailthru:date", "og:published_time"}),
      facts.item_date, facts.time_date};
  for (const std::string& d : dates) {
    out.date = NormaliseDate(d);
    if (!out.date.empty()) break;
  }
  return out;
}

}  // namespace actorgraph::importers::html
