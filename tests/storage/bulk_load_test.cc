// storage::BulkLoader: the database it builds equals the one Apply builds from the same puts.
#include "actorgraph/storage/bulk_load.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <map>

#include "actorgraph/core/graph_snapshot.h"
#include "actorgraph/core/hashing.h"
#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::EdgeType;
using core::NodeType;

namespace {

core::Node MakeNode(NodeType t, const std::string& name, std::vector<std::string> aliases = {}) {
  core::Node n;
  n.type = t;
  n.name = name;
  n.aliases = std::move(aliases);
  n.id = core::NodeIdFor(t, core::FoldName(name));
  n.first_seen = "2024-01-02";
  n.last_seen = "2024-03-04";
  return n;
}

// A few deltas: articles with nodes, edges (some hubs, some repeated), evidence and index
// entries, a node record replaced by a later delta, and meta records.
std::vector<core::GraphDelta> SampleDeltas() {
  std::vector<core::Node> people, orgs, events;
  for (int i = 0; i < 40; ++i)
    people.push_back(MakeNode(NodeType::kPerson, "Person Number " + std::to_string(i)));
  for (int i = 0; i < 6; ++i)
    orgs.push_back(MakeNode(i % 2 ? NodeType::kAgency : NodeType::kCompany,
                            "Org " + std::to_string(i), {"O" + std::to_string(i)}));
  for (int i = 0; i < 4; ++i)
    events.push_back(MakeNode(NodeType::kEvent, "Event " + std::to_string(i)));
  std::vector<core::GraphDelta> deltas;
  for (int a = 0; a < 10; ++a) {
    core::GraphDelta d;
    core::Article art;
    art.text = "article " + std::to_string(a);
    art.content_hash = core::ContentHash(art.text);
    art.id = core::Hash64(art.content_hash, 3);
    art.title = "Title " + std::to_string(a);
    art.date = "2024-02-0" + std::to_string(a % 9 + 1);
    auto add_edge = [&](const core::Node& from, EdgeType t, const core::Node& to, uint32_t begin) {
      core::Edge e;
      e.key = {from.id, t, to.id};
      e.confidence = 0.5 + 0.01 * a;
      e.evidence_count = 1;
      e.title = t == EdgeType::kWorksFor ? "CEO" : "";
      e.first_seen = e.last_seen = art.date;
      d.put_edges.push_back(e);
      core::Evidence ev;
      ev.article_id = art.id;
      ev.sentence = "sentence";
      ev.begin = begin;
      ev.end = begin + 8;
      ev.confidence = 0.5;
      ev.extractor_version = "test";
      ev.date = art.date;
      ev.id = core::EvidenceIdFor(art.id, e.key, ev.begin, ev.end);
      d.put_evidence.push_back({e.key, ev});
    };
    for (int p = a * 4; p < a * 4 + 4; ++p) {
      const core::Node& person = people[p];
      const core::Node& org = orgs[p % 3];  // org 0 is a hub
      const core::Node& event = events[p % 2];
      d.put_nodes.push_back(person);
      d.put_nodes.push_back(org);
      d.put_nodes.push_back(event);
      for (const auto* n : {&person, &org, &event}) {
        d.put_index.push_back({core::FoldName(n->name), n->id});
        for (const auto& al : n->aliases) d.put_index.push_back({core::FoldName(al), n->id});
      }
      add_edge(person, EdgeType::kWorksFor, org, p);
      add_edge(person, EdgeType::kSpeaksAt, event, p + 100);
      add_edge(org, EdgeType::kOrganizes, event, p + 200);  // the same edge again, later record
      art.mentions.push_back(person.id);
    }
    std::sort(art.mentions.begin(), art.mentions.end());
    d.article = art;
    d.put_meta.push_back({"test/article/" + std::to_string(a), "x"});
    deltas.push_back(std::move(d));
  }
  core::GraphDelta rename;  // a later, fuller record of a node replaces the first one
  core::Node renamed = orgs[0];
  renamed.name = "Org 0 Holding";
  renamed.aliases.push_back("Org Zero");
  rename.put_nodes.push_back(renamed);
  rename.put_index.push_back({core::FoldName("Org Zero"), renamed.id});
  deltas.push_back(rename);
  return deltas;
}

std::map<std::string, std::string> AllKeys(const std::string& dir) {
  rocksdb::DB* raw = nullptr;
  rocksdb::Options o;
  REQUIRE(rocksdb::DB::OpenForReadOnly(o, dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::map<std::string, std::string> out;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
  for (it->SeekToFirst(); it->Valid(); it->Next())
    out[it->key().ToString()] = it->value().ToString();
  return out;
}

}  // namespace

TEST_CASE("BulkLoader builds the same database as Apply", "[storage][bulk]") {
  testing::TempDir tmp;
  auto deltas = SampleDeltas();
  {
    auto applied = storage::RocksGraphStore::Open(tmp.Sub("applied"));
    REQUIRE(applied.ok());
    for (const auto& d : deltas) REQUIRE(applied.value()->Apply(d).ok());
  }
  storage::BulkLoader loader;
  for (const auto& d : deltas) loader.Add(d);
  loader.AddExternalId("test", "42", deltas[0].put_nodes[0].id);
  auto stats = loader.Finish(tmp.Sub("bulk"));
  REQUIRE(stats.ok());
  CHECK(stats->nodes == 40 + 3 + 2);  // the articles name orgs 0-2 and events 0-1 only
  CHECK(stats->articles == 10);

  auto bulk = storage::RocksGraphStore::Open(tmp.Sub("bulk"));
  REQUIRE(bulk.ok());
  auto applied = storage::RocksGraphStore::Open(tmp.Sub("applied"));
  REQUIRE(applied.ok());
  auto rb = bulk.value()->Read();
  auto ra = applied.value()->Read();

  SECTION("counts") {
    auto cb = rb->Counts(), ca = ra->Counts();
    CHECK(cb.nodes == ca.nodes);
    CHECK(cb.edges == ca.edges);
    CHECK(cb.articles == ca.articles);
    CHECK(cb.evidence == ca.evidence);
    CHECK(cb.nodes[NodeType::kPerson] == 40);
    CHECK(cb.edges[EdgeType::kWorksFor] == 40);
    CHECK(cb.edges[EdgeType::kOrganizes] == 6);  // 3 orgs x 2 events, each stated repeatedly
  }

  SECTION("lookups and reads") {
    auto org0 = deltas.back().put_nodes[0];
    CHECK(rb->LookupExact("org zero") == std::vector<core::NodeId>{org0.id});
    CHECK(rb->LookupExact("org 0") == ra->LookupExact("org 0"));
    CHECK(rb->LookupExact("nobody").empty());
    auto pb = rb->LookupPrefix("person number", 100), pa = ra->LookupPrefix("person number", 100);
    REQUIRE(pb.size() == 40);
    REQUIRE(pa.size() == pb.size());
    for (size_t i = 0; i < pb.size(); ++i) {
      CHECK(pb[i].folded_name == pa[i].folded_name);
      CHECK(pb[i].node == pa[i].node);
    }
    auto node = rb->GetNode(org0.id);
    REQUIRE(node.ok());
    CHECK(node->name == "Org 0 Holding");
    CHECK(node->aliases == std::vector<std::string>{"O0", "Org Zero"});

    std::vector<core::Edge> eb, ea;
    REQUIRE(rb->ForEachEdge([&](const core::Edge& e) {
                eb.push_back(e);
                return true;
              }).ok());
    REQUIRE(ra->ForEachEdge([&](const core::Edge& e) {
                ea.push_back(e);
                return true;
              }).ok());
    REQUIRE(eb.size() == ea.size());
    for (size_t i = 0; i < eb.size(); ++i) {
      CHECK(eb[i].key == ea[i].key);
      CHECK(eb[i].confidence == ea[i].confidence);
      CHECK(eb[i].title == ea[i].title);
      auto vb = rb->GetEvidence(eb[i].key), va = ra->GetEvidence(ea[i].key);
      REQUIRE(vb.ok());
      REQUIRE(va.ok());
      CHECK(vb->size() == va->size());
    }
    for (const auto& n : {org0.id, deltas[0].put_nodes[0].id}) {
      core::NeighborQuery q;
      q.limit = 7;
      std::vector<core::NodeId> nb, na;
      for (auto* list : {&nb, &na}) {
        auto& r = list == &nb ? rb : ra;
        q.cursor.clear();
        do {
          auto page = r->Neighbors(n, q);
          REQUIRE(page.ok());
          for (auto& e : page->entries) list->push_back(e.neighbor);
          q.cursor = page->next_cursor;
        } while (!q.cursor.empty());
      }
      CHECK(nb == na);
      CHECK(rb->GetDegree(n).out == ra->GetDegree(n).out);
      CHECK(rb->GetDegree(n).in == ra->GetDegree(n).in);
      CHECK(rb->GetDegree(n).total() == nb.size());
    }
    const auto& art = *deltas[3].article;
    CHECK(rb->FindArticleByHash(art.content_hash) == std::optional<core::ArticleId>(art.id));
    auto got = rb->GetArticle(art.id);
    REQUIRE(got.ok());
    CHECK(got->mentions == art.mentions);
    CHECK(rb->GetMeta("test/article/3") == std::optional<std::string>("x"));
    auto ext = rb->GetMeta(storage::ExternalIdMetaName("test", "42"));
    REQUIRE(ext);
    CHECK(storage::DecodeExternalIdValue(*ext) == deltas[0].put_nodes[0].id);
  }

  SECTION("every key and value equal, apart from the external id") {
    rb.reset();
    ra.reset();
    bulk.value().reset();
    applied.value().reset();
    auto kb = AllKeys(tmp.Sub("bulk")), ka = AllKeys(tmp.Sub("applied"));
    CHECK(kb.erase("M" + storage::ExternalIdMetaName("test", "42")) == 1);
    CHECK(kb.size() == ka.size());
    CHECK(kb == ka);
  }
}

TEST_CASE("BulkLoader refuses a database that is not empty", "[storage][bulk]") {
  testing::TempDir tmp;
  {
    auto store = storage::RocksGraphStore::Open(tmp.Sub("db"));
    REQUIRE(store.ok());
  }
  storage::BulkLoader loader;
  loader.AddNode(MakeNode(NodeType::kPerson, "Ana Lima"));
  auto stats = loader.Finish(tmp.Sub("db"));
  REQUIRE_FALSE(stats.ok());
  CHECK(stats.status().code() == core::StatusCode::kAlreadyExists);
}

TEST_CASE("a snapshot built from the loader's input equals one read back from the store",
          "[storage][bulk][snapshot]") {
  testing::TempDir tmp;
  auto deltas = SampleDeltas();
  storage::BulkLoader loader;
  core::GraphSnapshot::Builder builder;
  for (const auto& d : deltas) {
    loader.Add(d);
    for (const auto& n : d.put_nodes) builder.AddNode(n);
    for (const auto& e : d.put_edges) builder.AddEdge(e);
    if (d.article) builder.AddArticle(d.article->id, d.article->mentions);
  }
  REQUIRE(loader.Finish(tmp.Sub("bulk")).ok());
  auto store = storage::RocksGraphStore::Open(tmp.Sub("bulk"));
  REQUIRE(store.ok());
  auto read_back = core::GraphSnapshot::Build(*store.value()->Read(), store.value()->Version());
  REQUIRE(read_back.ok());
  auto built = builder.Finish(store.value()->Version());
  const core::GraphSnapshot& a = *read_back.value();
  const core::GraphSnapshot& b = *built;

  REQUIRE(a.node_count() == b.node_count());
  REQUIRE(a.edge_count() == b.edge_count());
  CHECK(a.node_count() > 40);
  CHECK(a.edge_count() > 80);
  for (core::GraphSnapshot::Index i = 0; i < a.node_count(); ++i) {
    CHECK(a.node(i).id == b.node(i).id);
    CHECK(a.node(i).name == b.node(i).name);  // the later record of a node won in both
    auto ia = a.Incident(i), ib = b.Incident(i);
    REQUIRE(ia.size() == ib.size());
    for (size_t k = 0; k < ia.size(); ++k) {
      CHECK(a.edge(ia[k]).key == b.edge(ib[k]).key);
      CHECK(a.edge(ia[k]).confidence == b.edge(ib[k]).confidence);  // the later edge record won
    }
    CHECK(a.ArticlesOf(i).size() == b.ArticlesOf(i).size());
  }
  CHECK(a.article_count() == b.article_count());
}

TEST_CASE("loaders filled apart and appended build the same database as one loader",
          "[storage][bulk]") {
  testing::TempDir tmp;
  auto deltas = SampleDeltas();
  storage::BulkLoader one, first, second;
  for (size_t k = 0; k < deltas.size(); ++k) {
    one.Add(deltas[k]);
    (k < deltas.size() / 2 ? first : second).Add(deltas[k]);
  }
  first.Append(std::move(second));
  REQUIRE(one.Finish(tmp.Sub("one")).ok());
  REQUIRE(first.Finish(tmp.Sub("appended")).ok());
  REQUIRE(second.Finish(tmp.Sub("emptied")).ok());  // nothing was left behind in `second`
  auto a = AllKeys(tmp.Sub("one")), b = AllKeys(tmp.Sub("appended")),
       c = AllKeys(tmp.Sub("emptied"));
  CHECK(a.size() > 100);
  CHECK(a == b);         // the later record of a node (the rename in the second half) won in both
  CHECK(c.size() == 1);  // the format version only
}
