// Web archives and gzip files through the source walker: WARC (plain, gzip, multi-member gzip
// as Common Crawl writes it), records that lie about their length, truncated archives, and
// gzip JSON Lines and HTML.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "actorgraph/importers/sources.h"
#include "importers/readers_test_util.h"
#include "importers/warc_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;
namespace fs = std::filesystem;
using actorgraph::core::StatusCode;

namespace {

std::vector<ai::SourceItem> WalkFile(const fs::path& path) {
  std::vector<ai::SourceItem> items;
  auto st = ai::ForEachDocument(path.string(),
                                [&](ai::SourceItem&& item) { items.push_back(std::move(item)); });
  REQUIRE(st.ok());
  return items;
}

// The records of a small news crawl: what a reader must keep and what it must skip.
std::vector<std::string> CrawlRecords() {
  std::vector<std::string> r;
  r.push_back(at::WarcRecordText("warcinfo", "", "2024-03-01T10:00:00Z", "application/warc-fields",
                                 "software: test\r\n"));
  r.push_back(at::WarcRecordText("request", "https://news.example.com/a", "2024-03-01T10:00:01Z",
                                 "application/http; msgtype=request",
                                 "GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n"));
  // 3: a page without a date of its own: the record's date is its date.
  r.push_back(at::WarcRecordText(
      "response", "https://news.example.com/a", "2024-03-01T10:00:02Z",
      "application/http; msgtype=response",
      at::HttpResponseText(200, "text/html; charset=utf-8",
                           at::NewsPage("Varnholt opens a foundry in Bergen",
                                        "Varnholt Industries opened a smart foundry in Bergen on "
                                        "Monday, its chief executive said."))));
  // 4: a 404 is not an article.
  r.push_back(at::WarcRecordText("response", "https://news.example.com/gone",
                                 "2024-03-01T10:00:03Z", "application/http; msgtype=response",
                                 at::HttpResponseText(404, "text/html", "<p>Not found</p>")));
  // 5: an image is not an article.
  r.push_back(at::WarcRecordText(
      "response", "https://news.example.com/logo.png", "2024-03-01T10:00:04Z",
      "application/http; msgtype=response",
      at::HttpResponseText(200, "image/png", std::string("\x89PNG\r\n\x1a\n\0\0", 10))));
  // 6: a page sent gzip-encoded and chunked, with a date of its own.
  std::string page = at::NewsPage("Ministry signs a pact with Oslo Steel",
                                  "The ministry signed a partnership with Oslo Steel in Oslo.",
                                  "2023-11-20T08:00:00Z");
  std::string gz = at::GzipMember(page);
  char size_hex[32];
  std::snprintf(size_hex, sizeof size_hex, "%zx", gz.size());
  std::string chunked = std::string(size_hex) + "\r\n" + gz + "\r\n0\r\n\r\n";
  r.push_back(
      at::WarcRecordText("response", "<https://news.example.com/b>", "2024-03-01T10:00:05Z",
                         "application/http; msgtype=response",
                         "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n" +
                             chunked));
  // 7: a resource record holding a page directly.
  r.push_back(at::WarcRecordText(
      "resource", "file:///archive/c.html", "2024-03-02T09:00:00Z", "text/html",
      at::NewsPage("Bergen hosts the North Sea Summit", "The North Sea Summit opened in Bergen.")));
  return r;
}

// What the walk of CrawlRecords() must give, whatever the file's compression.
void CheckCrawl(const std::vector<ai::SourceItem>& items, const std::string& origin) {
  REQUIRE(items.size() == 3);
  CHECK(items[0].origin == origin + "#3");
  REQUIRE(items[0].doc.ok());
  CHECK(items[0].doc->url == "https://news.example.com/a");
  CHECK(items[0].doc->title == "Varnholt opens a foundry in Bergen");
  CHECK(items[0].doc->date == "2024-03-01");
  CHECK(items[0].doc->text.find("smart foundry in Bergen") != std::string::npos);
  CHECK(items[0].doc->text.find("Home") == std::string::npos);

  CHECK(items[1].origin == origin + "#6");
  REQUIRE(items[1].doc.ok());
  CHECK(items[1].doc->url == "https://news.example.com/b");
  CHECK(items[1].doc->date == "2023-11-20");
  CHECK(items[1].doc->text.find("partnership with Oslo Steel") != std::string::npos);

  CHECK(items[2].origin == origin + "#7");
  REQUIRE(items[2].doc.ok());
  CHECK(items[2].doc->url == "file:///archive/c.html");
  CHECK(items[2].doc->date == "2024-03-02");
  // Progress ends at the file's size.
  CHECK(items.back().bytes_done <= fs::file_size(origin));
  CHECK(items[0].bytes_done <= items[2].bytes_done);
}

}  // namespace

TEST_CASE("A WARC file: response and resource records with HTML become articles", "[warc]") {
  at::TempDir dir;
  std::string plain, members;
  for (const auto& rec : CrawlRecords()) {
    plain += rec;
    members += at::GzipMember(rec);
  }
  SECTION("plain") {
    const fs::path path = fs::path(dir.path()) / "crawl.warc";
    at::WriteFile(path, plain);
    CheckCrawl(WalkFile(path), path.string());
  }
  SECTION("gzip, one member per record (Common Crawl)") {
    const fs::path path = fs::path(dir.path()) / "CC-NEWS-20240301.warc.gz";
    at::WriteFile(path, members);
    CheckCrawl(WalkFile(path), path.string());
  }
  SECTION("gzip, one member for the whole file") {
    const fs::path path = fs::path(dir.path()) / "crawl.WARC.GZ";
    at::WriteFile(path, at::GzipMember(plain));
    CheckCrawl(WalkFile(path), path.string());
  }
  SECTION("a folder walk reads .warc.gz files") {
    at::WriteFile(fs::path(dir.path()) / "in" / "crawl.warc.gz", members);
    auto items = WalkFile(fs::path(dir.path()) / "in");
    CHECK(items.size() == 3);
  }
}

TEST_CASE("A WARC record whose Content-Length lies is refused and the rest is read", "[warc]") {
  at::TempDir dir;
  auto records = CrawlRecords();
  const std::string lie_short = at::WarcRecordText(
      "response", "https://news.example.com/short", "2024-03-01T11:00:00Z",
      "application/http; msgtype=response", at::HttpResponseText(200, "text/html", "<p>x</p>"), 20);
  const std::string lie_long =
      at::WarcRecordText("response", "https://news.example.com/long", "2024-03-01T11:00:00Z",
                         "application/http; msgtype=response",
                         at::HttpResponseText(200, "text/html", "<p>y</p>"), 400);
  // warcinfo, a record too short, the crawl's first page, a record too long, the second page.
  std::string warc = records[0] + lie_short + records[2] + lie_long + records[5];
  for (bool gzip : {false, true}) {
    const fs::path path = fs::path(dir.path()) / (gzip ? "lies.warc.gz" : "lies.warc");
    at::WriteFile(path, gzip ? at::GzipMember(warc) : warc);
    auto items = WalkFile(path);
    std::vector<std::string> urls, errors;
    for (const auto& item : items) {
      if (item.doc.ok())
        urls.push_back(item.doc->url);
      else
        errors.push_back(item.origin + ": " + item.doc.status().message());
    }
    // Both pages survive: the one after a short lie, and the one a long lie swallowed the
    // start of.
    CHECK(urls ==
          std::vector<std::string>{"https://news.example.com/a", "https://news.example.com/b"});
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == path.string() +
                           "#2: Content-Length lies: the record declares 20 bytes but its block "
                           "is not followed by the record end; skipped to the next record");
    CHECK(errors[1].find("#4: Content-Length lies: the record declares 400 bytes") !=
          std::string::npos);
  }
}

TEST_CASE("A truncated WARC file: every record before the cut, then a clear error", "[warc]") {
  at::TempDir dir;
  auto records = CrawlRecords();
  std::string plain = records[0] + records[2] + records[5];
  const size_t cut = records[0].size() + records[2].size() + records[5].size() / 2;
  SECTION("plain, cut inside a block") {
    const fs::path path = fs::path(dir.path()) / "cut.warc";
    at::WriteFile(path, plain.substr(0, cut));
    auto items = WalkFile(path);
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].doc.ok());
    CHECK(items[0].doc->url == "https://news.example.com/a");
    REQUIRE_FALSE(items[1].doc.ok());
    CHECK(items[1].origin == path.string() + "#3");
    CHECK(items[1].doc.status().message().find("truncated: the record declares ") == 0);
  }
  SECTION("plain, cut inside a header") {
    const fs::path path = fs::path(dir.path()) / "cut.warc";
    at::WriteFile(path, plain.substr(0, records[0].size() + records[2].size() + 30));
    auto items = WalkFile(path);
    REQUIRE(items.size() == 2);
    CHECK(items[0].doc.ok());
    REQUIRE_FALSE(items[1].doc.ok());
    CHECK(items[1].doc.status().message() ==
          "truncated: the archive ends inside a record's header");
  }
  SECTION("gzip members, cut inside the last member") {
    std::string members;
    for (size_t i : {0, 2, 5}) members += at::GzipMember(records[i]);
    const fs::path path = fs::path(dir.path()) / "cut.warc.gz";
    at::WriteFile(path, members.substr(0, members.size() - 40));
    auto items = WalkFile(path);
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].doc.ok());
    CHECK(items[0].doc->url == "https://news.example.com/a");
    REQUIRE_FALSE(items[1].doc.ok());
    CHECK(items[1].doc.status().message().find("truncated gzip data") == 0);
  }
  SECTION("not a WARC file at all") {
    const fs::path path = fs::path(dir.path()) / "notes.warc";
    at::WriteFile(path, "just some notes\nand more\n");
    auto items = WalkFile(path);
    REQUIRE(items.size() == 1);
    REQUIRE_FALSE(items[0].doc.ok());
    CHECK(items[0].doc.status().message().find("not a WARC record") == 0);
  }
}

TEST_CASE("A WARC record larger than 64 MiB is skipped without holding it", "[warc]") {
  at::TempDir dir;
  auto records = CrawlRecords();
  const std::string huge_body(ai::kMaxSourceFileBytes + 10, 'a');
  std::string members = at::GzipMember(at::WarcRecordText(
      "response", "https://news.example.com/huge", "2024-03-01T12:00:00Z",
      "application/http; msgtype=response", at::HttpResponseText(200, "text/html", huge_body)));
  members += at::GzipMember(records[2]);
  const fs::path path = fs::path(dir.path()) / "huge.warc.gz";
  at::WriteFile(path, members);
  auto items = WalkFile(path);
  REQUIRE(items.size() == 2);
  REQUIRE_FALSE(items[0].doc.ok());
  CHECK(items[0].doc.status().code() == StatusCode::kResourceExhausted);
  CHECK(items[0].doc.status().message().find("larger than 64 MiB: skipped") != std::string::npos);
  REQUIRE(items[1].doc.ok());
  CHECK(items[1].doc->url == "https://news.example.com/a");
}

TEST_CASE("gzip JSON Lines are streamed line by line; gzip HTML is read whole", "[warc]") {
  at::TempDir dir;
  SECTION("jsonl.gz, two members, a bad line in the middle") {
    const fs::path path = fs::path(dir.path()) / "dump.jsonl.gz";
    at::WriteFile(path, at::GzipMember("{\"url\": \"u1\", \"title\": \"T1\", \"text\": \"One.\"}\n"
                                       "{broken\n") +
                            at::GzipMember("\n{\"url\": \"u2\", \"text\": \"Two.\"}\n"));
    auto items = WalkFile(path);
    REQUIRE(items.size() == 3);
    CHECK(items[0].origin == path.string() + ":1");
    REQUIRE(items[0].doc.ok());
    CHECK(items[0].doc->title == "T1");
    CHECK(items[1].doc.status().message() == "line 2: invalid JSON");
    CHECK(items[2].origin == path.string() + ":4");
    REQUIRE(items[2].doc.ok());
    CHECK(items[2].doc->url == "u2");
  }
  SECTION("html.gz") {
    const fs::path path = fs::path(dir.path()) / "page.html.gz";
    at::WriteFile(path, at::GzipMember(at::NewsPage("A compressed page", "Body of the page.")));
    CHECK(ai::FormatFromExtension(path.string()) == ai::SourceFormat::kHtml);
    auto items = WalkFile(path);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].doc.ok());
    CHECK(items[0].doc->title == "A compressed page");
  }
  SECTION("a .gz file that is not gzip") {
    const fs::path path = fs::path(dir.path()) / "fake.html.gz";
    at::WriteFile(path, "<html>not compressed</html>");
    auto items = WalkFile(path);
    REQUIRE(items.size() == 1);
    REQUIRE_FALSE(items[0].doc.ok());
    CHECK(items[0].doc.status().message().find("corrupt gzip data") == 0);
  }
}
