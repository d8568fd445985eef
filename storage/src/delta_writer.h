// DeltaWriter: turns one core::GraphDelta into the one rocksdb::WriteBatch that applies it,
// keeping the counters (`M count/*`, the `D` degree keys) exact.
//
// To know what a delta adds and what it replaces, the writer reads the current records of the
// keys the delta puts or deletes. It reads them up front with one MultiGet, and the counters'
// current values with a second one (the `count/*` values come from the store's CounterCache
// when known), instead of one DB::Get per key. Used only under the store's write lock: the
// database must not change between these reads and the write of the batch.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/core/graph_delta.h"
#include "actorgraph/core/graph_store.h"
#include "counter_cache.h"

namespace actorgraph::storage {

class DeltaWriter {
 public:
  // `db` and `counters` must outlive the writer; `counters` is only read.
  DeltaWriter(rocksdb::DB* db, const CounterCache& counters) : db_(db), counters_cache_(counters) {}

  // Fills batch() with the delta and `stats` with what it adds. Corruption when a stored
  // record does not decode or a counter would go below zero.
  core::Status Build(const core::GraphDelta& delta, core::ApplyStats* stats);

  rocksdb::WriteBatch& batch() { return batch_; }
  // The `count/*` counters the batch writes, with their new values: the store records them in
  // its CounterCache once the batch is written.
  const std::vector<std::pair<std::string, uint64_t>>& written_counters() const {
    return written_counters_;
  }

 private:
  // Reads the committed values of `keys` (one MultiGet) into committed_.
  core::Status Fetch(std::vector<std::string> keys);
  // The value of `key` as the batch built so far leaves it.
  std::optional<std::string> Get(const std::string& key);
  bool Exists(const std::string& key) { return Get(key).has_value(); }
  void Put(const std::string& key, const std::string& value);
  void Delete(const std::string& key);
  void AddCounter(const std::string& key, int64_t delta) { counter_deltas_[key] += delta; }
  void AddDegree(const core::EdgeKey& e, int64_t delta);

  core::Status PutNode(const core::Node& node, core::ApplyStats* stats);
  core::Status DeleteNode(core::NodeId id);
  core::Status PutEdge(const core::Edge& edge, core::ApplyStats* stats);
  core::Status DeleteEdge(const core::EdgeKey& e);
  core::Status FlushCounters();

  rocksdb::DB* db_;
  const CounterCache& counters_cache_;
  rocksdb::WriteBatch batch_;
  // What the batch writes (nullopt: deleted), and what the database held before it.
  std::unordered_map<std::string, std::optional<std::string>> overlay_;
  std::unordered_map<std::string, std::optional<std::string>> committed_;
  // The first read Get() could not do (then it answers absent): Build returns it, so that a
  // failed read never passes for a missing record.
  core::Status read_error_;
  std::map<std::string, int64_t> counter_deltas_;
  std::vector<std::pair<std::string, uint64_t>> written_counters_;
};

}  // namespace actorgraph::storage
