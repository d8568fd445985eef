// GraphReader over one RocksDB snapshot: every call sees the same committed state.
#pragma once

#include <rocksdb/db.h>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::storage {

class RocksReader : public core::GraphReader {
 public:
  // Takes a snapshot of `db`, released on destruction. `db` must outlive the reader.
  explicit RocksReader(rocksdb::DB* db);
  ~RocksReader() override;

  core::Result<core::Node> GetNode(core::NodeId id) override;
  core::Result<core::Edge> GetEdge(const core::EdgeKey& key) override;
  core::Result<std::vector<core::Evidence>> GetEvidence(const core::EdgeKey& key) override;
  core::Result<core::Article> GetArticle(core::ArticleId id) override;
  std::optional<core::ArticleId> FindArticleByHash(const std::string& content_hash) override;
  std::vector<core::NodeId> LookupExact(const std::string& folded_name) override;
  std::vector<core::IndexEntry> LookupPrefix(const std::string& folded_prefix, size_t limit) override;
  core::Result<core::NeighborPage> Neighbors(core::NodeId id, const core::NeighborQuery& q) override;
  core::Degree GetDegree(core::NodeId id) override;
  core::GraphCounts Counts() override;
  std::optional<std::string> GetMeta(const std::string& key) override;
  std::vector<core::MetaPut> ScanMeta(const std::string& prefix, const std::string& after,
                                      size_t limit) override;
  core::Status ForEachNode(const std::function<bool(const core::Node&)>& fn) override;
  core::Status ForEachEdge(const std::function<bool(const core::Edge&)>& fn) override;
  core::Status ForEachArticle(const std::function<bool(const core::Article&)>& fn) override;

 private:
  std::optional<std::string> Get(const std::string& key);
  // Visits keys in [start, PrefixSuccessor(prefix)) starting at `start` (>= prefix).
  core::Status Scan(const std::string& prefix, const std::string& start,
                    const std::function<bool(const rocksdb::Slice&, const rocksdb::Slice&)>& fn);

  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace actorgraph::storage
