// Helpers shared by the storage tests that ingest hand-made article facts.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "actorgraph/core/resolver.h"
#include "actorgraph/storage/rocks_graph_store.h"

namespace actorgraph::testing {

inline std::unique_ptr<storage::RocksGraphStore> OpenOrDie(
    const std::string& dir, storage::RocksStoreOptions options = {}) {
  auto store = storage::RocksGraphStore::Open(dir, options);
  REQUIRE(store.ok());
  return std::move(store.value());
}

// A relation of `type` from entity `from` to entity `to` of `facts`, whose evidence is the
// whole text.
inline core::RelationFact WholeTextRelation(const core::ArticleFacts& facts, core::EdgeType type,
                                            size_t from, size_t to, double confidence,
                                            std::string title = "") {
  core::RelationFact r;
  r.type = type;
  r.from = from;
  r.to = to;
  r.title = std::move(title);
  r.sentence = facts.text;
  r.begin = 0;
  r.end = static_cast<uint32_t>(facts.text.size());
  r.confidence = confidence;
  return r;
}

}  // namespace actorgraph::testing
