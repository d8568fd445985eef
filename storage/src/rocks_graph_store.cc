#include "actorgraph/storage/rocks_graph_store.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>

#include "actorgraph/storage/key_codec.h"
#include "record_codec.h"
#include "rocks_reader.h"

namespace actorgraph::storage {

using core::Result;
using core::Status;

namespace {

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IoError(what + ": " + s.ToString());
}

}  // namespace

struct RocksGraphStore::Impl {
  std::unique_ptr<rocksdb::DB> db;
  RocksStoreOptions options;
  std::recursive_mutex write_mu;
  std::atomic<uint64_t> version{0};
};

// Builds one WriteBatch for a delta, tracking what exists so that the counters stay exact.
// Used only under the write lock.
class DeltaWriter {
 public:
  DeltaWriter(rocksdb::DB* db) : db_(db) {}

  Status Build(const core::GraphDelta& delta, core::ApplyStats* stats) {
    for (const auto& node : delta.put_nodes) AG_RETURN_IF_ERROR(PutNode(node, stats));
    for (const auto& edge : delta.delete_edges) AG_RETURN_IF_ERROR(DeleteEdge(edge));
    for (core::NodeId id : delta.delete_nodes) AG_RETURN_IF_ERROR(DeleteNode(id));
    for (const auto& edge : delta.put_edges) AG_RETURN_IF_ERROR(PutEdge(edge, stats));
    for (const auto& ref : delta.delete_evidence) {
      std::string key = EvidenceKey(ref.edge, ref.id);
      if (Exists(key)) AddCounter(MetaKey("count/evidence"), -1);
      Delete(key);
    }
    for (const auto& put : delta.put_evidence) {
      std::string key = EvidenceKey(put.edge, put.evidence.id);
      if (!Exists(key)) {
        AddCounter(MetaKey("count/evidence"), 1);
        ++stats->evidence_added;
      }
      Put(key, EncodeEvidence(put.evidence));
    }
    for (const auto& e : delta.delete_index) Delete(IndexKey(e.folded_name, e.node));
    for (const auto& e : delta.put_index) Put(IndexKey(e.folded_name, e.node), "");
    for (const auto& m : delta.delete_meta) Delete(MetaKey(m));
    for (const auto& m : delta.put_meta) Put(MetaKey(m.key), m.value);
    if (delta.article) {
      const core::Article& a = *delta.article;
      if (!Exists(ArticleKey(a.id))) AddCounter(MetaKey("count/articles"), 1);
      Put(ArticleKey(a.id), EncodeArticle(a));
      std::string id;
      AppendU64(id, a.id);
      Put(HashKey(a.content_hash), id);
    }
    return FlushCounters();
  }

  rocksdb::WriteBatch& batch() { return batch_; }

 private:
  std::optional<std::string> Get(const std::string& key) {
    auto it = overlay_.find(key);
    if (it != overlay_.end()) return it->second;
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
    if (s.ok()) return value;
    return std::nullopt;
  }
  bool Exists(const std::string& key) { return Get(key).has_value(); }
  void Put(const std::string& key, const std::string& value) {
    batch_.Put(key, value);
    overlay_[key] = value;
  }
  void Delete(const std::string& key) {
    batch_.Delete(key);
    overlay_[key] = std::nullopt;
  }
  void AddCounter(const std::string& key, int64_t delta) { counters_[key] += delta; }

  static std::string NodeCounter(core::NodeType t) {
    return MetaKey(std::string("count/node/") + core::NodeTypeName(t));
  }
  static std::string EdgeCounter(core::EdgeType t) {
    return MetaKey(std::string("count/edge/") + core::EdgeTypeName(t));
  }

  Status PutNode(const core::Node& node, core::ApplyStats* stats) {
    std::string key = NodeKey(node.id);
    if (auto old = Get(key)) {
      core::Node before;
      if (!DecodeNode(*old, node.id, &before)) return Status::Corruption("bad node record");
      AddCounter(NodeCounter(before.type), -1);
    } else {
      ++stats->nodes_added;
    }
    AddCounter(NodeCounter(node.type), 1);
    Put(key, EncodeNode(node));
    return Status::Ok();
  }

  Status DeleteNode(core::NodeId id) {
    std::string key = NodeKey(id);
    auto old = Get(key);
    if (!old) return Status::Ok();
    core::Node before;
    if (!DecodeNode(*old, id, &before)) return Status::Corruption("bad node record");
    AddCounter(NodeCounter(before.type), -1);
    Delete(key);
    return Status::Ok();
  }

  void AddDegree(const core::EdgeKey& e, int64_t delta) {
    AddCounter(DegreeKey(e.src, 1, e.type), delta);
    AddCounter(DegreeKey(e.dst, 2, e.type), delta);
  }

  Status PutEdge(const core::Edge& edge, core::ApplyStats* stats) {
    std::string out = OutKey(edge.key);
    if (!Exists(out)) {
      AddCounter(EdgeCounter(edge.key.type), 1);
      AddDegree(edge.key, 1);
      ++stats->edges_added;
    }
    std::string record = EncodeEdge(edge);
    Put(out, record);
    Put(InKey(edge.key), record);
    return Status::Ok();
  }

  Status DeleteEdge(const core::EdgeKey& e) {
    std::string out = OutKey(e);
    if (!Exists(out)) return Status::Ok();
    AddCounter(EdgeCounter(e.type), -1);
    AddDegree(e, -1);
    Delete(out);
    Delete(InKey(e));
    // Every piece of evidence of the edge goes with it.
    std::string prefix = EvidencePrefix(e), upper = PrefixSuccessor(prefix);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro;
    ro.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      std::string key = it->key().ToString();
      if (Exists(key)) AddCounter(MetaKey("count/evidence"), -1);
      Delete(key);
    }
    if (!it->status().ok()) return FromRocks(it->status(), "scan evidence");
    return Status::Ok();
  }

  Status FlushCounters() {
    for (const auto& [key, delta] : counters_) {
      if (delta == 0) continue;
      auto current = Get(key);
      int64_t value = static_cast<int64_t>(current ? DecodeCount(*current) : 0) + delta;
      if (value < 0) return Status::Corruption("counter below zero: " + key);
      if (value == 0 && key[0] == kind::kDegree) Delete(key);
      else Put(key, EncodeCount(static_cast<uint64_t>(value)));
    }
    return Status::Ok();
  }

  rocksdb::DB* db_;
  rocksdb::WriteBatch batch_;
  std::unordered_map<std::string, std::optional<std::string>> overlay_;
  std::map<std::string, int64_t> counters_;
};

RocksGraphStore::RocksGraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RocksGraphStore::~RocksGraphStore() = default;

Result<std::unique_ptr<RocksGraphStore>> RocksGraphStore::Open(const std::string& dir,
                                                               const RocksStoreOptions& options) {
  rocksdb::Options ro;
  ro.create_if_missing = options.create_if_missing && !options.read_only;
  ro.IncreaseParallelism(2);
  ro.compression = rocksdb::kNoCompression;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_mb << 20);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  ro.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = options.read_only ? rocksdb::DB::OpenForReadOnly(ro, dir, &raw)
                                        : rocksdb::DB::Open(ro, dir, &raw);
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos)
      return Status::IoError("database " + dir + " is in use by another process (" + s.ToString() + ")");
    return FromRocks(s, "open " + dir);
  }
  auto impl = std::make_unique<Impl>();
  impl->db.reset(raw);
  impl->options = options;

  std::string version;
  std::string version_key = MetaKey("format_version");
  s = raw->Get(rocksdb::ReadOptions(), version_key, &version);
  if (s.IsNotFound()) {
    // A new database has no keys at all; anything else without a version is not ours.
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions()));
    it->SeekToFirst();
    if (it->Valid()) return Status::Unsupported(dir + " is not an actorgraph database (no format version)");
    if (options.read_only) return Status::NotFound(dir + " is empty");
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = raw->Put(wo, version_key, std::to_string(kFormatVersion));
    if (!s.ok()) return FromRocks(s, "write format version");
  } else if (!s.ok()) {
    return FromRocks(s, "read format version");
  } else if (version != std::to_string(kFormatVersion)) {
    return Status::Unsupported("database " + dir + " has format version " + version +
                               "; this build reads version " + std::to_string(kFormatVersion));
  }
  return std::unique_ptr<RocksGraphStore>(new RocksGraphStore(std::move(impl)));
}

Result<core::ApplyStats> RocksGraphStore::Apply(const core::GraphDelta& delta,
                                                const core::ApplyOptions& apply_options) {
  if (impl_->options.read_only) return Status::PermissionDenied("database opened read-only");
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  core::ApplyStats stats;
  if (delta.article) {
    std::string existing;
    rocksdb::Status s =
        impl_->db->Get(rocksdb::ReadOptions(), HashKey(delta.article->content_hash), &existing);
    if (s.ok()) return stats;  // the same article again changes nothing
    if (!s.IsNotFound()) return FromRocks(s, "look up article hash");
    stats.article_was_new = true;
  }
  DeltaWriter writer(impl_->db.get());
  AG_RETURN_IF_ERROR(writer.Build(delta, &stats));
  if (impl_->options.before_write_hook) AG_RETURN_IF_ERROR(impl_->options.before_write_hook());
  rocksdb::WriteOptions wo;
  wo.sync = impl_->options.sync_writes && apply_options.sync;
  AG_RETURN_IF_ERROR(FromRocks(impl_->db->Write(wo, &writer.batch()), "write batch"));
  impl_->version.fetch_add(1);
  return stats;
}

Status RocksGraphStore::Sync() {
  if (!impl_->options.sync_writes || impl_->options.read_only) return Status::Ok();
  return FromRocks(impl_->db->SyncWAL(), "sync write-ahead log");
}

std::unique_ptr<core::GraphReader> RocksGraphStore::Read() {
  return std::make_unique<RocksReader>(impl_->db.get());
}

uint64_t RocksGraphStore::Version() const { return impl_->version.load(); }

Status RocksGraphStore::WithWriteLock(const std::function<Status()>& fn) {
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  return fn();
}

Status RocksGraphStore::Checkpoint(const std::string& target_dir) {
  rocksdb::Checkpoint* raw = nullptr;
  AG_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(impl_->db.get(), &raw), "checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  return FromRocks(checkpoint->CreateCheckpoint(target_dir), "checkpoint to " + target_dir);
}

Status RocksGraphStore::Compact() {
  AG_RETURN_IF_ERROR(FromRocks(impl_->db->Flush(rocksdb::FlushOptions()), "flush"));
  return FromRocks(impl_->db->CompactRange(rocksdb::CompactRangeOptions(), nullptr, nullptr),
                   "compact");
}

Status RocksGraphStore::WarmCache(const std::string& kinds) {
  rocksdb::ReadOptions ro;
  ro.fill_cache = true;
  ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro));
  if (kinds.empty()) {
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
    }
  } else {
    for (char k : kinds) {
      std::string upper(1, static_cast<char>(k + 1));
      for (it->Seek(std::string(1, k)); it->Valid() && it->key().compare(upper) < 0; it->Next()) {
      }
    }
  }
  return FromRocks(it->status(), "warm cache");
}

uint64_t RocksGraphStore::DiskBytes() const {
  uint64_t live = 0;
  impl_->db->GetIntProperty("rocksdb.total-sst-files-size", &live);
  uint64_t mem = 0;
  impl_->db->GetIntProperty("rocksdb.cur-size-all-mem-tables", &mem);
  return live + mem;
}

}  // namespace actorgraph::storage
