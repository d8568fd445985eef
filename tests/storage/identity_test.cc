// Cross-article identity (core/resolver.h): a company under its legal name and its bare name,
// a country under its reference names, and events that name no edition, on a real store.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "actorgraph/core/names.h"
#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/integrity_check.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using core::NodeType;
using testing::OpenOrDie;

namespace {

struct Entity {
  NodeType type;
  std::string name;
  std::vector<std::string> aliases = {};
  std::vector<std::string> known_as = {};
};

// Ingests one article of `entities` dated `date` (its text names them, so every article is
// new) and returns the node of each entity.
std::vector<core::NodeId> Ingest(core::GraphStore& store, const std::vector<Entity>& entities,
                                 const std::string& date = "2031-02-10") {
  static int serial = 0;
  core::ArticleFacts f;
  f.url = "https://example.org/identity/" + std::to_string(++serial);
  f.date = date;
  f.text = "Article " + std::to_string(serial) + ":";
  f.extractor_version = "test";
  for (const auto& e : entities) {
    core::EntityFact fact{e.type, e.name, e.aliases};
    fact.known_as = e.known_as;
    f.entities.push_back(fact);
    f.text += " " + e.name + ".";
  }
  auto r = core::IngestArticle(store, f);
  REQUIRE(r.ok());
  REQUIRE(r->article_was_new);
  return r->nodes;
}

core::NodeId One(core::GraphStore& store, const Entity& e, const std::string& date = "2031-02-10") {
  return Ingest(store, {e}, date)[0];
}

void RequireIntact(const std::string& dir) {
  auto report = storage::CheckIntegrity(dir);
  REQUIRE(report.ok());
  for (const auto& inv : report->invariants) {
    INFO(inv.name);
    CHECK(inv.ok());
  }
}

}  // namespace

TEST_CASE("a company is one node under its legal name and its bare name", "[store][identity]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    // Legal name first, then the bare name, then another legal form of it.
    core::NodeId legal = One(*store, {NodeType::kCompany, "Zorbex Widgets Corporation"});
    CHECK(One(*store, {NodeType::kCompany, "Zorbex Widgets"}) == legal);
    CHECK(One(*store, {NodeType::kCompany, "Zorbex Widgets Co., Ltd."}) == legal);
    // Bare name first, then the legal name.
    core::NodeId bare = One(*store, {NodeType::kCompany, "Quellmann Tools"});
    CHECK(One(*store, {NodeType::kCompany, "Quellmann Tools GmbH"}) == bare);
    auto node = store->Read()->GetNode(bare);
    REQUIRE(node.ok());
    CHECK(node->aliases == std::vector<std::string>{"Quellmann Tools GmbH"});
    // A longer name is another company, and so is an agency of the same core.
    CHECK(One(*store, {NodeType::kCompany, "Quellmann Tools Asia Ltd."}) != bare);
    core::NodeId agency = One(*store, {NodeType::kAgency, "Trivanta"});
    CHECK(One(*store, {NodeType::kCompany, "Trivanta Ltd."}) != agency);
  }
  RequireIntact(dir.path());
}

TEST_CASE("companies that share a core are told apart, never merged", "[store][identity]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.path());
  // One article names a parent and its subsidiary: two companies, though a node of that core
  // already exists.
  core::NodeId earlier = One(*store, {NodeType::kCompany, "Pelorin"});
  auto both =
      Ingest(*store, {{NodeType::kCompany, "Pelorin SE"}, {NodeType::kCompany, "Pelorin Inc."}});
  CHECK(both[0] != both[1]);
  CHECK(both[0] != earlier);
  CHECK(both[1] != earlier);
  // Now three nodes share the core "pelorin": another legal form decides nothing.
  core::NodeId later = One(*store, {NodeType::kCompany, "Pelorin Group"});
  CHECK(std::set<core::NodeId>{earlier, both[0], both[1], later}.size() == 4);
  // The exact name still finds its node.
  CHECK(One(*store, {NodeType::kCompany, "Pelorin SE"}) == both[0]);
}

TEST_CASE("a generic event name never resolves across articles", "[store][identity]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    // The general meetings of two associations, on the same day, with a year or without.
    core::NodeId first = One(*store, {NodeType::kEvent, "General Meeting"});
    core::NodeId second = One(*store, {NodeType::kEvent, "General Meeting"});
    CHECK(first != second);
    CHECK(One(*store, {NodeType::kEvent, "Annual General Meeting 2031"}) !=
          One(*store, {NodeType::kEvent, "Annual General Meeting 2031"}));
    // Within one article, the same generic name is one event.
    auto same = Ingest(
        *store, {{NodeType::kEvent, "General Meeting"}, {NodeType::kEvent, "General Meeting"}});
    CHECK(same[0] == same[1]);
    CHECK(same[0] != first);
    // Many articles with one generic name do not run out of ids.
    for (int i = 0; i < 70; ++i) One(*store, {NodeType::kEvent, "Board Meeting"});
    CHECK(store->Read()->LookupExact("board meeting").size() == 70);
  }
  RequireIntact(dir.path());
}

TEST_CASE("editions of a series stay apart; one edition is one node", "[store][identity]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    // A series name: the articles of one season name one edition, a year later another.
    core::NodeId fair31 = One(*store, {NodeType::kEvent, "Zorbex Fair"}, "2031-02-10");
    CHECK(One(*store, {NodeType::kEvent, "Zorbex Fair"}, "2031-04-20") == fair31);
    core::NodeId fair32 = One(*store, {NodeType::kEvent, "Zorbex Fair"}, "2032-02-12");
    CHECK(fair32 != fair31);
    CHECK(One(*store, {NodeType::kEvent, "Zorbex Fair"}, "") != fair31);  // no date: no match
    // Editions written with their series name as an alias stay apart, even a season apart.
    core::NodeId e33 =
        One(*store, {NodeType::kEvent, "Zorbex Fair 2033", {"Zorbex Fair"}}, "2033-10-01");
    core::NodeId e34 =
        One(*store, {NodeType::kEvent, "Zorbex Fair 2034", {"Zorbex Fair"}}, "2033-11-15");
    CHECK(e33 != e34);
    CHECK(e33 != fair32);
    // One edition is one node across articles, under its name or an edition alias, any date.
    CHECK(One(*store, {NodeType::kEvent, "Zorbex Fair 2033"}, "2035-01-01") == e33);
    core::NodeId forum =
        One(*store, {NodeType::kEvent, "Orlex Forum", {"5th Orlex Forum"}}, "2031-05-01");
    CHECK(One(*store, {NodeType::kEvent, "5th Orlex Forum"}, "2036-05-01") == forum);
  }
  RequireIntact(dir.path());
}

TEST_CASE("reference names find a node but are neither indexed nor aliases", "[store][identity]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    core::NodeId short_name =
        One(*store, {NodeType::kLocation, "Acmeland", {}, {"Republic of Acmeland"}});
    CHECK(store->Read()->LookupExact("republic of acmeland").empty());
    CHECK(store->Read()->GetNode(short_name)->aliases.empty());
    // The long name, with the short one as its reference name, is the same country.
    CHECK(One(*store, {NodeType::kLocation, "Republic of Acmeland", {}, {"Acmeland"}}) ==
          short_name);
    CHECK(store->Read()->GetNode(short_name)->aliases ==
          std::vector<std::string>{"Republic of Acmeland"});
    // Only a node of a compatible type: a company named after the country is not the country.
    CHECK(One(*store, {NodeType::kCompany, "Bazonia Rail", {}, {"Acmeland"}}) != short_name);
    // Within one article too: the second entity finds the first under a reference name.
    auto same = Ingest(*store, {{NodeType::kLocation, "Cupria"},
                                {NodeType::kLocation, "Kingdom of Cupria", {}, {"Cupria"}}});
    CHECK(same[0] == same[1]);
  }
  RequireIntact(dir.path());
}

TEST_CASE("a person is one node whether the initials are dotted or spaced", "[store][identity]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    core::NodeId dotted = One(*store, {NodeType::kPerson, "R.K. Vasanthan"});
    CHECK(One(*store, {NodeType::kPerson, "R K Vasanthan"}) == dotted);
    CHECK(One(*store, {NodeType::kPerson, "R. K. Vasanthan"}) == dotted);
    core::NodeId spaced = One(*store, {NodeType::kPerson, "J M Oduya"});
    CHECK(One(*store, {NodeType::kPerson, "J.M. Oduya"}) == spaced);
    // Other initials are another person.
    CHECK(One(*store, {NodeType::kPerson, "J.K. Oduya"}) != spaced);
  }
  RequireIntact(dir.path());
}
