// The whole extractor on short press-style texts written for the test, one rule each.
#include <catch2/catch.hpp>

#include "importers/extract_test_util.h"

using namespace actorgraph;
using namespace actorgraph::importers::testing;
using core::EdgeType;
using core::NodeType;

TEST_CASE("apposition gives works-for with the title as written", "[extract]") {
  auto x = ExtractText(
      "Maria Lopez, Chief Operating Officer, Andes Copper Company, said output would rise.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Maria Lopez", "Andes Copper Company");
  REQUIRE(r);
  CHECK(r->title == "Chief Operating Officer");
  CHECK(x.relations.front().end > x.relations.front().begin);
}

TEST_CASE("title of organisation before the name", "[extract]") {
  auto x = ExtractText("Nordvik Shipping Company CEO Lars Nilsen announced the results.");
  const auto* r = FindRelation(x, EdgeType::kWorksFor, "Lars Nilsen", "Nordvik Shipping Company");
  REQUIRE(r);
  CHECK(r->title == "CEO");
}

TEST_CASE("speech at a named event", "[extract]") {
  auto x = ExtractText(
      "The Baltic Robotics Summit was held in Riga on Monday. Peter Kalnins, Director of the "
      "Latvian Robotics Association, delivered a keynote at the Summit.");
  CHECK(FindRelation(x, EdgeType::kSpeaksAt, "Peter Kalnins", "Baltic Robotics Summit"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Baltic Robotics Summit", "Riga"));
  CHECK(FindRelation(x, EdgeType::kWorksFor, "Peter Kalnins", "Latvian Robotics Association"));
}

TEST_CASE("hosting gives organizes for each host", "[extract]") {
  auto x = ExtractText(
      "The Nile Investment Forum was co-hosted by the Egyptian Ministry of Trade and the "
      "Cairo Chamber of Commerce.");
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Egyptian Ministry of Trade",
                     "Nile Investment Forum"));
  CHECK(FindRelation(x, EdgeType::kOrganizes, "Cairo Chamber of Commerce",
                     "Nile Investment Forum"));
}

TEST_CASE("part-of from a subsidiary phrase and from a name", "[extract]") {
  auto x = ExtractText(
      "Orion Motors Brazil said sales grew. Orion Motors Brazil is a unit of Orion Motors.");
  CHECK(FindRelation(x, EdgeType::kPartOf, "Orion Motors Brazil", "Orion Motors"));
}

TEST_CASE("located-in at every level of the phrase", "[extract]") {
  auto x = ExtractText(
      "Keller Pumps AG, headquartered in Stuttgart, Germany, opened a plant in Chennai.");
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Keller Pumps AG", "Stuttgart"));
  CHECK(FindRelation(x, EdgeType::kLocatedIn, "Keller Pumps AG", "Germany"));
}

TEST_CASE("partnership between two organisations", "[extract]") {
  auto x = ExtractText(
      "Helio Solar Corp. and Kestrel Grid Ltd. signed a partnership agreement on Tuesday.");
  CHECK(FindRelation(x, EdgeType::kPartnersWith, "Kestrel Grid Ltd.", "Helio Solar Corp."));
}

TEST_CASE("a surname alone refers back to the full name", "[extract]") {
  auto x = ExtractText(
      "Daniel Okafor, President of the Lagos Chamber of Industry, spoke first. Okafor said "
      "exports would grow.");
  int p = FindEntity(x, NodeType::kPerson, "Daniel Okafor");
  REQUIRE(p >= 0);
  CHECK(FindEntity(x, NodeType::kPerson, "Okafor") == p);
  int persons = 0;
  for (const auto& e : x.entities) persons += e.type == NodeType::kPerson;
  CHECK(persons == 1);
}
