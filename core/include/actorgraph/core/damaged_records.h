// Scans that go past a record that does not decode (issue 12: "one undecodable record fails
// only the requests that touch it").
//
// GraphReader's ForEachNode/ForEachEdge/ForEachArticle stop at such a record with kCorruption,
// as an export or a curation step must. The graph snapshot, which every search, subgraph,
// analytics and events request reads, is built with these scans instead: a damaged node is left
// out of it (its edges then dangle and are dropped), so only the requests that read the record
// itself (GET /nodes/{id}, a neighbour page read from the store) fail, with a 500; `check`
// names the record. A read the storage cannot do (an I/O error, a damaged table) is still the
// scan's error: never a shorter snapshot.
#pragma once

#include <functional>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/status.h"

namespace actorgraph::core {

// Implemented by readers that decode their records (storage's RocksReader); found with
// DamagedRecordScanOf().
class DamagedRecordScan {
 public:
  virtual ~DamagedRecordScan() = default;
  // As GraphReader's ForEachNode/ForEachEdge/ForEachArticle, but each record that does not
  // decode is skipped (the reader logs how many).
  virtual Status ForEachDecodableNode(const std::function<bool(const Node&)>& fn) = 0;
  virtual Status ForEachDecodableEdge(const std::function<bool(const Edge&)>& fn) = 0;
  virtual Status ForEachDecodableArticle(const std::function<bool(const Article&)>& fn) = 0;
};

// The reader's DamagedRecordScan, or null when it has none (its records always decode).
inline DamagedRecordScan* DamagedRecordScanOf(GraphReader& reader) {
  return dynamic_cast<DamagedRecordScan*>(&reader);
}

}  // namespace actorgraph::core
