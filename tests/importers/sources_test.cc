#include "actorgraph/importers/sources.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;
namespace fs = std::filesystem;
using actorgraph::core::StatusCode;

namespace {

struct Walk {
  actorgraph::core::Status status;
  std::vector<ai::SourceItem> items;

  // origin -> failure message, for the items that failed.
  std::map<std::string, std::string> Failures() const {
    std::map<std::string, std::string> out;
    for (const auto& item : items) {
      if (!item.doc.ok()) out[item.origin] = item.doc.status().message();
    }
    return out;
  }
  std::vector<std::string> Origins() const {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.origin);
    return out;
  }
};

Walk WalkPath(const fs::path& path) {
  Walk walk;
  walk.status = ai::ForEachDocument(
      path.string(), [&](ai::SourceItem&& item) { walk.items.push_back(std::move(item)); });
  return walk;
}

}  // namespace

TEST_CASE("FormatFromExtension and SniffFormat", "[sources]") {
  CHECK(ai::FormatFromExtension("a/b.TXT") == ai::SourceFormat::kText);
  CHECK(ai::FormatFromExtension("page.htm") == ai::SourceFormat::kHtml);
  CHECK(ai::FormatFromExtension("dump.ndjson") == ai::SourceFormat::kJsonLines);
  CHECK(ai::FormatFromExtension("news.atom") == ai::SourceFormat::kFeed);
  CHECK(ai::FormatFromExtension("photo.jpg") == ai::SourceFormat::kUnknown);
  CHECK(ai::FormatFromExtension("README") == ai::SourceFormat::kUnknown);

  CHECK(ai::SniffFormat(at::Slurp(at::DataDir() / "feed_rss.xml")) == ai::SourceFormat::kFeed);
  CHECK(ai::SniffFormat(at::Slurp(at::DataDir() / "feed_atom.xml")) == ai::SourceFormat::kFeed);
  CHECK(ai::SniffFormat(at::Slurp(at::DataDir() / "articles.jsonl")) ==
        ai::SourceFormat::kJsonLines);
  CHECK(ai::SniffFormat(at::Slurp(at::DataDir() / "article.txt")) == ai::SourceFormat::kText);
  CHECK(ai::SniffFormat("\xEF\xBB\xBF  <!DOCTYPE html><html><body>x</body></html>") ==
        ai::SourceFormat::kHtml);
  CHECK(ai::SniffFormat(std::string("\x7f"
                                    "ELF\x02\x01\x01\0\0\0",
                                    10)) == ai::SourceFormat::kUnknown);
}

TEST_CASE("A folder walk yields every document and every failure, in order", "[sources]") {
  at::TempDir dir;
  const fs::path root = dir.path();
  fs::copy_file(at::DataDir() / "article.txt", root / "a_article.txt");
  at::WriteFile(root / "b_news" / "feed.rss", at::Slurp(at::DataDir() / "feed_rss.xml"));
  at::WriteFile(root / "c_dump.jsonl", "{\"title\": \"T\", \"text\": \"Body one.\"}\n{broken\n");
  at::WriteFile(root / "d_image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18));
  at::WriteFile(root / "e_empty.txt", "");
  at::WriteFile(root / "f_bad.xml", "<rss><channel><item>");
  at::WriteFile(root / "g_page.html",
                "<html><head><title>A page title here</title></head><body><p>Hello from a "
                "page.</p></body></html>");
  at::WriteFile(root / "notes.docx", "ignored: unknown extension");
  at::WriteFile(root / ".hidden" / "secret.txt", "ignored: hidden folder");

  Walk walk = WalkPath(root);
  REQUIRE(walk.status.ok());
  const std::string r = root.string() + "/";
  CHECK(walk.Origins() == std::vector<std::string>{
                              r + "a_article.txt", r + "b_news/feed.rss#1", r + "b_news/feed.rss#2",
                              r + "c_dump.jsonl:1", r + "c_dump.jsonl:2", r + "d_image.html",
                              r + "e_empty.txt", r + "f_bad.xml", r + "g_page.html"});
  auto failures = walk.Failures();
  REQUIRE(failures.size() == 4);
  CHECK(failures[r + "c_dump.jsonl:2"] == "line 2: invalid JSON");
  CHECK(failures[r + "d_image.html"].find("binary") != std::string::npos);
  CHECK(failures[r + "e_empty.txt"] == "empty");
  CHECK(failures[r + "f_bad.xml"].find("malformed XML") == 0);

  const auto& article = walk.items[0].doc;
  REQUIRE(article.ok());
  CHECK(article->title == "Varnholt opens smart foundry in Bergen");
  CHECK(article->url == r + "a_article.txt");  // no url of its own: the path
  REQUIRE(walk.items[1].doc.ok());
  CHECK(walk.items[1].doc->url == "https://wire.example.org/2023/acme-tromso");
  REQUIRE(walk.items.back().doc.ok());
  CHECK(walk.items.back().doc->title == "A page title here");
  CHECK(walk.items.back().doc->text == "Hello from a page.");
}

TEST_CASE("A single file: by extension, else sniffed; too large and missing files", "[sources]") {
  at::TempDir dir;
  const fs::path root = dir.path();
  SECTION("an unknown extension is sniffed") {
    at::WriteFile(root / "feed.download", at::Slurp(at::DataDir() / "feed_atom.xml"));
    Walk walk = WalkPath(root / "feed.download");
    REQUIRE(walk.status.ok());
    REQUIRE(walk.items.size() == 3);
    CHECK(walk.items[0].origin.ends_with("feed.download#1"));
    REQUIRE(walk.items[0].doc.ok());
    CHECK(walk.items[0].doc->title == "NIMF & partners convene in Muscat");
  }
  SECTION("a binary file with an unknown extension is refused") {
    at::WriteFile(root / "blob", std::string(1000, '\0'));
    Walk walk = WalkPath(root / "blob");
    REQUIRE(walk.items.size() == 1);
    REQUIRE_FALSE(walk.items[0].doc.ok());
    CHECK(walk.items[0].doc.status().message().find("binary") != std::string::npos);
  }
  SECTION("a file over 64 MiB is refused without being read") {
    const fs::path big = root / "big.txt";
    at::WriteFile(big, "x");
    fs::resize_file(big, ai::kMaxSourceFileBytes + 1);  // sparse
    Walk walk = WalkPath(big);
    REQUIRE(walk.items.size() == 1);
    REQUIRE_FALSE(walk.items[0].doc.ok());
    CHECK(walk.items[0].doc.status().code() == StatusCode::kResourceExhausted);
    CHECK(walk.items[0].doc.status().message().find("too large") == 0);
  }
  SECTION("a missing path ends the walk") {
    Walk walk = WalkPath(root / "nowhere.txt");
    CHECK(walk.status.code() == StatusCode::kNotFound);
    CHECK(walk.items.empty());
  }
}

TEST_CASE("The corpus folder: every page read, metadata files skipped", "[sources]") {
  Walk walk = WalkPath(at::CorpusDir() / "html");
  REQUIRE(walk.status.ok());
  size_t html_files = 0;
  for (const auto& e : fs::directory_iterator(at::CorpusDir() / "html"))
    html_files += e.path().extension() == ".html";
  CHECK(walk.items.size() == html_files);
  CHECK(walk.Failures().empty());
}

TEST_CASE("ForEachDocumentInData sniffs what standard input would hold", "[sources]") {
  std::vector<ai::SourceItem> items;
  ai::ForEachDocumentInData("{\"text\": \"From a pipe.\"}\n", "-", ai::SourceFormat::kUnknown,
                            [&](ai::SourceItem&& item) { items.push_back(std::move(item)); });
  REQUIRE(items.size() == 1);
  CHECK(items[0].origin == "-:1");
  REQUIRE(items[0].doc.ok());
  CHECK(items[0].doc->text == "From a pipe.");
}
