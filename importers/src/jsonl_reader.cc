// ReadJsonLines: JSON Lines dumps of articles, one object per line.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "actorgraph/importers/readers.h"
#include "reader_dates.h"
#include "reader_text.h"

namespace actorgraph::importers {
namespace {

using Json = nlohmann::json;

// A string member of `object`, "" when absent; false when present but not a string.
bool StringMember(const Json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

}  // namespace

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

core::Result<Document> ReadJsonLine(std::string_view line, size_t number) {
  const std::string where = "line " + std::to_string(number) + ": ";
  Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return core::Status::InvalidArgument(where + "invalid JSON");
  if (!object.is_object()) return core::Status::InvalidArgument(where + "not a JSON object");
  std::string url, title, date, text, html, author, canonical_url, site_name;
  for (auto [key, out] : {std::pair{"url", &url},
                          {"title", &title},
                          {"date", &date},
                          {"text", &text},
                          {"html", &html},
                          {"author", &author},
                          {"canonical_url", &canonical_url},
                          {"site_name", &site_name}}) {
    if (!StringMember(object, key, out)) {
      return core::Status::InvalidArgument(where + "\"" + key + "\" is not a string");
    }
  }
  if (text.empty() && html.empty())
    return core::Status::InvalidArgument(where + "no \"text\" or \"html\"");
  core::Result<Document> read =
      text.empty() ? ReadHtml(html, url) : ReadPlainText(text, url, /*find_title=*/title.empty());
  if (!read.ok()) return core::Status(read.status().code(), where + read.status().message());
  Document doc = std::move(read).value();
  if (!title.empty()) doc.title = title;
  if (!author.empty()) doc.author = author;
  if (!canonical_url.empty()) doc.canonical_url = canonical_url;
  if (!site_name.empty()) doc.site_name = site_name;
  std::string normalised = NormaliseDate(date);
  if (!normalised.empty()) doc.date = normalised;
  return doc;
}

void ReadJsonLines(std::string_view data, const std::function<void(JsonLine&&)>& fn) {
  size_t number = 0;
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(start, end - start);
    ++number;
    start = end + 1;
    if (IsBlankLine(line)) continue;
    fn(JsonLine{number, ReadJsonLine(line, number), std::min(start, data.size())});
  }
}

}  // namespace actorgraph::importers
