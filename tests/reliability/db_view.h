// What the reliability tests compare between databases: per article, the evidence it put in
// the graph; and the counters. Read through the public GraphStore interface (read-only open).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::testing {

using EvidenceKey = std::tuple<core::NodeId, int, core::NodeId, core::EvidenceId>;

struct DbView {
  std::map<core::ArticleId, std::set<EvidenceKey>>
      evidence_by_article;  // every article, even without evidence
  std::map<std::string, uint64_t>
      counts;  // "nodes", "edges", "articles", "evidence" (the counters)
};

// Reads the database in `dir` (read-only; nobody may hold it for writing); a database that was
// created but never written reads as empty. Fails the test on error.
DbView ReadDbView(const std::string& dir);

// Fails the test unless `check` finds the database in `dir` sound (every invariant holds).
void RequireClean(const std::string& dir);

}  // namespace actorgraph::testing
