#include "rocks_reader.h"

#include <spdlog/spdlog.h>

#include "actorgraph/core/neighbor_cursor.h"
#include "actorgraph/storage/key_codec.h"
#include "read_error.h"
#include "record_codec.h"

namespace actorgraph::storage {

using core::Result;
using core::Status;

RocksReader::RocksReader(rocksdb::DB* db, bool secondary_instance)
    : db_(db), snapshot_(secondary_instance ? nullptr : db->GetSnapshot()) {
  read_options_.snapshot = snapshot_;
}

RocksReader::~RocksReader() {
  iterator_.reset();  // an iterator must not outlive the snapshot it reads
  if (snapshot_) db_->ReleaseSnapshot(snapshot_);
}

namespace {

void ThrowIfFailed(const Status& st) {
  if (!st.ok()) throw StorageReadError(st);
}

}  // namespace

bool RocksReader::Get(const std::string& key, rocksdb::PinnableSlice* value) {
  rocksdb::Status s = db_->Get(read_options_, db_->DefaultColumnFamily(), key, value);
  if (s.ok()) return true;
  if (s.IsNotFound()) return false;
  throw StorageReadError(ReadFailure(s, "a point read"));
}

std::optional<std::string> RocksReader::Get(const std::string& key) {
  rocksdb::PinnableSlice value;
  if (!Get(key, &value)) return std::nullopt;
  return value.ToString();
}

Status RocksReader::Scan(
    const std::string& prefix, const std::string& start,
    const std::function<bool(const rocksdb::Slice&, const rocksdb::Slice&)>& fn) {
  // A nested scan (from inside `fn`) must not move the outer scan's iterator.
  std::unique_ptr<rocksdb::Iterator> nested;
  rocksdb::Iterator* it;
  if (scanning_) {
    nested.reset(db_->NewIterator(read_options_));
    it = nested.get();
  } else {
    if (!iterator_) iterator_.reset(db_->NewIterator(read_options_));
    it = iterator_.get();
    scanning_ = true;
  }
  struct Release {
    bool* flag;
    bool owned;
    ~Release() {
      if (owned) *flag = false;
    }
  } release{&scanning_, nested == nullptr};
  const rocksdb::Slice bound(prefix);
  for (it->Seek(start); it->Valid() && it->key().starts_with(bound); it->Next())
    if (!fn(it->key(), it->value())) break;
  // Valid() is false at the end of the keys and on an error alike: only status() tells.
  if (!it->status().ok()) return ReadFailure(it->status(), "a scan");
  return Status::Ok();
}

Result<core::Node> RocksReader::GetNode(core::NodeId id) {
  rocksdb::PinnableSlice value;
  if (!Get(NodeKey(id), &value)) return Status::NotFound("no node " + std::to_string(id));
  core::Node node;
  if (!DecodeNode(std::string_view(value.data(), value.size()), id, &node))
    return Status::Corruption("bad node record " + std::to_string(id));
  return node;
}

Result<core::Edge> RocksReader::GetEdge(const core::EdgeKey& key) {
  rocksdb::PinnableSlice value;
  if (!Get(OutKey(key), &value)) return Status::NotFound("no such edge");
  core::Edge edge;
  if (!DecodeEdge(std::string_view(value.data(), value.size()), key, &edge))
    return Status::Corruption("bad edge record");
  return edge;
}

Result<std::vector<core::Evidence>> RocksReader::GetEvidence(const core::EdgeKey& key) {
  std::vector<core::Evidence> out;
  bool bad = false;
  std::string prefix = EvidencePrefix(key);
  AG_RETURN_IF_ERROR(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    auto decoded = DecodeEvidenceKey(std::string_view(k.data(), k.size()));
    core::Evidence ev;
    if (!decoded || !DecodeEvidence(std::string_view(v.data(), v.size()), decoded->second, &ev)) {
      bad = true;
      return false;
    }
    out.push_back(std::move(ev));
    return true;
  }));
  if (bad) return Status::Corruption("bad evidence record");
  return out;
}

bool RocksReader::HasEvidence(const core::EdgeKey& key, core::EvidenceId id) {
  rocksdb::PinnableSlice value;
  return Get(EvidenceKey(key, id), &value);
}

Result<core::Article> RocksReader::GetArticle(core::ArticleId id) {
  rocksdb::PinnableSlice value;
  if (!Get(ArticleKey(id), &value)) return Status::NotFound("no article " + std::to_string(id));
  core::Article a;
  if (!DecodeArticle(std::string_view(value.data(), value.size()), id, &a))
    return Status::Corruption("bad article record");
  return a;
}

std::optional<core::ArticleId> RocksReader::FindArticleByHash(const std::string& content_hash) {
  rocksdb::PinnableSlice value;
  if (!Get(HashKey(content_hash), &value) || value.size() != 8) return std::nullopt;
  return ReadU64(std::string_view(value.data(), value.size()));
}

std::vector<core::NodeId> RocksReader::LookupExact(const std::string& folded_name) {
  std::vector<core::NodeId> out;
  std::string prefix = IndexExactPrefix(folded_name);
  ThrowIfFailed(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice&) {
    if (auto e = DecodeIndexKey(std::string_view(k.data(), k.size()))) out.push_back(e->node);
    return true;
  }));
  return out;
}

std::vector<core::IndexEntry> RocksReader::LookupPrefix(const std::string& folded_prefix,
                                                        size_t limit) {
  std::vector<core::IndexEntry> out;
  std::string prefix = IndexPrefix(folded_prefix);
  ThrowIfFailed(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice&) {
    if (auto e = DecodeIndexKey(std::string_view(k.data(), k.size()))) out.push_back(std::move(*e));
    return out.size() < limit;
  }));
  return out;
}

Result<core::NeighborPage> RocksReader::Neighbors(core::NodeId id, const core::NeighborQuery& q) {
  // A page walks the 'O' keys of the node, then its 'I' keys: the listing order of
  // core/neighbor_cursor.h, whose cursor is the last key returned.
  std::optional<core::NeighborCursor> resume;
  if (!q.cursor.empty()) {
    resume = core::DecodeNeighborCursor(id, q.cursor);
    if (!resume) return Status::InvalidArgument("invalid cursor");
  }
  std::vector<core::Direction> halves;
  if (q.direction != core::Direction::kIn) halves.push_back(core::Direction::kOut);
  if (q.direction != core::Direction::kOut) halves.push_back(core::Direction::kIn);
  core::NeighborPage page;
  size_t limit = q.limit == 0 ? 1 : q.limit;
  bool more = false, bad = false;
  core::NeighborCursor last;
  for (core::Direction half : halves) {
    if (resume && resume->direction == core::Direction::kIn && half == core::Direction::kOut)
      continue;
    char k = half == core::Direction::kOut ? kind::kOut : kind::kIn;
    std::string prefix =
        q.edge_type ? AdjacencyPrefix(k, id, *q.edge_type) : AdjacencyPrefix(k, id);
    std::string start = prefix;
    if (resume && resume->direction == half) {
      start = AdjacencyPrefix(k, id, resume->type);
      AppendU64(start, resume->far);
      start.push_back('\0');
    }
    AG_RETURN_IF_ERROR(Scan(prefix, start, [&](const rocksdb::Slice& key, const rocksdb::Slice& v) {
      if (page.entries.size() == limit) {
        more = true;
        return false;
      }
      auto edge_key = DecodeAdjacencyKey(std::string_view(key.data(), key.size()));
      core::NeighborEntry entry;
      if (!edge_key || !DecodeEdge(std::string_view(v.data(), v.size()), *edge_key, &entry.edge)) {
        bad = true;
        return false;
      }
      entry.direction = half;
      entry.neighbor = half == core::Direction::kOut ? edge_key->dst : edge_key->src;
      last = {half, edge_key->type, entry.neighbor};
      page.entries.push_back(std::move(entry));
      return true;
    }));
    if (bad) return Status::Corruption("bad edge record");
    if (more) break;
  }
  if (more) page.next_cursor = core::EncodeNeighborCursor(id, last);
  return page;
}

core::Degree RocksReader::GetDegree(core::NodeId id) {
  core::Degree d;
  std::string prefix = DegreePrefix(id);
  ThrowIfFailed(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    if (k.size() != 11) return true;
    auto type = static_cast<core::EdgeType>(static_cast<uint8_t>(k[10]));
    uint64_t count = DecodeCount(std::string_view(v.data(), v.size()));
    (k[9] == 1 ? d.out : d.in)[type] = count;
    return true;
  }));
  return d;
}

core::GraphCounts RocksReader::Counts() {
  core::GraphCounts c;
  auto count = [&](const std::string& name) {
    rocksdb::PinnableSlice v;
    return Get(MetaKey(name), &v) ? DecodeCount(std::string_view(v.data(), v.size())) : 0;
  };
  for (core::NodeType t : core::kAllNodeTypes)
    c.nodes[t] = count(std::string("count/node/") + core::NodeTypeName(t));
  for (core::EdgeType t : core::kAllEdgeTypes)
    c.edges[t] = count(std::string("count/edge/") + core::EdgeTypeName(t));
  c.articles = count("count/articles");
  c.evidence = count("count/evidence");
  return c;
}

std::optional<std::string> RocksReader::GetMeta(const std::string& key) {
  return Get(MetaKey(key));
}

std::vector<core::MetaPut> RocksReader::ScanMeta(const std::string& prefix,
                                                 const std::string& after, size_t limit) {
  std::vector<core::MetaPut> out;
  std::string full = MetaKey(prefix);
  std::string start = after.empty() ? full : MetaKey(after) + std::string(1, '\0');
  ThrowIfFailed(Scan(full, start, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    out.push_back({std::string(k.data() + 1, k.size() - 1), v.ToString()});
    return out.size() < limit;
  }));
  return out;
}

namespace {

// What a record scan does with a record that does not decode: stop with kCorruption, or (when
// `skip`) go past it and log how many it went past.
class UndecodableRecords {
 public:
  UndecodableRecords(const char* what, bool skip) : what_(what), skip_(skip) {}
  // Called for each such record; whether the scan goes on.
  bool Met() {
    ++count_;
    return skip_;
  }
  Status Result() const {
    if (count_ == 0) return Status::Ok();
    if (!skip_) return Status::Corruption(std::string("bad ") + what_ + " record");
    spdlog::warn(
        "{} {} record(s) do not decode: left out of the graph's snapshot "
        "(`actorgraph check` names them)",
        count_, what_);
    return Status::Ok();
  }

 private:
  const char* what_;
  bool skip_;
  size_t count_ = 0;
};

}  // namespace

Status RocksReader::ScanNodes(const std::function<bool(const core::Node&)>& fn, bool skip_damaged) {
  std::string prefix(1, kind::kNode);
  UndecodableRecords undecodable("node", skip_damaged);
  AG_RETURN_IF_ERROR(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    core::Node node;
    auto id = DecodeNodeKey(std::string_view(k.data(), k.size()));
    if (!id || !DecodeNode(std::string_view(v.data(), v.size()), *id, &node))
      return undecodable.Met();
    return fn(node);
  }));
  return undecodable.Result();
}

Status RocksReader::ScanEdges(const std::function<bool(const core::Edge&)>& fn, bool skip_damaged) {
  std::string prefix(1, kind::kOut);
  UndecodableRecords undecodable("edge", skip_damaged);
  AG_RETURN_IF_ERROR(Scan(prefix, prefix, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    core::Edge edge;
    auto key = DecodeAdjacencyKey(std::string_view(k.data(), k.size()));
    if (!key || !DecodeEdge(std::string_view(v.data(), v.size()), *key, &edge))
      return undecodable.Met();
    return fn(edge);
  }));
  return undecodable.Result();
}

Status RocksReader::ScanArticles(core::ArticleId after,
                                 const std::function<bool(const core::Article&)>& fn,
                                 bool skip_damaged) {
  std::string prefix(1, kind::kArticle);
  // The first key after `after`: article ids are big-endian, so key order is id order.
  std::string start = after == 0 ? prefix : ArticleKey(after) + '\0';
  UndecodableRecords undecodable("article", skip_damaged);
  AG_RETURN_IF_ERROR(Scan(prefix, start, [&](const rocksdb::Slice& k, const rocksdb::Slice& v) {
    core::Article a;
    if (k.size() != 9 || !DecodeArticle(std::string_view(v.data(), v.size()),
                                        ReadU64(std::string_view(k.data() + 1, 8)), &a))
      return undecodable.Met();
    return fn(a);
  }));
  return undecodable.Result();
}

Status RocksReader::ForEachNode(const std::function<bool(const core::Node&)>& fn) {
  return ScanNodes(fn, false);
}

Status RocksReader::ForEachEdge(const std::function<bool(const core::Edge&)>& fn) {
  return ScanEdges(fn, false);
}

Status RocksReader::ForEachArticle(const std::function<bool(const core::Article&)>& fn) {
  return ScanArticles(0, fn, false);
}

Status RocksReader::ForEachArticleAfter(core::ArticleId after,
                                        const std::function<bool(const core::Article&)>& fn) {
  return ScanArticles(after, fn, false);
}

Status RocksReader::ForEachDecodableNode(const std::function<bool(const core::Node&)>& fn) {
  return ScanNodes(fn, true);
}

Status RocksReader::ForEachDecodableEdge(const std::function<bool(const core::Edge&)>& fn) {
  return ScanEdges(fn, true);
}

Status RocksReader::ForEachDecodableArticle(const std::function<bool(const core::Article&)>& fn) {
  return ScanArticles(0, fn, true);
}

}  // namespace actorgraph::storage
