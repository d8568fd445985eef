#include "actorgraph/core/names.h"

#include <catch2/catch.hpp>

#include "actorgraph/core/hashing.h"
#include "actorgraph/core/model.h"

using namespace actorgraph::core;

TEST_CASE("FoldName folds case, accents, punctuation and white space", "[names]") {
  CHECK(FoldName("  Société Générale, S.A. ") == "societe generale sa");
  CHECK(FoldName("UNIDO  ITPO\tShanghai") == "unido itpo shanghai");
  CHECK(FoldName("Calzadilla-Sarmiento") == "calzadilla sarmiento");
  CHECK(FoldName("Müller & Söhne GmbH") == "muller sohne gmbh");
  CHECK(FoldName("ＡＢＣ") == "abc");  // full-width letters (NFKD)
  CHECK(FoldName("...") == "");
  CHECK(FoldName("\xff\xfe"
                 "abc") == "abc");  // invalid bytes dropped
}

TEST_CASE("UTF-8 validation and repair", "[names]") {
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("Zhōu Yúnjié"));
  CHECK_FALSE(IsValidUtf8("bad \xc3( byte"));
  CHECK(RepairUtf8("bad \xc3( byte") == "bad \xEF\xBF\xBD( byte");
  CHECK(IsValidUtf8(RepairUtf8("\xff\xfe\xfd")));
}

TEST_CASE("hashes are stable across runs and builds", "[hashing]") {
  // Stored ids depend on these values: a change here breaks every database.
  CHECK(Hash64("actorgraph") == Hash64("actorgraph"));
  CHECK(Hash64("actorgraph") != Hash64("actorgraph", 1));
  CHECK(ContentHash("x").size() == 32);
  CHECK(ContentHash("x") != ContentHash("y"));
}

TEST_CASE("endpoint rules of the model", "[model]") {
  CHECK(EdgeAllowed(EdgeType::kWorksFor, NodeType::kPerson, NodeType::kCompany));
  CHECK_FALSE(EdgeAllowed(EdgeType::kWorksFor, NodeType::kCompany, NodeType::kPerson));
  CHECK(EdgeAllowed(EdgeType::kPartOf, NodeType::kEvent, NodeType::kEvent));
  CHECK_FALSE(EdgeAllowed(EdgeType::kPartOf, NodeType::kEvent, NodeType::kAgency));
  CHECK(EdgeAllowed(EdgeType::kLocatedIn, NodeType::kAgency, NodeType::kLocation));
  CHECK_FALSE(EdgeAllowed(EdgeType::kLocatedIn, NodeType::kPerson, NodeType::kLocation));
  for (NodeType t : kAllNodeTypes) CHECK(ParseNodeType(NodeTypeName(t)) == t);
  for (EdgeType t : kAllEdgeTypes) CHECK(ParseEdgeType(EdgeTypeName(t)) == t);
  CHECK_FALSE(ParseEdgeType("likes"));
}
