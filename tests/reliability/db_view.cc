#include "db_view.h"

#include <catch2/catch.hpp>

#include "actorgraph/storage/integrity_check.h"
#include "actorgraph/storage/rocks_graph_store.h"

namespace actorgraph::testing {

DbView ReadDbView(const std::string& dir) {
  storage::RocksStoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto store = storage::RocksGraphStore::Open(dir, options);
  DbView view;
  if (store.status().code() == core::StatusCode::kNotFound) return view;  // created, never written
  INFO(dir << ": " << store.status().ToString());
  REQUIRE(store.ok());
  auto reader = (*store)->Read();
  REQUIRE(reader
              ->ForEachArticle([&](const core::Article& a) {
                view.evidence_by_article[a.id];
                return true;
              })
              .ok());
  REQUIRE(reader
              ->ForEachEdge([&](const core::Edge& e) {
                auto evidence = reader->GetEvidence(e.key);
                REQUIRE(evidence.ok());
                for (const auto& ev : *evidence)
                  view.evidence_by_article[ev.article_id].insert(
                      {e.key.src, static_cast<int>(e.key.type), e.key.dst, ev.id});
                return true;
              })
              .ok());
  core::GraphCounts c = reader->Counts();
  for (auto& [t, n] : c.nodes) view.counts["nodes"] += n;
  for (auto& [t, n] : c.edges) view.counts["edges"] += n;
  view.counts["articles"] = c.articles;
  view.counts["evidence"] = c.evidence;
  return view;
}

void RequireClean(const std::string& dir) {
  auto report = storage::CheckIntegrity(dir);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  for (const auto& inv : report->invariants) {
    INFO(inv.name << ": " << (inv.examples.empty() ? "" : inv.examples[0]));
    REQUIRE(inv.ok());
  }
}

}  // namespace actorgraph::testing
