#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <set>

#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::EdgeType;
using core::NodeType;
using testing::OpenOrDie;

namespace {

// One article: a person working for a company that organises an event held in a city.
core::ArticleFacts SampleArticle(
    const std::string& text =
        "Ana Lima, CEO of Norda Robotics, opened Norda Summit 2024 in Lisbon.") {
  core::ArticleFacts f;
  f.url = "https://example.org/a";
  f.title = "Norda opens its summit";
  f.date = "2024-05-02";
  f.text = text;
  f.extractor_version = "test";
  f.entities = {{NodeType::kPerson, "Ana Lima", {}},
                {NodeType::kCompany, "Norda Robotics", {"Norda"}},
                {NodeType::kEvent, "Norda Summit 2024", {}},
                {NodeType::kLocation, "Lisbon", {}}};
  auto rel = [&](EdgeType t, size_t a, size_t b, std::string title = "") {
    return testing::WholeTextRelation(f, t, a, b, 0.8, std::move(title));
  };
  f.relations = {rel(EdgeType::kWorksFor, 0, 1, "CEO"), rel(EdgeType::kSpeaksAt, 0, 2),
                 rel(EdgeType::kOrganizes, 1, 2), rel(EdgeType::kLocatedIn, 2, 3)};
  return f;
}

uint64_t Total(const std::map<NodeType, uint64_t>& m) {
  uint64_t t = 0;
  for (auto& [k, v] : m) t += v;
  return t;
}
uint64_t Total(const std::map<EdgeType, uint64_t>& m) {
  uint64_t t = 0;
  for (auto& [k, v] : m) t += v;
  return t;
}

}  // namespace

TEST_CASE("an article applied, closed, reopened and read back whole", "[store]") {
  testing::TempDir dir;
  core::ArticleId article_id = 0;
  {
    auto store = OpenOrDie(dir.path());
    auto r = core::IngestArticle(*store, SampleArticle());
    REQUIRE(r.ok());
    CHECK(r->article_was_new);
    CHECK(r->stats.nodes_added == 4);
    CHECK(r->stats.edges_added == 4);
    article_id = r->article_id;
  }
  auto store = OpenOrDie(dir.path());
  auto reader = store->Read();
  auto counts = reader->Counts();
  CHECK(counts.nodes[NodeType::kPerson] == 1);
  CHECK(counts.nodes[NodeType::kCompany] == 1);
  CHECK(counts.edges[EdgeType::kWorksFor] == 1);
  CHECK(counts.articles == 1);
  CHECK(counts.evidence == 4);

  auto ids = reader->LookupExact(core::FoldName("NORDA"));  // an alias, folded
  REQUIRE(ids.size() == 1);
  auto company = reader->GetNode(ids[0]);
  REQUIRE(company.ok());
  CHECK(company->name == "Norda Robotics");
  CHECK(company->aliases == std::vector<std::string>{"Norda"});
  CHECK(company->first_seen == "2024-05-02");

  auto person_id = reader->LookupExact("ana lima").at(0);
  auto edge = reader->GetEdge({person_id, EdgeType::kWorksFor, ids[0]});
  REQUIRE(edge.ok());
  CHECK(edge->title == "CEO");
  CHECK(edge->evidence_count == 1);
  auto evidence = reader->GetEvidence(edge->key);
  REQUIRE(evidence.ok());
  REQUIRE(evidence->size() == 1);
  CHECK(evidence->at(0).article_id == article_id);
  CHECK(evidence->at(0).sentence.find("Ana Lima") != std::string::npos);
  auto article = reader->GetArticle(article_id);
  REQUIRE(article.ok());
  CHECK(article->mentions.size() == 4);
  CHECK(reader->GetDegree(person_id).out[EdgeType::kWorksFor] == 1);
  CHECK(reader->GetDegree(ids[0]).in[EdgeType::kWorksFor] == 1);
  CHECK(reader->LookupPrefix("nor", 10).size() ==
        3);  // "norda", "norda robotics", "norda summit 2024"
}

TEST_CASE("the same article twice gives the same counts", "[store]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  REQUIRE(core::IngestArticle(*store, SampleArticle()).ok());
  auto before = store->Read()->Counts();
  auto again = core::IngestArticle(*store, SampleArticle());
  REQUIRE(again.ok());
  CHECK_FALSE(again->article_was_new);
  auto after = store->Read()->Counts();
  CHECK(Total(after.nodes) == Total(before.nodes));
  CHECK(Total(after.edges) == Total(before.edges));
  CHECK(after.evidence == before.evidence);
  CHECK(after.articles == 1);

  // A different article stating the same facts adds evidence, not nodes or edges.
  auto other = core::IngestArticle(
      *store,
      SampleArticle("Ana Lima, CEO of Norda Robotics, spoke at Norda Summit 2024 in Lisbon."));
  REQUIRE(other.ok());
  CHECK(other->article_was_new);
  auto third = store->Read()->Counts();
  CHECK(Total(third.nodes) == Total(before.nodes));
  CHECK(Total(third.edges) == Total(before.edges));
  CHECK(third.evidence == before.evidence + 4);
  auto reader = store->Read();
  auto person = reader->LookupExact("ana lima").at(0);
  auto company = reader->LookupExact("norda robotics").at(0);
  auto edge = reader->GetEdge({person, EdgeType::kWorksFor, company});
  REQUIRE(edge.ok());
  CHECK(edge->evidence_count == 2);
  CHECK(edge->confidence > 0.8);
}

TEST_CASE("people who share a surname are not merged, name order variants are",
          "[store][resolve]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  core::ArticleFacts a;
  a.text = "Wang Wei met Wang Fang.";
  a.entities = {{NodeType::kPerson, "Wang Wei", {"Wang"}},
                {NodeType::kPerson, "Wang Fang", {"Wang"}}};
  REQUIRE(core::IngestArticle(*store, a).ok());
  core::ArticleFacts b;
  b.text = "Wei Wang spoke.";
  b.entities = {{NodeType::kPerson, "Wei Wang", {}}};
  auto r = core::IngestArticle(*store, b);
  REQUIRE(r.ok());
  CHECK(store->Read()->Counts().nodes[NodeType::kPerson] == 2);
  CHECK(r->nodes[0] == store->Read()->LookupExact("wang wei").at(0));
  CHECK(store->Read()->LookupExact("wang").empty());
}

TEST_CASE("a delta that fails after its batch is built leaves nothing behind", "[store]") {
  testing::TempDir dir;
  storage::RocksStoreOptions options;
  bool fail = true;
  options.before_write_hook = [&fail] {
    return fail ? core::Status::IoError("injected failure") : core::Status::Ok();
  };
  auto store = OpenOrDie(dir.path(), options);
  auto r = core::IngestArticle(*store, SampleArticle());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "injected failure");
  store.reset();
  // Reopen and look at every key: only the format version may be there.
  {
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
    std::vector<std::string> keys;
    for (it->SeekToFirst(); it->Valid(); it->Next()) keys.push_back(it->key().ToString());
    CHECK(keys == std::vector<std::string>{storage::MetaKey("format_version")});
  }
  // The same article then goes in whole.
  fail = false;
  auto store2 = OpenOrDie(dir.path(), options);
  REQUIRE(core::IngestArticle(*store2, SampleArticle()).ok());
  CHECK(store2->Read()->Counts().articles == 1);
}

TEST_CASE("neighbour paging returns every edge exactly once over all pages", "[store]") {
  testing::TempDir dir;
  storage::RocksStoreOptions options;
  options.sync_writes = false;
  auto store = OpenOrDie(dir.path(), options);
  // A hub event with 250 speakers and 3 organisers; and the hub organises... nothing else.
  core::ArticleFacts f;
  f.text = "hub";
  f.entities.push_back({NodeType::kEvent, "Hub Forum", {}});
  for (int i = 0; i < 250; ++i) {
    f.entities.push_back({NodeType::kPerson, "Speaker Number" + std::to_string(i), {}});
    core::RelationFact r;
    r.type = EdgeType::kSpeaksAt;
    r.from = f.entities.size() - 1;
    r.to = 0;
    f.relations.push_back(r);
  }
  for (int i = 0; i < 3; ++i) {
    f.entities.push_back({NodeType::kAgency, "Organiser Agency " + std::to_string(i), {}});
    core::RelationFact r;
    r.type = EdgeType::kOrganizes;
    r.from = f.entities.size() - 1;
    r.to = 0;
    f.relations.push_back(r);
  }
  f.entities.push_back({NodeType::kEvent, "Hub Forum Series", {}});
  core::RelationFact part;
  part.type = EdgeType::kPartOf;
  part.from = 0;
  part.to = f.entities.size() - 1;
  f.relations.push_back(part);
  auto r = core::IngestArticle(*store, f);
  REQUIRE(r.ok());
  core::NodeId hub = r->nodes[0];

  for (size_t page_size : {1, 7, 50, 1000}) {
    for (auto direction : {core::Direction::kBoth, core::Direction::kIn, core::Direction::kOut}) {
      auto reader = store->Read();
      core::NeighborQuery q;
      q.limit = page_size;
      q.direction = direction;
      std::multiset<core::NodeId> seen;
      size_t pages = 0;
      do {
        auto page = reader->Neighbors(hub, q);
        REQUIRE(page.ok());
        for (auto& e : page->entries) seen.insert(e.neighbor);
        q.cursor = page->next_cursor;
        ++pages;
      } while (!q.cursor.empty());
      size_t expected = direction == core::Direction::kBoth ? 254
                        : direction == core::Direction::kIn ? 253
                                                            : 1;
      CHECK(seen.size() == expected);
      std::set<core::NodeId> unique(seen.begin(), seen.end());
      CHECK(unique.size() == expected);
      CHECK(pages >= expected / page_size);
    }
  }
  // By edge type, and the count per type without a scan.
  auto reader = store->Read();
  core::NeighborQuery q;
  q.edge_type = EdgeType::kOrganizes;
  q.limit = 100;
  auto page = reader->Neighbors(hub, q);
  REQUIRE(page.ok());
  CHECK(page->entries.size() == 3);
  CHECK(reader->GetDegree(hub).in[EdgeType::kSpeaksAt] == 250);
  CHECK(reader->GetDegree(hub).total() == 254);
  q.cursor = "zz";
  CHECK(reader->Neighbors(hub, q).status().code() == core::StatusCode::kInvalidArgument);
}

TEST_CASE("a reader sees a snapshot, never a later write", "[store]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto reader = store->Read();
  REQUIRE(core::IngestArticle(*store, SampleArticle()).ok());
  CHECK(reader->Counts().articles == 0);
  CHECK(reader->LookupExact("ana lima").empty());
  CHECK(store->Read()->Counts().articles == 1);
}

TEST_CASE("an unknown format version is refused", "[store]") {
  testing::TempDir dir;
  { OpenOrDie(dir.path()); }
  {
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(rocksdb::Options(), dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    REQUIRE(db->Put(rocksdb::WriteOptions(), storage::MetaKey("format_version"), "99").ok());
  }
  auto store = storage::RocksGraphStore::Open(dir.path());
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == core::StatusCode::kUnsupported);
  CHECK(store.status().message().find("format version 99") != std::string::npos);
}

TEST_CASE("a database that is not ours is refused", "[store]") {
  testing::TempDir dir;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(o, dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    REQUIRE(db->Put(rocksdb::WriteOptions(), "foreign", "x").ok());
  }
  auto store = storage::RocksGraphStore::Open(dir.path());
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == core::StatusCode::kUnsupported);
}
