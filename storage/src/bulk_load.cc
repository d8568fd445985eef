#include "actorgraph/storage/bulk_load.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "record_codec.h"

namespace actorgraph::storage {

using core::Result;
using core::Status;
namespace fs = std::filesystem;

namespace {

// A record packed into an arena: offset and length.
struct Slot {
  uint64_t off = 0;
  uint32_t len = 0;
};

struct NodeRec {
  core::NodeId id;
  uint32_t seq;
  uint8_t type;
  Slot rec;
};

struct EdgeRec {
  core::NodeId src, dst;
  uint32_t seq;
  uint8_t type;
  Slot rec;
};

struct EvidenceRec {
  core::NodeId src, dst;
  core::EvidenceId id;
  uint32_t seq;
  uint8_t type;
  Slot rec;
};

struct KeyValue {
  std::string key, value;
  uint32_t seq;
};

// Encodes a record straight onto the end of an arena.
template <typename Record, typename AppendFn>
Slot AppendRecord(std::string& arena, const Record& record, AppendFn append) {
  uint64_t off = arena.size();
  append(arena, record);
  return Slot{off, static_cast<uint32_t>(arena.size() - off)};
}

inline void PutBE(char* p, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

// The records are written in key order but lie in the arena in arrival order: fetching the
// one a few places ahead hides the cache miss of that random read.
constexpr size_t kPrefetchDistance = 8;
template <typename Rec>
void PrefetchRecord(const std::vector<Rec>& recs, size_t i, const std::string& arena) {
  if (i + kPrefetchDistance < recs.size())
    __builtin_prefetch(arena.data() + recs[i + kPrefetchDistance].rec.off);
}

// Sorts by key (then insertion order) and keeps the last record of each key: the same result
// as applying the puts in order.
template <typename T, typename Less, typename Same>
void SortKeepLast(std::vector<T>& v, Less less, Same same) {
  std::sort(v.begin(), v.end(), [&](const T& a, const T& b) {
    if (less(a, b)) return true;
    if (less(b, a)) return false;
    return a.seq < b.seq;
  });
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i + 1 < v.size() && same(v[i], v[i + 1])) continue;  // a later put replaces this one
    if (out != i) v[out] = std::move(v[i]);
    ++out;
  }
  v.resize(out);
}

// The same table format as RocksGraphStore::Open (no compression, whole-key bloom filters),
// without the filter for the kinds that are only ever scanned by prefix (I, X): a filter there
// is never consulted, and building it cost ~5% of a load. Compactions later write them with one.
rocksdb::Options TableOptions(bool point_reads) {
  rocksdb::Options o;
  o.compression = rocksdb::kNoCompression;
  rocksdb::BlockBasedTableOptions table;
  if (point_reads) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IoError(what + ": " + s.ToString());
}

// One copy of an edge seen from one end: the O record (near = source) or the I record
// (near = target).
struct AdjacencyRec {
  core::NodeId near, far;
  uint8_t type;
  uint32_t seq;
  Slot rec;
};

// How many edges of one type a node has in one direction.
struct DegreeRun {
  core::NodeId node;
  uint8_t type;
  uint64_t count;
};

// One sorted SST file; an empty one is not created.
class SstOut {
 public:
  // The written pages stay in the OS page cache (invalidate_page_cache = false): the database
  // reads them right after the load.
  SstOut(const rocksdb::Options& options, std::string path)
      : writer_(rocksdb::EnvOptions(), options, nullptr, /*invalidate_page_cache=*/false),
        path_(std::move(path)) {}
  Status Put(const rocksdb::Slice& key, const rocksdb::Slice& value) {
    if (!open_) {
      AG_RETURN_IF_ERROR(FromRocks(writer_.Open(path_), "open " + path_));
      open_ = true;
    }
    ++keys_;
    return FromRocks(writer_.Put(key, value), "sst put");
  }
  // The file's path when it has keys, else empty.
  Result<std::string> Finish(uint64_t* keys, uint64_t* bytes) {
    if (!open_) return std::string();
    rocksdb::ExternalSstFileInfo info;
    AG_RETURN_IF_ERROR(FromRocks(writer_.Finish(&info), "finish " + path_));
    *keys += keys_;
    *bytes += info.file_size;
    return path_;
  }

 private:
  rocksdb::SstFileWriter writer_;
  std::string path_;
  bool open_ = false;
  uint64_t keys_ = 0;
};

// Sorts the copies by key (the last put of a key kept), writes them under `kind` and appends
// the node's degree runs in key order.
Status WriteAdjacency(char kind, std::vector<AdjacencyRec>& recs, const std::string& arena,
                      SstOut& out, std::vector<DegreeRun>* degree) {
  SortKeepLast(
      recs,
      [](const AdjacencyRec& a, const AdjacencyRec& b) {
        return std::tie(a.near, a.type, a.far) < std::tie(b.near, b.type, b.far);
      },
      [](const AdjacencyRec& a, const AdjacencyRec& b) {
        return a.near == b.near && a.type == b.type && a.far == b.far;
      });
  char key[18] = {kind};
  for (size_t i = 0; i < recs.size(); ++i) {
    PrefetchRecord(recs, i, arena);
    const AdjacencyRec& e = recs[i];
    PutBE(key + 1, e.near);
    key[9] = static_cast<char>(e.type);
    PutBE(key + 10, e.far);
    AG_RETURN_IF_ERROR(
        out.Put(rocksdb::Slice(key, 18), rocksdb::Slice(arena.data() + e.rec.off, e.rec.len)));
    if (!degree->empty() && degree->back().node == e.near && degree->back().type == e.type)
      ++degree->back().count;
    else
      degree->push_back({e.near, e.type, 1});
  }
  return Status::Ok();
}

// Runs the tasks on `threads` threads; returns the first error.
Status RunParallel(std::vector<std::function<Status()>> tasks, size_t threads) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  Status first;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < tasks.size();) {
      Status s = tasks[i]();
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (first.ok()) first = s;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::max<size_t>(1, threads); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return first;
}

}  // namespace

std::string ExternalIdMetaName(std::string_view source, std::string_view external_id) {
  std::string name = "ext/";
  name.append(source);
  name.push_back('/');
  name.append(external_id);
  return name;
}

core::NodeId DecodeExternalIdValue(std::string_view value) {
  return value.size() == 8 ? ReadU64(value) : 0;
}

struct BulkLoader::Impl {
  BulkLoadOptions options;
  uint32_t seq = 0;
  std::string node_arena, edge_arena, evidence_arena;
  std::vector<NodeRec> nodes;
  std::vector<EdgeRec> edges;
  std::vector<EvidenceRec> evidence;
  std::vector<std::string> index_keys;  // full X keys
  std::vector<KeyValue> meta;           // name (without the kind byte) -> value
  std::vector<KeyValue> articles;       // A key -> record
  std::vector<KeyValue> hashes;         // H key -> article id
};

BulkLoader::BulkLoader(const BulkLoadOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}
BulkLoader::~BulkLoader() = default;

void BulkLoader::AddNode(const core::Node& node) {
  impl_->nodes.push_back({node.id, impl_->seq++, static_cast<uint8_t>(node.type),
                          AppendRecord(impl_->node_arena, node, AppendNode)});
}

void BulkLoader::AddEdge(const core::Edge& edge) {
  impl_->edges.push_back({edge.key.src, edge.key.dst, impl_->seq++,
                          static_cast<uint8_t>(edge.key.type),
                          AppendRecord(impl_->edge_arena, edge, AppendEdge)});
}

void BulkLoader::AddEvidence(const core::EdgeKey& edge, const core::Evidence& evidence) {
  impl_->evidence.push_back({edge.src, edge.dst, evidence.id, impl_->seq++,
                             static_cast<uint8_t>(edge.type),
                             AppendRecord(impl_->evidence_arena, evidence, AppendEvidence)});
}

void BulkLoader::AddIndex(const core::IndexEntry& entry) {
  impl_->index_keys.push_back(IndexKey(entry.folded_name, entry.node));
}

void BulkLoader::AddArticle(const core::Article& a) {
  uint32_t s = impl_->seq++;
  impl_->articles.push_back({ArticleKey(a.id), EncodeArticle(a), s});
  std::string id;
  AppendU64(id, a.id);
  impl_->hashes.push_back({HashKey(a.content_hash), id, s});
}

void BulkLoader::AddMeta(const std::string& name, const std::string& value) {
  impl_->meta.push_back({name, value, impl_->seq++});
}

void BulkLoader::AddExternalId(std::string_view source, std::string_view external_id,
                               core::NodeId node) {
  std::string value;
  AppendU64(value, node);
  impl_->meta.push_back({ExternalIdMetaName(source, external_id), std::move(value), impl_->seq++});
}

void BulkLoader::Append(BulkLoader&& other) {
  Impl& m = *impl_;
  Impl& o = *other.impl_;
  uint32_t seq_base = m.seq;
  auto move_records = [&](auto& into, auto& from, std::string& arena, std::string& from_arena) {
    uint64_t base = arena.size();
    arena.append(from_arena);
    into.reserve(into.size() + from.size());
    for (auto r : from) {
      r.seq += seq_base;
      r.rec.off += base;
      into.push_back(r);
    }
  };
  move_records(m.nodes, o.nodes, m.node_arena, o.node_arena);
  move_records(m.edges, o.edges, m.edge_arena, o.edge_arena);
  move_records(m.evidence, o.evidence, m.evidence_arena, o.evidence_arena);
  auto move_values = [&](std::vector<KeyValue>& into, std::vector<KeyValue>& from) {
    for (auto& kv : from)
      into.push_back({std::move(kv.key), std::move(kv.value), kv.seq + seq_base});
  };
  move_values(m.meta, o.meta);
  move_values(m.articles, o.articles);
  move_values(m.hashes, o.hashes);
  m.index_keys.insert(m.index_keys.end(), std::make_move_iterator(o.index_keys.begin()),
                      std::make_move_iterator(o.index_keys.end()));
  m.seq += o.seq;
  BulkLoadOptions keep = o.options;
  o = Impl{};
  o.options = keep;
}

void BulkLoader::ReserveEdges(size_t edges, size_t evidence) {
  Impl& m = *impl_;
  m.edges.reserve(m.edges.size() + edges);
  m.evidence.reserve(m.evidence.size() + evidence);
  // Records are short: about 16 bytes an edge and 32 a piece of evidence without a sentence.
  m.edge_arena.reserve(m.edge_arena.size() + 16 * edges);
  m.evidence_arena.reserve(m.evidence_arena.size() + 32 * evidence);
}

void BulkLoader::Add(const core::GraphDelta& delta) {
  for (const auto& n : delta.put_nodes) AddNode(n);
  for (const auto& e : delta.put_edges) AddEdge(e);
  for (const auto& p : delta.put_evidence) AddEvidence(p.edge, p.evidence);
  for (const auto& i : delta.put_index) AddIndex(i);
  for (const auto& m : delta.put_meta) AddMeta(m.key, m.value);
  if (delta.article) AddArticle(*delta.article);
}

Result<BulkLoadStats> BulkLoader::Finish(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    return Status::AlreadyExists(dir +
                                 " exists and is not empty: a bulk load builds a new database");
  std::string tmp = dir + "/bulk-load.tmp";
  fs::create_directories(tmp, ec);
  if (ec) return Status::IoError("create " + tmp + ": " + ec.message());

  Impl& m = *impl_;
  const rocksdb::Options table = TableOptions(true), scanned_only = TableOptions(false);
  BulkLoadStats stats;
  std::mutex stats_mu;
  std::vector<std::string> files;
  auto finish = [&](SstOut& out) -> Status {
    uint64_t keys = 0, bytes = 0;
    auto path = out.Finish(&keys, &bytes);
    if (!path.ok()) return path.status();
    std::lock_guard<std::mutex> lock(stats_mu);
    stats.keys += keys;
    stats.sst_bytes += bytes;
    if (!path->empty()) files.push_back(*path);
    return Status::Ok();
  };
  auto sst = [&](char kind) {
    bool scanned = kind == kind::kIn || kind == kind::kIndex;
    return SstOut(scanned ? scanned_only : table, tmp + "/" + std::string(1, kind) + ".sst");
  };

  // Counters, filled by the tasks below and written with the meta records.
  std::map<uint8_t, uint64_t> node_counts, edge_counts;
  // Degree runs per direction, in (node, type) order: out from the O order, in from the I order.
  std::vector<DegreeRun> out_degree, in_degree;
  auto rec = [](const std::string& arena, Slot s) {
    return rocksdb::Slice(arena.data() + s.off, s.len);
  };

  // Both directions of every edge, each in its own order: (near end, type, far end) is the
  // O key for the outgoing copy and the I key for the incoming one.
  std::vector<AdjacencyRec> outgoing(m.edges.size()), incoming(m.edges.size());
  for (size_t i = 0; i < m.edges.size(); ++i) {
    const EdgeRec& e = m.edges[i];
    outgoing[i] = {e.src, e.dst, e.type, e.seq, e.rec};
    incoming[i] = {e.dst, e.src, e.type, e.seq, e.rec};
  }
  m.edges = {};  // the two copies replace it (a bulk load's peak memory is here)

  // Phase 1: every kind that needs nothing else, in parallel, the largest first: each sorts and
  // deduplicates its own records and writes its file. The meta records are only sorted here.
  std::vector<std::function<Status()>> phase1;
  phase1.push_back([&]() -> Status {
    SstOut out = sst(kind::kOut);
    AG_RETURN_IF_ERROR(WriteAdjacency(kind::kOut, outgoing, m.edge_arena, out, &out_degree));
    for (const auto& e : outgoing) ++edge_counts[e.type];
    stats.edges = outgoing.size();
    return finish(out);
  });
  phase1.push_back([&]() -> Status {
    SstOut out = sst(kind::kIn);
    AG_RETURN_IF_ERROR(WriteAdjacency(kind::kIn, incoming, m.edge_arena, out, &in_degree));
    return finish(out);
  });
  phase1.push_back([&]() -> Status {
    SortKeepLast(
        m.evidence,
        [](const EvidenceRec& a, const EvidenceRec& b) {
          if (a.src != b.src) return a.src < b.src;
          if (a.type != b.type) return a.type < b.type;
          if (a.dst != b.dst) return a.dst < b.dst;
          return a.id < b.id;
        },
        [](const EvidenceRec& a, const EvidenceRec& b) {
          return a.src == b.src && a.type == b.type && a.dst == b.dst && a.id == b.id;
        });
    SstOut out = sst(kind::kEvidence);
    char key[26] = {kind::kEvidence};
    for (size_t i = 0; i < m.evidence.size(); ++i) {
      PrefetchRecord(m.evidence, i, m.evidence_arena);
      const EvidenceRec& v = m.evidence[i];
      PutBE(key + 1, v.src);
      key[9] = static_cast<char>(v.type);
      PutBE(key + 10, v.dst);
      PutBE(key + 18, v.id);
      AG_RETURN_IF_ERROR(out.Put(rocksdb::Slice(key, 26), rec(m.evidence_arena, v.rec)));
    }
    stats.evidence = m.evidence.size();
    return finish(out);
  });
  phase1.push_back([&]() -> Status {
    SortKeepLast(
        m.nodes, [](const NodeRec& a, const NodeRec& b) { return a.id < b.id; },
        [](const NodeRec& a, const NodeRec& b) { return a.id == b.id; });
    SstOut out = sst(kind::kNode);
    char key[9] = {kind::kNode};
    for (size_t i = 0; i < m.nodes.size(); ++i) {
      PrefetchRecord(m.nodes, i, m.node_arena);
      const NodeRec& n = m.nodes[i];
      PutBE(key + 1, n.id);
      AG_RETURN_IF_ERROR(out.Put(rocksdb::Slice(key, 9), rec(m.node_arena, n.rec)));
      ++node_counts[n.type];
    }
    stats.nodes = m.nodes.size();
    return finish(out);
  });
  phase1.push_back([&]() -> Status {
    std::sort(m.index_keys.begin(), m.index_keys.end());
    m.index_keys.erase(std::unique(m.index_keys.begin(), m.index_keys.end()), m.index_keys.end());
    SstOut out = sst(kind::kIndex);
    for (const auto& k : m.index_keys) AG_RETURN_IF_ERROR(out.Put(k, rocksdb::Slice()));
    stats.index_entries = m.index_keys.size();
    return finish(out);
  });
  phase1.push_back([&]() -> Status {
    auto less = [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; };
    auto same = [](const KeyValue& a, const KeyValue& b) { return a.key == b.key; };
    SortKeepLast(m.articles, less, same);
    SortKeepLast(m.hashes, less, same);
    SortKeepLast(m.meta, less, same);
    SstOut a = sst(kind::kArticle), h = sst(kind::kHash);
    for (const auto& kv : m.articles) AG_RETURN_IF_ERROR(a.Put(kv.key, kv.value));
    for (const auto& kv : m.hashes) AG_RETURN_IF_ERROR(h.Put(kv.key, kv.value));
    stats.articles = m.articles.size();
    AG_RETURN_IF_ERROR(finish(a));
    return finish(h);
  });
  AG_RETURN_IF_ERROR(RunParallel(std::move(phase1), m.options.threads));

  // Phase 2: what the counts of phase 1 give: the meta records with the counters, and the
  // degree counters.
  std::vector<std::function<Status()>> phase2;
  phase2.push_back([&]() -> Status {
    // The counters and the format version, sorted, override a meta record of the same name.
    std::vector<KeyValue> counters;
    auto name = [](const char* prefix, const char* type) { return std::string(prefix) + type; };
    for (core::NodeType t : core::kAllNodeTypes) {
      auto it = node_counts.find(static_cast<uint8_t>(t));
      if (it != node_counts.end())
        counters.push_back(
            {name("count/node/", core::NodeTypeName(t)), EncodeCount(it->second), 0});
    }
    for (core::EdgeType t : core::kAllEdgeTypes) {
      auto it = edge_counts.find(static_cast<uint8_t>(t));
      if (it != edge_counts.end())
        counters.push_back(
            {name("count/edge/", core::EdgeTypeName(t)), EncodeCount(it->second), 0});
    }
    if (stats.articles) counters.push_back({"count/articles", EncodeCount(stats.articles), 0});
    if (stats.evidence) counters.push_back({"count/evidence", EncodeCount(stats.evidence), 0});
    counters.push_back({"format_version", std::to_string(kFormatVersion), 0});
    std::sort(counters.begin(), counters.end(),
              [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; });
    SstOut out = sst(kind::kMeta);
    std::string key;
    auto put = [&](const KeyValue& kv) {
      key.assign(1, kind::kMeta);
      key.append(kv.key);
      return out.Put(key, kv.value);
    };
    size_t i = 0, j = 0;
    while (i < m.meta.size() || j < counters.size()) {
      if (j == counters.size() || (i < m.meta.size() && m.meta[i].key < counters[j].key)) {
        AG_RETURN_IF_ERROR(put(m.meta[i++]));
      } else {
        if (i < m.meta.size() && m.meta[i].key == counters[j].key) ++i;  // the counter wins
        AG_RETURN_IF_ERROR(put(counters[j++]));
      }
    }
    return finish(out);
  });
  phase2.push_back([&]() -> Status {
    // A merge of the two runs in (node, direction, type) order.
    SstOut out = sst(kind::kDegree);
    char key[11] = {kind::kDegree};
    size_t i = 0, j = 0;
    while (i < out_degree.size() || j < in_degree.size()) {
      bool take_out = j == in_degree.size() ||
                      (i < out_degree.size() && out_degree[i].node <= in_degree[j].node);
      const DegreeRun& r = take_out ? out_degree[i++] : in_degree[j++];
      PutBE(key + 1, r.node);
      key[9] = take_out ? 1 : 2;
      key[10] = static_cast<char>(r.type);
      AG_RETURN_IF_ERROR(out.Put(rocksdb::Slice(key, 11), EncodeCount(r.count)));
    }
    return finish(out);
  });
  AG_RETURN_IF_ERROR(RunParallel(std::move(phase2), m.options.threads));

  // Free the buffers before the database opens.
  BulkLoadOptions keep = m.options;
  *impl_ = Impl{};
  impl_->options = keep;

  // Ingest every file into a fresh database: the kinds do not overlap, so each file goes to
  // the bottom level as is.
  rocksdb::Options options = table;
  options.create_if_missing = true;
  options.error_if_exists = true;
  rocksdb::DB* raw = nullptr;
  AG_RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(options, dir, &raw), "open " + dir));
  std::unique_ptr<rocksdb::DB> db(raw);
  if (!files.empty()) {
    std::sort(files.begin(), files.end());
    rocksdb::IngestExternalFileOptions ingest;
    ingest.move_files = true;
    AG_RETURN_IF_ERROR(FromRocks(db->IngestExternalFile(files, ingest), "ingest"));
  }
  AG_RETURN_IF_ERROR(FromRocks(db->Close(), "close " + dir));
  db.reset();
  fs::remove_all(tmp, ec);
  return stats;
}

}  // namespace actorgraph::storage
