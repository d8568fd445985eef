#include "delta_writer.h"

#include <algorithm>

#include "actorgraph/storage/key_codec.h"
#include "read_error.h"
#include "record_codec.h"

namespace actorgraph::storage {

using core::Status;

namespace {

std::string NodeCounter(core::NodeType t) {
  return MetaKey(std::string("count/node/") + core::NodeTypeName(t));
}
std::string EdgeCounter(core::EdgeType t) {
  return MetaKey(std::string("count/edge/") + core::EdgeTypeName(t));
}

}  // namespace

Status DeltaWriter::Build(const core::GraphDelta& delta, core::ApplyStats* stats) {
  // Every record the delta may replace or delete, read at once.
  std::vector<std::string> keys;
  for (const auto& node : delta.put_nodes) keys.push_back(NodeKey(node.id));
  for (core::NodeId id : delta.delete_nodes) keys.push_back(NodeKey(id));
  for (const auto& edge : delta.put_edges) keys.push_back(OutKey(edge.key));
  for (const auto& edge : delta.delete_edges) keys.push_back(OutKey(edge));
  for (const auto& put : delta.put_evidence) keys.push_back(EvidenceKey(put.edge, put.evidence.id));
  for (const auto& ref : delta.delete_evidence) keys.push_back(EvidenceKey(ref.edge, ref.id));
  if (delta.article) keys.push_back(ArticleKey(delta.article->id));
  AG_RETURN_IF_ERROR(Fetch(std::move(keys)));

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
  AG_RETURN_IF_ERROR(FlushCounters());
  return read_error_;
}

Status DeltaWriter::Fetch(std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (keys.empty()) return Status::Ok();
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->MultiGet(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), keys.size(), slices.data(),
                values.data(), statuses.data(), /*sorted_input=*/true);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].ok())
      committed_[keys[i]] = values[i].ToString();
    else if (statuses[i].IsNotFound())
      committed_[keys[i]] = std::nullopt;
    else
      return ReadFailure(statuses[i], "a read of the records a write replaces");
  }
  return Status::Ok();
}

std::optional<std::string> DeltaWriter::Get(const std::string& key) {
  if (auto it = overlay_.find(key); it != overlay_.end()) return it->second;
  if (auto it = committed_.find(key); it != committed_.end()) return it->second;
  // A key the delta did not announce (the evidence of a deleted edge): read it alone.
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
  if (s.ok()) return value;
  if (!s.IsNotFound() && read_error_.ok()) read_error_ = ReadFailure(s, "a point read");
  return std::nullopt;
}

void DeltaWriter::Put(const std::string& key, const std::string& value) {
  batch_.Put(key, value);
  overlay_[key] = value;
}

void DeltaWriter::Delete(const std::string& key) {
  batch_.Delete(key);
  overlay_[key] = std::nullopt;
}

void DeltaWriter::AddDegree(const core::EdgeKey& e, int64_t delta) {
  AddCounter(DegreeKey(e.src, 1, e.type), delta);
  AddCounter(DegreeKey(e.dst, 2, e.type), delta);
}

Status DeltaWriter::PutNode(const core::Node& node, core::ApplyStats* stats) {
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

Status DeltaWriter::DeleteNode(core::NodeId id) {
  std::string key = NodeKey(id);
  auto old = Get(key);
  if (!old) return Status::Ok();
  core::Node before;
  if (!DecodeNode(*old, id, &before)) return Status::Corruption("bad node record");
  AddCounter(NodeCounter(before.type), -1);
  Delete(key);
  return Status::Ok();
}

Status DeltaWriter::PutEdge(const core::Edge& edge, core::ApplyStats* stats) {
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

Status DeltaWriter::DeleteEdge(const core::EdgeKey& e) {
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
  if (!it->status().ok()) return ReadFailure(it->status(), "a scan of an edge's evidence");
  return Status::Ok();
}

Status DeltaWriter::FlushCounters() {
  // The current values: from the batch itself, the cache, or one read of all the others.
  std::vector<std::string> unknown;
  for (const auto& [key, delta] : counter_deltas_) {
    if (delta == 0 || overlay_.count(key) || committed_.count(key)) continue;
    if (CounterCache::Keeps(key) && counters_cache_.Find(key)) continue;
    unknown.push_back(key);
  }
  AG_RETURN_IF_ERROR(Fetch(std::move(unknown)));
  for (const auto& [key, delta] : counter_deltas_) {
    if (delta == 0) continue;
    std::optional<uint64_t> current;
    if (!overlay_.count(key) && !committed_.count(key)) current = counters_cache_.Find(key);
    if (!current) {
      auto stored = Get(key);
      current = stored ? DecodeCount(*stored) : 0;
    }
    int64_t value = static_cast<int64_t>(*current) + delta;
    if (value < 0) return Status::Corruption("counter below zero: " + key);
    if (value == 0 && key[0] == kind::kDegree)
      Delete(key);
    else
      Put(key, EncodeCount(static_cast<uint64_t>(value)));
    if (CounterCache::Keeps(key)) written_counters_.emplace_back(key, static_cast<uint64_t>(value));
  }
  return Status::Ok();
}

}  // namespace actorgraph::storage
