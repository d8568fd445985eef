#include "actorgraph/storage/integrity_check.h"

#include <filesystem>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "actorgraph/core/curation.h"
#include "actorgraph/core/hashing.h"
#include "actorgraph/core/model.h"
#include "actorgraph/storage/key_codec.h"
#include "live_view.h"
#include "record_codec.h"

namespace actorgraph::storage {

using core::EdgeKey;
using core::EdgeType;
using core::NodeId;
using core::NodeType;
using core::Status;

bool IntegrityReport::ok() const {
  for (const auto& inv : invariants)
    if (!inv.ok()) return false;
  return true;
}

namespace {

struct EdgeKeyHash {
  size_t operator()(const EdgeKey& e) const {
    return e.src * 0x9e3779b97f4a7c15ULL ^
           (e.dst + static_cast<uint64_t>(e.type) * 0xff51afd7ed558ccdULL);
  }
};

bool ValidEdgeType(EdgeType t) {
  auto v = static_cast<uint8_t>(t);
  return v >= 1 && v <= 7;
}

std::string EdgeName(const EdgeKey& e) {
  std::string type = ValidEdgeType(e.type) ? core::EdgeTypeName(e.type)
                                           : "type#" + std::to_string(static_cast<int>(e.type));
  return std::to_string(e.src) + " -[" + type + "]-> " + std::to_string(e.dst);
}

std::string Printable(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// What the scan learned about one logical edge from its 'O' record.
struct EdgeState {
  NodeType src_type{}, dst_type{};
  uint64_t record_hash = 0;
  uint64_t evidence_count = 0;  // as the record states
  uint64_t evidence_found = 0;  // 'V' keys under the edge
  bool mirrored = false;
};

class Checker {
 public:
  // `tables_open`: whether a plain open of the database finds every table file the MANIFEST
  // names (a secondary instance leaves a missing one out of its view without a word).
  Checker(rocksdb::DB* db, size_t max_examples, rocksdb::Status tables_open)
      : db_(db), max_examples_(max_examples), tables_open_(std::move(tables_open)) {}

  Status Run(IntegrityReport* report) {
    CheckTableFiles();
    AG_RETURN_IF_ERROR(ScanMeta());
    CheckFormatRecord();
    AG_RETURN_IF_ERROR(ScanNodes());
    AG_RETURN_IF_ERROR(ScanOut());
    AG_RETURN_IF_ERROR(ScanIn());
    AG_RETURN_IF_ERROR(ScanEvidence());
    CheckEdges();
    AG_RETURN_IF_ERROR(ScanIndex());
    AG_RETURN_IF_ERROR(ScanArticles());
    AG_RETURN_IF_ERROR(ScanHashes());
    AG_RETURN_IF_ERROR(ScanDegrees());
    CheckCounters();
    report->invariants = {files_, format_, records_,  mirrors_, evidence_,
                          ends_,  index_,  articles_, counters_};
    report->scanned = scanned_;
    return Status::Ok();
  }

 private:
  using Visit = std::function<void(std::string_view key, std::string_view value)>;

  // Visits every key of one kind in key order.
  Status Scan(char kind, const Visit& fn) {
    std::string prefix(1, kind), upper = PrefixSuccessor(prefix);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro;
    ro.iterate_upper_bound = &upper_slice;
    ro.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
    uint64_t& n = scanned_[prefix];
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      ++n;
      fn(std::string_view(it->key().data(), it->key().size()),
         std::string_view(it->value().data(), it->value().size()));
    }
    if (!it->status().ok())
      return Status::IoError("scan " + prefix + ": " + it->status().ToString());
    return Status::Ok();
  }

  void Fail(InvariantResult& inv, const std::string& example) {
    ++inv.violations;
    if (inv.examples.size() < max_examples_) inv.examples.push_back(example);
  }
  // Every table file the MANIFEST names is there with its recorded size, and every block of
  // it reads back with a matching checksum: a deleted, truncated or altered file is named
  // here, where a scan would only see fewer keys.
  void CheckTableFiles() {
    if (!tables_open_.ok()) Fail(files_, tables_open_.ToString());
    std::vector<rocksdb::LiveFileMetaData> files;
    db_->GetLiveFilesMetaData(&files);
    for (const auto& f : files) {
      std::error_code ec;
      const std::string path = f.db_path + "/" + f.name;
      const uintmax_t size = std::filesystem::file_size(path, ec);
      if (ec)
        Fail(files_, f.name + " is missing");
      else if (size != f.size)
        Fail(files_, f.name + " has " + std::to_string(size) + " bytes, the MANIFEST says " +
                         std::to_string(f.size));
    }
    if (files_.ok())
      if (rocksdb::Status s = db_->VerifyChecksum(); !s.ok()) Fail(files_, s.ToString());
    table_files_ = files.size();
  }

  // The format record is there whenever anything is: only a database that was created and
  // never written (no key, no table file) may lack it.
  void CheckFormatRecord() {
    std::string version;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), MetaKey("format_version"), &version);
    if (s.ok()) return;
    if (!s.IsNotFound()) return Fail(format_, "the format record cannot be read: " + s.ToString());
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
    it->SeekToFirst();
    if (it->Valid() || table_files_ > 0 || !it->status().ok())
      Fail(format_, "no format record, yet the database holds " +
                        std::string(it->Valid() ? "keys" : "table files"));
  }

  void BadRecord(std::string_view key, const std::string& what) {
    Fail(records_, what + " at key " + Printable(key));
  }

  Status ScanMeta() {
    return Scan(kind::kMeta, [&](std::string_view key, std::string_view value) {
      std::string name(key.substr(1));
      if (name.rfind("count/", 0) == 0) {
        stored_counters_[name] = DecodeCount(value);
        if (EncodeCount(DecodeCount(value)) != value) BadRecord(key, "malformed counter");
      } else if (auto merged = core::ParseMergedNodeRecord({name, std::string(value)})) {
        merged_.insert(merged->first);
      }
    });
  }

  Status ScanNodes() {
    return Scan(kind::kNode, [&](std::string_view key, std::string_view value) {
      auto id = DecodeNodeKey(key);
      core::Node node;
      if (!id || !DecodeNode(value, *id, &node)) return BadRecord(key, "malformed node");
      nodes_[*id] = node.type;
      ++recount_["count/node/" + std::string(core::NodeTypeName(node.type))];
    });
  }

  Status ScanOut() {
    return Scan(kind::kOut, [&](std::string_view key, std::string_view value) {
      auto edge_key = DecodeAdjacencyKey(key);
      core::Edge edge;
      if (!edge_key || !ValidEdgeType(edge_key->type)) return BadRecord(key, "malformed edge key");
      if (!DecodeEdge(value, *edge_key, &edge)) return BadRecord(key, "malformed edge record");
      EdgeState& state = edges_[*edge_key];
      state.record_hash = core::Hash64(value);
      state.evidence_count = edge.evidence_count;
      ++recount_["count/edge/" + std::string(core::EdgeTypeName(edge_key->type))];
      ++degrees_[DegreeKey(edge_key->src, 1, edge_key->type)];
      ++degrees_[DegreeKey(edge_key->dst, 2, edge_key->type)];
      CheckEnds(*edge_key);
    });
  }

  void CheckEnds(const EdgeKey& e) {
    auto src = nodes_.find(e.src), dst = nodes_.find(e.dst);
    if (src == nodes_.end()) return Fail(ends_, EdgeName(e) + ": source is not a live node");
    if (dst == nodes_.end()) return Fail(ends_, EdgeName(e) + ": target is not a live node");
    if (!core::EdgeAllowed(e.type, src->second, dst->second))
      return Fail(ends_, EdgeName(e) + ": " + core::NodeTypeName(src->second) + " -> " +
                             core::NodeTypeName(dst->second) + " is not allowed");
    if (core::IsSymmetric(e.type) && e.src >= e.dst)
      Fail(ends_, EdgeName(e) + ": a symmetric edge must go from the smaller id to the larger");
  }

  Status ScanIn() {
    return Scan(kind::kIn, [&](std::string_view key, std::string_view value) {
      auto edge_key = DecodeAdjacencyKey(key);
      if (!edge_key) return BadRecord(key, "malformed edge key");
      auto it = edges_.find(*edge_key);
      if (it == edges_.end())
        return Fail(mirrors_, "I " + EdgeName(*edge_key) + " has no O record");
      it->second.mirrored = true;
      if (it->second.record_hash != core::Hash64(value))
        Fail(mirrors_, "I " + EdgeName(*edge_key) + " differs from its O record");
    });
  }

  Status ScanEvidence() {
    return Scan(kind::kEvidence, [&](std::string_view key, std::string_view value) {
      auto decoded = DecodeEvidenceKey(key);
      core::Evidence ev;
      if (!decoded || !DecodeEvidence(value, decoded->second, &ev))
        return BadRecord(key, "malformed evidence");
      ++recount_["count/evidence"];
      auto it = edges_.find(decoded->first);
      if (it == edges_.end())
        return Fail(evidence_, "evidence " + std::to_string(decoded->second) + " of " +
                                   EdgeName(decoded->first) + " belongs to no edge");
      ++it->second.evidence_found;
    });
  }

  void CheckEdges() {
    for (const auto& [key, state] : edges_) {
      if (!state.mirrored) Fail(mirrors_, "O " + EdgeName(key) + " has no I mirror");
      if (state.evidence_found == 0)
        Fail(evidence_, EdgeName(key) + " has no evidence");
      else if (state.evidence_found != state.evidence_count)
        Fail(evidence_, EdgeName(key) + " has evidence_count " +
                            std::to_string(state.evidence_count) + " but " +
                            std::to_string(state.evidence_found) + " evidence records");
    }
  }

  Status ScanIndex() {
    return Scan(kind::kIndex, [&](std::string_view key, std::string_view) {
      auto entry = DecodeIndexKey(key);
      if (!entry || static_cast<uint8_t>(key[1]) != kNameIndex)
        return BadRecord(key, "malformed index key");
      if (!nodes_.count(entry->node))
        Fail(index_, "index entry \"" + Printable(entry->folded_name) + "\" points to " +
                         std::to_string(entry->node) + ", not a live node");
    });
  }

  Status ScanArticles() {
    return Scan(kind::kArticle, [&](std::string_view key, std::string_view value) {
      core::Article a;
      if (key.size() != 9 || !DecodeArticle(value, ReadU64(key.substr(1)), &a))
        return BadRecord(key, "malformed article");
      ++recount_["count/articles"];
      auto [it, fresh] = articles_by_hash_.emplace(a.content_hash, a.id);
      if (!fresh)
        Fail(articles_, "articles " + std::to_string(it->second) + " and " + std::to_string(a.id) +
                            " share the hash " + Printable(a.content_hash));
      for (NodeId m : a.mentions)
        if (!nodes_.count(m) && !merged_.count(m))
          Fail(articles_, "article " + std::to_string(a.id) + " mentions " + std::to_string(m) +
                              ", neither live nor merged");
    });
  }

  Status ScanHashes() {
    std::unordered_set<std::string> hashed;
    AG_RETURN_IF_ERROR(Scan(kind::kHash, [&](std::string_view key, std::string_view value) {
      if (value.size() != 8) return BadRecord(key, "malformed hash entry");
      std::string hash(key.substr(1));
      uint64_t id = ReadU64(value);
      auto it = articles_by_hash_.find(hash);
      if (it == articles_by_hash_.end() || it->second != id)
        return Fail(articles_, "hash " + Printable(hash) + " points to " + std::to_string(id) +
                                   ", not an article with that hash");
      hashed.insert(hash);
    }));
    for (const auto& [hash, id] : articles_by_hash_)
      if (!hashed.count(hash))
        Fail(articles_,
             "article " + std::to_string(id) + " has no H entry for its hash " + Printable(hash));
    return Status::Ok();
  }

  Status ScanDegrees() {
    return Scan(kind::kDegree, [&](std::string_view key, std::string_view value) {
      if (key.size() != 11 || EncodeCount(DecodeCount(value)) != value)
        return BadRecord(key, "malformed degree");
      std::string k(key);
      uint64_t stored = DecodeCount(value), counted = 0;
      if (auto it = degrees_.find(k); it != degrees_.end()) {
        counted = it->second;
        degrees_.erase(it);
      }
      if (stored != counted)
        Fail(counters_, "degree of node " + std::to_string(ReadU64(key.substr(1))) +
                            " (direction " + std::to_string(static_cast<int>(key[9])) +
                            ", edge type " + std::to_string(static_cast<int>(key[10])) + ") is " +
                            std::to_string(stored) + ", a recount gives " +
                            std::to_string(counted));
    });
  }

  void CheckCounters() {
    for (const auto& [key, counted] : degrees_)
      Fail(counters_, "degree of node " + std::to_string(ReadU64(std::string_view(key).substr(1))) +
                          " (direction " + std::to_string(static_cast<int>(key[9])) +
                          ", edge type " + std::to_string(static_cast<int>(key[10])) +
                          ") is missing, a recount gives " + std::to_string(counted));
    std::vector<std::string> names = {"count/articles", "count/evidence"};
    for (NodeType t : core::kAllNodeTypes)
      names.push_back(std::string("count/node/") + core::NodeTypeName(t));
    for (EdgeType t : core::kAllEdgeTypes)
      names.push_back(std::string("count/edge/") + core::EdgeTypeName(t));
    for (const auto& name : names) {
      uint64_t stored = stored_counters_.count(name) ? stored_counters_[name] : 0;
      uint64_t counted = recount_.count(name) ? recount_[name] : 0;
      if (stored != counted)
        Fail(counters_, name + " is " + std::to_string(stored) + ", a recount gives " +
                            std::to_string(counted));
    }
  }

  rocksdb::DB* db_;
  size_t max_examples_;
  rocksdb::Status tables_open_;

  InvariantResult files_{
      "table-files",
      "every table file the MANIFEST names is present, whole and passes its checksums",
      0,
      {}};
  InvariantResult format_{"format", "the format record is present in a written database", 0, {}};
  size_t table_files_ = 0;
  InvariantResult records_{"records", "every key and record decodes", 0, {}};
  InvariantResult mirrors_{"edge-mirrors",
                           "every O key has its I mirror with the same record, and every I its O",
                           0,
                           {}};
  InvariantResult evidence_{
      "edge-evidence",
      "every edge has >= 1 evidence record, evidence_count equals their number, "
      "every V belongs to a live edge",
      0,
      {}};
  InvariantResult ends_{"edge-ends",
                        "both ends of every edge are live nodes whose types the edge type allows",
                        0,
                        {}};
  InvariantResult index_{"index-entries", "every X entry points to a live node", 0, {}};
  InvariantResult articles_{
      "articles",
      "every A has its H entry pointing back and vice versa; mentions are live or "
      "merged nodes",
      0,
      {}};
  InvariantResult counters_{"counters", "the count/* and D counters equal a recount", 0, {}};

  std::map<std::string, uint64_t> scanned_;
  std::map<std::string, uint64_t> stored_counters_, recount_;
  std::unordered_set<NodeId> merged_;
  std::unordered_map<NodeId, NodeType> nodes_;
  std::unordered_map<EdgeKey, EdgeState, EdgeKeyHash> edges_;
  std::unordered_map<std::string, uint64_t> degrees_;  // D key -> recount
  std::unordered_map<std::string, core::ArticleId> articles_by_hash_;
};

// Opens `dir` read-only with every table file opened at once, which fails when one the
// MANIFEST names is missing. A server may delete compacted files between reading the MANIFEST
// and opening them, so a failure is tried once more before it counts.
rocksdb::Status OpenEveryTableFile(const std::string& dir) {
  rocksdb::Options options;
  options.create_if_missing = false;
  options.max_open_files = -1;
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  rocksdb::Status s;
  for (int attempt = 0; attempt < 2; ++attempt) {
    rocksdb::DB* raw = nullptr;
    s = rocksdb::DB::OpenForReadOnly(options, dir, &raw);
    std::unique_ptr<rocksdb::DB> db(raw);
    if (s.ok()) return s;
  }
  return s;
}

}  // namespace

core::Result<IntegrityReport> CheckIntegrity(const std::string& dir,
                                             const IntegrityCheckOptions& options) {
  auto view = LiveView::Open(dir);
  if (!view.ok()) return view.status();
  IntegrityReport report;
  AG_RETURN_IF_ERROR(
      Checker((*view)->db(), options.max_examples, OpenEveryTableFile(dir)).Run(&report));
  return report;
}

}  // namespace actorgraph::storage
