// BulkLoader: builds a new actorgraph database from a large set of nodes, edges, evidence,
// index entries and articles in one go, much faster than Apply()ing deltas one at a time.
//
// How: everything added is kept in memory in encoded form (records packed in arenas); Finish()
// sorts it, computes every counter (count/*, the D degree keys) in memory, writes one sorted
// SST file per key kind with rocksdb::SstFileWriter (in parallel), and ingests the files into
// a fresh RocksDB database (IngestExternalFile, files moved, no write-ahead log, no
// compaction: the files land in the bottom level). The key layout and records are exactly
// those of storage/FORMAT.md; the result opens with RocksGraphStore::Open and equals what the
// same puts applied through RocksGraphStore::Apply would have produced.
//
// Semantics are those of the put_* parts of a GraphDelta applied in the order added: a later
// node / edge / evidence / meta record with the same key replaces the earlier one; an edge
// record is stored as given (the caller sets evidence_count and confidence, as with Apply);
// both directions of every edge are written. There are no deletes.
//
// Not thread-safe (one loader, one thread adding); Finish() uses `threads` threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "actorgraph/core/graph_delta.h"
#include "actorgraph/core/model.h"
#include "actorgraph/core/status.h"

namespace actorgraph::storage {

struct BulkLoadOptions {
  size_t threads = 2;  // SST files written in parallel by Finish()
};

struct BulkLoadStats {
  uint64_t nodes = 0;  // distinct node records written
  uint64_t edges = 0;  // distinct logical edges (each stored twice: O and I)
  uint64_t evidence = 0;
  uint64_t index_entries = 0;
  uint64_t articles = 0;
  uint64_t keys = 0;       // every key written, all kinds
  uint64_t sst_bytes = 0;  // size of the ingested files
};

// The meta name under which AddExternalId records an external id (FORMAT.md):
// "ext/<source>/<external id>" -> node id, 8 bytes big-endian. Read it back with
// GraphReader::GetMeta(ExternalIdMetaName(source, id)) and DecodeExternalIdValue.
std::string ExternalIdMetaName(std::string_view source, std::string_view external_id);
// 0 when the value is not an 8-byte node id.
core::NodeId DecodeExternalIdValue(std::string_view value);

class BulkLoader {
 public:
  explicit BulkLoader(const BulkLoadOptions& options = {});
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  void AddNode(const core::Node& node);
  void AddEdge(const core::Edge& edge);
  void AddEvidence(const core::EdgeKey& edge, const core::Evidence& evidence);
  // An entry of the name index (index 1: folded names and aliases).
  void AddIndex(const core::IndexEntry& entry);
  // Registers the article and its content hash (H key), like GraphDelta::article.
  void AddArticle(const core::Article& article);
  void AddMeta(const std::string& name, const std::string& value);
  // Records that `node` carries `external_id` in the id space `source` (e.g. the CSV ids of
  // a data set): a meta record ExternalIdMetaName(source, external_id) -> node id.
  void AddExternalId(std::string_view source, std::string_view external_id, core::NodeId node);
  // Every put_* part and the article of a delta (deletes are not supported and are ignored).
  void Add(const core::GraphDelta& delta);
  // Takes every put of `other`, as if they were added here after this loader's own (so
  // threads can fill loaders of their own and join them); `other` is empty afterwards.
  void Append(BulkLoader&& other);
  // A hint: room for this many more edges and pieces of evidence (fewer regrowths).
  void ReserveEdges(size_t edges, size_t evidence);

  // Writes everything into a new database in `dir`, which must not exist or be empty, and
  // closes it; open it with RocksGraphStore::Open. The loader is empty afterwards.
  core::Result<BulkLoadStats> Finish(const std::string& dir);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::storage
