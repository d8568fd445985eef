// The article's language in the A record (storage/FORMAT.md, version 2), and version-1
// databases, whose article records have none.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>

#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using testing::OpenOrDie;

namespace {

core::ArticleFacts GermanArticle() {
  core::ArticleFacts f;
  f.title = "Kestrel eröffnet ein Werk";
  f.date = "2024-05-02";
  f.text = "Kestrel Dynamik eröffnet in Bergen ein neues Werk.";
  f.extractor_version = "test";
  f.language = "de";
  f.entities = {{core::NodeType::kCompany, "Kestrel Dynamik", {}},
                {core::NodeType::kLocation, "Bergen", {}}};
  f.relations = {testing::WholeTextRelation(f, core::EdgeType::kLocatedIn, 0, 1, 0.8)};
  return f;
}

std::string FormatVersion(const std::string& dir) {
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string version;
  REQUIRE(db->Get(rocksdb::ReadOptions(), storage::MetaKey("format_version"), &version).ok());
  return version;
}

}  // namespace

TEST_CASE("the article's language is stored and read back", "[store][language]") {
  testing::TempDir dir;
  core::ArticleId id = 0;
  {
    auto store = OpenOrDie(dir.path());
    auto r = core::IngestArticle(*store, GermanArticle());
    REQUIRE(r.ok());
    id = r->article_id;
  }
  auto store = OpenOrDie(dir.path());
  auto article = store->Read()->GetArticle(id);
  REQUIRE(article.ok());
  CHECK(article->language == "de");
  size_t seen = 0;
  REQUIRE(store->Read()
              ->ForEachArticle([&](const core::Article& a) {
                CHECK(a.language == "de");
                ++seen;
                return true;
              })
              .ok());
  CHECK(seen == 1);
  CHECK(FormatVersion(dir.path()) == std::to_string(storage::kFormatVersion));
}

TEST_CASE("a version-1 database is read, and upgraded when opened for writing",
          "[store][language]") {
  testing::TempDir dir;
  core::ArticleId id = 0;
  {
    auto store = OpenOrDie(dir.path());
    core::ArticleFacts f = GermanArticle();
    f.language.clear();
    auto r = core::IngestArticle(*store, f);
    REQUIRE(r.ok());
    id = r->article_id;
  }
  {
    // Make it what a version-1 build wrote: the A record without its trailing (empty)
    // language, author, canonical url and site name.
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(rocksdb::Options(), dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    std::string record;
    REQUIRE(db->Get(rocksdb::ReadOptions(), storage::ArticleKey(id), &record).ok());
    REQUIRE(record.ends_with(std::string(4, '\0')));
    record.resize(record.size() - 4);
    REQUIRE(db->Put(rocksdb::WriteOptions(), storage::ArticleKey(id), record).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), storage::MetaKey("format_version"), "1").ok());
  }
  {
    storage::RocksStoreOptions read_only;
    read_only.read_only = true;
    auto store = OpenOrDie(dir.path(), read_only);
    auto article = store->Read()->GetArticle(id);
    REQUIRE(article.ok());
    CHECK(article->language.empty());
    CHECK(article->title == "Kestrel eröffnet ein Werk");
  }
  CHECK(FormatVersion(dir.path()) == "1");  // a read-only open leaves it
  {
    auto store = OpenOrDie(dir.path());
    REQUIRE(store->Read()->GetArticle(id).ok());
  }
  CHECK(FormatVersion(dir.path()) == std::to_string(storage::kFormatVersion));
}

TEST_CASE(
    "the page's author, canonical url and site name are stored; a version-2 record has "
    "none",
    "[store][language]") {
  testing::TempDir dir;
  core::ArticleId id = 0;
  {
    auto store = OpenOrDie(dir.path());
    core::ArticleFacts f = GermanArticle();
    f.author = "Jana Weber, Tom Lind";
    f.canonical_url = "https://news.example.de/kestrel";
    f.site_name = "Bergen Nachrichten";
    auto r = core::IngestArticle(*store, f);
    REQUIRE(r.ok());
    id = r->article_id;
    auto a = store->Read()->GetArticle(id);
    REQUIRE(a.ok());
    CHECK(a->author == "Jana Weber, Tom Lind");
    CHECK(a->canonical_url == "https://news.example.de/kestrel");
    CHECK(a->site_name == "Bergen Nachrichten");
    CHECK(a->language == "de");
  }
  {
    // What a version-2 build wrote: the record ends with the language.
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(rocksdb::Options(), dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    std::string record;
    REQUIRE(db->Get(rocksdb::ReadOptions(), storage::ArticleKey(id), &record).ok());
    const std::string tail = std::string("\x14Jana Weber, Tom Lind") +
                             "\x1fhttps://news.example.de/kestrel" + "\x12" + "Bergen Nachrichten";
    REQUIRE(record.ends_with(tail));
    record.resize(record.size() - tail.size());
    REQUIRE(db->Put(rocksdb::WriteOptions(), storage::ArticleKey(id), record).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), storage::MetaKey("format_version"), "2").ok());
  }
  {
    auto store = OpenOrDie(dir.path());
    auto a = store->Read()->GetArticle(id);
    REQUIRE(a.ok());
    CHECK(a->language == "de");
    CHECK(a->author.empty());
    CHECK(a->site_name.empty());
  }
  CHECK(FormatVersion(dir.path()) == "3");  // upgraded by the open for writing
}
