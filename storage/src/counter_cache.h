// The committed values of the graph-wide counters, `M count/*` (storage/FORMAT.md), kept in
// memory so that applying a delta does not read them back from RocksDB every time.
//
// Owned by RocksGraphStore and used only under its write lock (not thread-safe). Exact by
// construction: a value enters the cache when it is read from the database or once the batch
// that writes it has been written, and the store forgets everything when a write fails (a
// failed write may or may not have reached the database). The degree keys (`D`, one per node,
// direction and edge type) are not kept: their number grows with the graph.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace actorgraph::storage {

class CounterCache {
 public:
  // Whether `key` (a whole key, kind byte included) is a counter this cache keeps.
  static bool Keeps(std::string_view key);

  // The committed value of `key`, if known (a counter that is absent has the value 0).
  std::optional<uint64_t> Find(const std::string& key) const;
  // Records the committed value of a counter (Keeps(key) must hold).
  void Set(const std::string& key, uint64_t value);
  // Forgets one key (written by other means than the counters, e.g. a meta put) or all.
  void Forget(const std::string& key);
  void Clear();

 private:
  std::unordered_map<std::string, uint64_t> values_;
};

}  // namespace actorgraph::storage
