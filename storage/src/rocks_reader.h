// GraphReader over one RocksDB snapshot: every call sees the same committed state.
//
// Not thread-safe: a reader belongs to one thread at a time (core::GraphReader's contract).
// It keeps one RocksDB iterator over its snapshot, created on the first scan and re-seeked
// by every later one, because creating an iterator (a merging iterator over every memtable
// and table file) costs more than most of the scans the resolver makes. A scan started from
// inside another scan's callback gets an iterator of its own.
//
// Errors: a read the storage cannot do (an I/O error, a damaged table) is the Status of the
// calls that return one (after every scan the iterator's status() is checked: the end of the
// keys and an error look alike otherwise), and a StorageReadError (read_error.h) thrown by
// the calls that return plain values: never a shorter list or an absent record.
#pragma once

#include <rocksdb/db.h>

#include "actorgraph/core/damaged_records.h"
#include "actorgraph/core/graph_store.h"

namespace actorgraph::storage {

class RocksReader : public core::GraphReader, public core::DamagedRecordScan {
 public:
  // Takes a snapshot of `db`, released on destruction, unless `db` is a secondary instance:
  // RocksDB refuses snapshots there, and a secondary only moves when it is caught up, which
  // no reader does. `db` must outlive the reader.
  RocksReader(rocksdb::DB* db, bool secondary_instance);
  ~RocksReader() override;

  core::Result<core::Node> GetNode(core::NodeId id) override;
  core::Result<core::Edge> GetEdge(const core::EdgeKey& key) override;
  core::Result<std::vector<core::Evidence>> GetEvidence(const core::EdgeKey& key) override;
  bool HasEvidence(const core::EdgeKey& key, core::EvidenceId id) override;
  core::Result<core::Article> GetArticle(core::ArticleId id) override;
  std::optional<core::ArticleId> FindArticleByHash(const std::string& content_hash) override;
  std::vector<core::NodeId> LookupExact(const std::string& folded_name) override;
  std::vector<core::IndexEntry> LookupPrefix(const std::string& folded_prefix,
                                             size_t limit) override;
  core::Result<core::NeighborPage> Neighbors(core::NodeId id,
                                             const core::NeighborQuery& q) override;
  core::Degree GetDegree(core::NodeId id) override;
  core::GraphCounts Counts() override;
  std::optional<std::string> GetMeta(const std::string& key) override;
  std::vector<core::MetaPut> ScanMeta(const std::string& prefix, const std::string& after,
                                      size_t limit) override;
  core::Status ForEachNode(const std::function<bool(const core::Node&)>& fn) override;
  core::Status ForEachEdge(const std::function<bool(const core::Edge&)>& fn) override;
  core::Status ForEachArticle(const std::function<bool(const core::Article&)>& fn) override;
  core::Status ForEachArticleAfter(core::ArticleId after,
                                   const std::function<bool(const core::Article&)>& fn) override;
  core::Status ForEachDecodableNode(const std::function<bool(const core::Node&)>& fn) override;
  core::Status ForEachDecodableEdge(const std::function<bool(const core::Edge&)>& fn) override;
  core::Status ForEachDecodableArticle(
      const std::function<bool(const core::Article&)>& fn) override;

 private:
  // The record scans behind both: a record that does not decode stops the scan with
  // kCorruption, or with `skip_damaged` is skipped, and how many were is logged.
  core::Status ScanNodes(const std::function<bool(const core::Node&)>& fn, bool skip_damaged);
  core::Status ScanEdges(const std::function<bool(const core::Edge&)>& fn, bool skip_damaged);
  core::Status ScanArticles(core::ArticleId after,
                            const std::function<bool(const core::Article&)>& fn, bool skip_damaged);

  // Reads `key` at the snapshot into `value` (pinned, not copied); false when absent.
  bool Get(const std::string& key, rocksdb::PinnableSlice* value);
  std::optional<std::string> Get(const std::string& key);
  // Visits the keys that start with `prefix`, in order, from `start` (>= prefix) on.
  core::Status Scan(const std::string& prefix, const std::string& start,
                    const std::function<bool(const rocksdb::Slice&, const rocksdb::Slice&)>& fn);

  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_options_;  // at snapshot_
  // The reused iterator (at snapshot_, no bounds: Scan checks the prefix itself); released
  // before the snapshot. scanning_ is true while a Scan runs on it.
  std::unique_ptr<rocksdb::Iterator> iterator_;
  bool scanning_ = false;
};

}  // namespace actorgraph::storage
