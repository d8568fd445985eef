// Ingestion keeps every counter exact and every scan correct while the write path reads less:
// the store's in-memory counter cache, the writer's batched reads, the resolver's skipped
// reads (no suppression records, evidence of new edges) and the reader's reused iterator.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/integrity_check.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::EdgeType;
using core::NodeType;
using testing::OpenOrDie;

namespace {

// Article i: one of 40 people works for one of 8 companies, speaks at one of 12 events (named
// with their year, so that they resolve across articles) that a company organises in one of 5
// cities; the same actors come back across articles, so later
// articles add evidence to existing edges and nodes as well as new ones.
core::ArticleFacts Article(int i) {
  core::ArticleFacts f;
  f.url = "https://example.org/" + std::to_string(i);
  f.title = "Article " + std::to_string(i);
  f.date = "2024-05-" + std::to_string(10 + i % 20);
  f.text = "Text of article " + std::to_string(i) + ".";
  f.extractor_version = "test";
  auto person = "Person " + std::string(1, static_cast<char>('A' + (i * 7) % 26)) + " Lastname" +
                std::to_string((i * 7) % 40);
  f.entities = {
      {NodeType::kPerson, person, {}},
      {NodeType::kCompany, "Company " + std::to_string(i % 8), {"C" + std::to_string(i % 8)}},
      {NodeType::kEvent, "Acme Summit " + std::to_string(2020 + i % 12), {}},  // an edition
      {NodeType::kLocation, "City " + std::to_string(i % 5), {}}};
  auto rel = [&](EdgeType t, size_t a, size_t b) {
    return testing::WholeTextRelation(f, t, a, b, 0.7);
  };
  f.relations = {rel(EdgeType::kWorksFor, 0, 1), rel(EdgeType::kSpeaksAt, 0, 2),
                 rel(EdgeType::kOrganizes, 1, 2), rel(EdgeType::kLocatedIn, 2, 3)};
  return f;
}

// The kept counters against a recount by full scans.
void RequireCountsMatchScan(core::GraphStore& store) {
  auto reader = store.Read();
  core::GraphCounts kept = reader->Counts(), scanned;
  REQUIRE(reader
              ->ForEachNode([&](const core::Node& n) {
                ++scanned.nodes[n.type];
                return true;
              })
              .ok());
  REQUIRE(reader
              ->ForEachEdge([&](const core::Edge& e) {
                ++scanned.edges[e.key.type];
                scanned.evidence +=
                    reader->GetEvidence(e.key).value().size();  // a scan inside a scan
                auto d = reader->GetDegree(e.key.src);
                CHECK(d.out[e.key.type] >= 1);
                return true;
              })
              .ok());
  REQUIRE(reader
              ->ForEachArticle([&](const core::Article&) {
                ++scanned.articles;
                return true;
              })
              .ok());
  for (NodeType t : core::kAllNodeTypes) CHECK(kept.nodes[t] == scanned.nodes[t]);
  for (EdgeType t : core::kAllEdgeTypes) CHECK(kept.edges[t] == scanned.edges[t]);
  CHECK(kept.articles == scanned.articles);
  CHECK(kept.evidence == scanned.evidence);
}

}  // namespace

TEST_CASE("counters stay exact over many articles, curation, a failed write and a reopen",
          "[store][counters]") {
  testing::TempDir dir;
  bool fail_writes = false;
  storage::RocksStoreOptions options;
  options.before_write_hook = [&]() -> core::Status {
    return fail_writes ? core::Status::IoError("injected") : core::Status::Ok();
  };
  {
    auto store = OpenOrDie(dir.path(), options);
    for (int i = 0; i < 150; ++i) {
      if (i == 60) {
        // A write that fails after its batch (and new counter values) were built changes nothing.
        auto before = store->Read()->Counts();
        fail_writes = true;
        CHECK_FALSE(core::IngestArticle(*store, Article(i)).ok());
        fail_writes = false;
        auto after = store->Read()->Counts();
        CHECK(after.articles == before.articles);
        CHECK(after.evidence == before.evidence);
      }
      auto r = core::IngestArticle(*store, Article(i));
      REQUIRE(r.ok());
      CHECK(r->article_was_new);
      if (i == 100) {
        // Curation writes through Apply too: its counter changes go through the same cache.
        REQUIRE(
            core::DeleteEdge(*store, {r->nodes[0], EdgeType::kWorksFor, r->nodes[1]}, "test").ok());
        auto undone =
            core::DeleteEdge(*store, {r->nodes[2], EdgeType::kLocatedIn, r->nodes[3]}, "test");
        REQUIRE(undone.ok());
        REQUIRE(core::UndoCuration(*store, undone->id, "test").ok());
      }
    }
    auto again = core::IngestArticle(*store, Article(10));  // the same article: nothing changes
    REQUIRE(again.ok());
    CHECK_FALSE(again->article_was_new);
    RequireCountsMatchScan(*store);
    CHECK(store->Read()->Counts().articles == 150);
  }
  {
    auto store = OpenOrDie(dir.path());  // a new store starts with an empty cache
    for (int i = 150; i < 200; ++i) REQUIRE(core::IngestArticle(*store, Article(i)).ok());
    RequireCountsMatchScan(*store);
  }
  auto report = storage::CheckIntegrity(dir.path());
  REQUIRE(report.ok());
  for (const auto& inv : report->invariants) {
    INFO(inv.name);
    CHECK(inv.ok());
  }
}

TEST_CASE("a deleted edge stays deleted when a later article states it again", "[store][resolve]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto first = core::IngestArticle(*store, Article(0));
  REQUIRE(first.ok());
  core::EdgeKey works_for{first->nodes[0], EdgeType::kWorksFor, first->nodes[1]};
  REQUIRE(core::DeleteEdge(*store, works_for, "test").ok());
  core::ArticleFacts restated = Article(0);
  restated.text = "Another text stating the same facts.";
  auto second = core::IngestArticle(*store, restated);
  REQUIRE(second.ok());
  CHECK(second->article_was_new);
  auto reader = store->Read();
  CHECK_FALSE(reader->GetEdge(works_for).ok());
  auto speaks_at = reader->GetEdge({first->nodes[0], EdgeType::kSpeaksAt, first->nodes[2]});
  REQUIRE(speaks_at.ok());
  CHECK(speaks_at->evidence_count == 2);  // the other edges took the new evidence
  RequireCountsMatchScan(*store);
}

TEST_CASE("one reader's scans, interleaved and nested, return what fresh readers return",
          "[store][reader]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  for (int i = 0; i < 40; ++i) REQUIRE(core::IngestArticle(*store, Article(i)).ok());
  auto shared = store->Read();
  size_t visited = 0;
  REQUIRE(shared
              ->ForEachNode([&](const core::Node& node) {
                ++visited;
                auto fresh = store->Read();
                // Every kind of scan, on the reader whose node scan is under way.
                CHECK(shared->LookupExact(core::FoldName(node.name)) ==
                      fresh->LookupExact(core::FoldName(node.name)));
                CHECK(shared->GetDegree(node.id).total() == fresh->GetDegree(node.id).total());
                auto a = shared->Neighbors(node.id, {}), b = fresh->Neighbors(node.id, {});
                REQUIRE(a.ok());
                REQUIRE(b.ok());
                REQUIRE(a->entries.size() == b->entries.size());
                for (size_t i = 0; i < a->entries.size(); ++i) {
                  CHECK(a->entries[i].neighbor == b->entries[i].neighbor);
                  auto ea = shared->GetEvidence(a->entries[i].edge.key),
                       eb = fresh->GetEvidence(b->entries[i].edge.key);
                  REQUIRE(ea.ok());
                  REQUIRE(eb.ok());
                  CHECK(ea->size() == eb->size());
                  for (const auto& ev : *ea)
                    CHECK(shared->HasEvidence(a->entries[i].edge.key, ev.id));
                  CHECK_FALSE(shared->HasEvidence(a->entries[i].edge.key, 12345));
                }
                return true;
              })
              .ok());
  auto counts = shared->Counts();
  size_t nodes = 0;
  for (auto& [t, n] : counts.nodes) nodes += n;
  CHECK(visited == nodes);  // the nested scans did not move the node scan

  // Interleaved (not nested): a prefix scan ends at its prefix, whatever the previous scan was.
  CHECK(shared->LookupExact("company 1") ==
        std::vector<core::NodeId>{shared->LookupExact("c1").at(0)});
  CHECK(shared->LookupPrefix("company 1", 10).size() == 1);
  CHECK(shared->LookupPrefix("city", 10).size() == 5);
  CHECK(shared->LookupExact("company").empty());
  CHECK(shared->LookupExact("zzz").empty());  // past the last name
  CHECK(shared->LookupPrefix("company", 100).size() == 8);
  CHECK(shared->ScanMeta("count/node/", "", 100).size() == 4);
}
