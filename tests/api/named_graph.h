// A small hand-built graph whose names test how the API resolves a node named by id, name or
// alias: two people share a name, one company was merged into another, a location and an event.
#pragma once

#include <catch2/catch.hpp>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/names.h"
#include "api/api_test_support.h"

namespace actorgraph::testing {

namespace named {
inline constexpr core::NodeId kSiemens = 11;        // company "Siemens AG", alias "Siemens"
inline constexpr core::NodeId kUnido = 12;          // agency, alias "UNIDO"
inline constexpr core::NodeId kSiemensEnergy = 13;  // company
inline constexpr core::NodeId kMergedSiemens = 14;  // "Siemens Aktiengesellschaft", merged into 11
inline constexpr core::NodeId kAnnaA = 21;          // person "Anna Schmidt", degree 1
inline constexpr core::NodeId kAnnaB = 22;          // person "Anna Schmidt", degree 2
inline constexpr core::NodeId kLiWei = 23;          // person
inline constexpr core::NodeId kForum = 31;          // event "Vienna Energy Forum 2019"
inline constexpr core::NodeId kVienna = 41;         // location
}  // namespace named

// Edges: Anna A and Li Wei work for Siemens AG, Anna B for UNIDO; Siemens AG partners with
// UNIDO, UNIDO with Siemens Energy; UNIDO organises the forum, which is in Vienna; Li Wei and
// Anna B speak at it; Siemens Aktiengesellschaft was part of UNIDO before the merge.
inline void BuildNamedGraph(core::GraphStore& store) {
  using namespace named;
  core::GraphDelta delta;
  auto node = [&](core::NodeId id, core::NodeType type, std::string name,
                  std::vector<std::string> aliases = {}) {
    core::Node n;
    n.id = id;
    n.type = type;
    n.name = name;
    n.aliases = aliases;
    delta.put_nodes.push_back(n);
    delta.put_index.push_back({core::FoldName(name), id});
    for (const auto& a : aliases) delta.put_index.push_back({core::FoldName(a), id});
  };
  node(kSiemens, core::NodeType::kCompany, "Siemens AG", {"Siemens"});
  node(kUnido, core::NodeType::kAgency, "United Nations Industrial Development Organization",
       {"UNIDO"});
  node(kSiemensEnergy, core::NodeType::kCompany, "Siemens Energy");
  node(kMergedSiemens, core::NodeType::kCompany, "Siemens Aktiengesellschaft");
  node(kAnnaA, core::NodeType::kPerson, "Anna Schmidt");
  node(kAnnaB, core::NodeType::kPerson, "Anna Schmidt");
  node(kLiWei, core::NodeType::kPerson, "Li Wei");
  node(kForum, core::NodeType::kEvent, "Vienna Energy Forum 2019");
  node(kVienna, core::NodeType::kLocation, "Vienna");
  auto edge = [&](core::NodeId src, core::EdgeType type, core::NodeId dst) {
    core::Edge e;
    e.key = {src, type, dst};
    e.confidence = 0.8;
    e.evidence_count = 1;
    e.first_seen = e.last_seen = "2019-06-01";
    delta.put_edges.push_back(e);
  };
  edge(kAnnaA, core::EdgeType::kWorksFor, kSiemens);
  edge(kLiWei, core::EdgeType::kWorksFor, kSiemens);
  edge(kAnnaB, core::EdgeType::kWorksFor, kUnido);
  edge(kSiemens, core::EdgeType::kPartnersWith, kUnido);
  edge(kUnido, core::EdgeType::kPartnersWith, kSiemensEnergy);
  edge(kUnido, core::EdgeType::kOrganizes, kForum);
  edge(kForum, core::EdgeType::kLocatedIn, kVienna);
  edge(kLiWei, core::EdgeType::kSpeaksAt, kForum);
  edge(kAnnaB, core::EdgeType::kSpeaksAt, kForum);
  edge(kMergedSiemens, core::EdgeType::kPartOf, kUnido);
  REQUIRE(store.Apply(delta).ok());
  REQUIRE(core::MergeNodes(store, kMergedSiemens, kSiemens, "test").ok());
}

struct NamedGraphServer {
  LiveServer server{api::ServerOptions{}, false};
  NamedGraphServer() { BuildNamedGraph(server.store()); }
};

// The named graph's server, shared by the tests that only read it.
inline LiveServer& NamedServer() {
  static NamedGraphServer named;
  return named.server;
}

}  // namespace actorgraph::testing
