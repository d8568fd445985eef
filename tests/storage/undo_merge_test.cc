// Undoing a merge after later changes (core/curation.h UndoCuration): an import that only
// added to the survivor does not block it and keeps its additions; a later curation step or
// an import onto the merged edges does, and the 409 says which.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::NodeType;

namespace {

// Ingests a new article naming `entities` (name, aliases), dated `date`, with a
// partners-with relation between the first two when `partners`; returns their nodes.
std::vector<core::NodeId> Ingest(core::GraphStore& store,
                                 const std::vector<core::EntityFact>& entities,
                                 const std::string& date, bool partners = false) {
  static int serial = 0;
  core::ArticleFacts f;
  f.url = "https://example.org/undo/" + std::to_string(++serial);
  f.date = date;
  f.text = "Article " + std::to_string(serial) + ":";
  f.extractor_version = "test";
  for (const auto& e : entities) f.text += " " + e.name + ".";
  f.entities = entities;
  if (partners)
    f.relations.push_back(testing::WholeTextRelation(f, core::EdgeType::kPartnersWith, 0, 1, 0.9));
  auto r = core::IngestArticle(store, f);
  REQUIRE(r.ok());
  REQUIRE(r->article_was_new);
  return r->nodes;
}

core::EntityFact Company(std::string name, std::vector<std::string> aliases = {}) {
  return {NodeType::kCompany, std::move(name), std::move(aliases)};
}

bool Indexed(core::GraphStore& store, const std::string& name, core::NodeId id) {
  for (core::NodeId n : store.Read()->LookupExact(core::FoldName(name)))
    if (n == id) return true;
  return false;
}

struct Merged {
  core::NodeId survivor, loser, partner;
  core::CurationId merge;
};

// Norda Robotics and Tejo Motors (which partners with Alba Steel), then Tejo merged into
// Norda.
Merged MergeTejoIntoNorda(core::GraphStore& store) {
  auto nodes =
      Ingest(store, {Company("Norda Robotics"), Company("Tejo Motors"), Company("Alba Steel")},
             "2031-02-10");
  Ingest(store, {Company("Tejo Motors"), Company("Alba Steel")}, "2031-02-11", true);
  auto merge = core::MergeNodes(store, nodes[1], nodes[0], "alice");
  REQUIRE(merge.ok());
  return {nodes[0], nodes[1], nodes[2], merge->id};
}

}  // namespace

TEST_CASE("a merge undoes after an import only added to the survivor, keeping the additions",
          "[store][curation]") {
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  Merged m = MergeTejoIntoNorda(*store);
  // A later article names the survivor under a new alias, on a later day.
  auto later = Ingest(*store, {Company("Norda Robotics", {"NRB"})}, "2031-06-01");
  REQUIRE(later[0] == m.survivor);

  auto undo = core::UndoCuration(*store, m.merge, "bob");
  REQUIRE(undo.ok());
  auto survivor = store->Read()->GetNode(m.survivor);
  REQUIRE(survivor.ok());
  CHECK(survivor->aliases == std::vector<std::string>{"NRB"});  // not "Tejo Motors"
  CHECK(survivor->first_seen == "2031-02-10");
  CHECK(survivor->last_seen == "2031-06-01");
  auto loser = store->Read()->GetNode(m.loser);
  REQUIRE(loser.ok());
  CHECK(loser->merged_into == 0);
  CHECK(Indexed(*store, "Tejo Motors", m.loser));
  CHECK_FALSE(Indexed(*store, "Tejo Motors", m.survivor));
  CHECK(Indexed(*store, "NRB", m.survivor));
  const bool edge_back =
      store->Read()->GetEdge({m.loser, core::EdgeType::kPartnersWith, m.partner}).ok() ||
      store->Read()->GetEdge({m.partner, core::EdgeType::kPartnersWith, m.loser}).ok();
  CHECK(edge_back);  // the partnership is the loser's again
}

TEST_CASE("a merge's undo refused by a later curation step names that step", "[store][curation]") {
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  Merged m = MergeTejoIntoNorda(*store);
  core::NodeEdit rename;
  rename.name = "Norda Robotics Group";
  auto edit = core::EditNode(*store, m.survivor, rename, "carol");
  REQUIRE(edit.ok());

  auto undo = core::UndoCuration(*store, m.merge, "bob");
  REQUIRE_FALSE(undo.ok());
  CHECK(undo.status().code() == core::StatusCode::kConflict);
  CHECK_THAT(undo.status().message(),
             Catch::Contains("curation " + std::to_string(edit->id) + " (edit-node)"));
  // Undo the edit first, and the merge undoes.
  REQUIRE(core::UndoCuration(*store, edit->id, "bob").ok());
  CHECK(core::UndoCuration(*store, m.merge, "bob").ok());
}

TEST_CASE("a merge's undo refused by a later import onto the merged edges says so",
          "[store][curation]") {
  testing::TempDir tmp;
  auto store = testing::OpenOrDie(tmp.Sub("db"));
  Merged m = MergeTejoIntoNorda(*store);
  // New evidence on the partnership the merge moved to the survivor: it exists only
  // through the merge.
  Ingest(*store, {Company("Norda Robotics"), Company("Alba Steel")}, "2031-06-01", true);

  auto undo = core::UndoCuration(*store, m.merge, "bob");
  REQUIRE_FALSE(undo.ok());
  CHECK(undo.status().code() == core::StatusCode::kConflict);
  CHECK_THAT(undo.status().message(), Catch::Contains("a later import"));
  CHECK(store->Read()->GetNode(m.loser).status().code() != core::StatusCode::kOk);
}
