#include "actorgraph/storage/key_codec.h"

namespace actorgraph::storage {

void AppendU64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

uint64_t ReadU64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

namespace {
std::string KindAndId(char k, uint64_t id) {
  std::string key(1, k);
  AppendU64(key, id);
  return key;
}
}  // namespace

std::string NodeKey(core::NodeId id) { return KindAndId(kind::kNode, id); }

std::string OutKey(const core::EdgeKey& e) {
  std::string key = AdjacencyPrefix(kind::kOut, e.src, e.type);
  AppendU64(key, e.dst);
  return key;
}

std::string InKey(const core::EdgeKey& e) {
  std::string key = AdjacencyPrefix(kind::kIn, e.dst, e.type);
  AppendU64(key, e.src);
  return key;
}

std::string AdjacencyPrefix(char direction_kind, core::NodeId id) {
  return KindAndId(direction_kind, id);
}

std::string AdjacencyPrefix(char direction_kind, core::NodeId id, core::EdgeType type) {
  std::string key = KindAndId(direction_kind, id);
  key.push_back(static_cast<char>(type));
  return key;
}

std::string EvidencePrefix(const core::EdgeKey& e) {
  std::string key = KindAndId(kind::kEvidence, e.src);
  key.push_back(static_cast<char>(e.type));
  AppendU64(key, e.dst);
  return key;
}

std::string EvidenceKey(const core::EdgeKey& e, core::EvidenceId id) {
  std::string key = EvidencePrefix(e);
  AppendU64(key, id);
  return key;
}

std::string IndexPrefix(std::string_view folded_prefix) {
  std::string key(1, kind::kIndex);
  key.push_back(static_cast<char>(kNameIndex));
  key.append(folded_prefix);
  return key;
}

std::string IndexExactPrefix(std::string_view folded_name) {
  std::string key = IndexPrefix(folded_name);
  key.push_back('\0');
  return key;
}

std::string IndexKey(std::string_view folded_name, core::NodeId node) {
  std::string key = IndexExactPrefix(folded_name);
  AppendU64(key, node);
  return key;
}

std::string ArticleKey(core::ArticleId id) { return KindAndId(kind::kArticle, id); }

std::string HashKey(std::string_view content_hash) {
  std::string key(1, kind::kHash);
  key.append(content_hash);
  return key;
}

std::string MetaKey(std::string_view name) {
  std::string key(1, kind::kMeta);
  key.append(name);
  return key;
}

std::string DegreePrefix(core::NodeId node) { return KindAndId(kind::kDegree, node); }

std::string DegreeKey(core::NodeId node, uint8_t direction, core::EdgeType type) {
  std::string key = DegreePrefix(node);
  key.push_back(static_cast<char>(direction));
  key.push_back(static_cast<char>(type));
  return key;
}

std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char last = static_cast<unsigned char>(prefix.back());
    if (last != 0xff) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return std::string(1, '\xff');  // no successor: a bound past every key we write
}

std::optional<core::NodeId> DecodeNodeKey(std::string_view key) {
  if (key.size() != 9 || key[0] != kind::kNode) return std::nullopt;
  return ReadU64(key.substr(1));
}

std::optional<core::EdgeKey> DecodeAdjacencyKey(std::string_view key) {
  if (key.size() != 18 || (key[0] != kind::kOut && key[0] != kind::kIn)) return std::nullopt;
  core::NodeId first = ReadU64(key.substr(1));
  auto type = static_cast<core::EdgeType>(static_cast<uint8_t>(key[9]));
  core::NodeId second = ReadU64(key.substr(10));
  if (key[0] == kind::kOut) return core::EdgeKey{first, type, second};
  return core::EdgeKey{second, type, first};
}

std::optional<std::pair<core::EdgeKey, core::EvidenceId>> DecodeEvidenceKey(std::string_view key) {
  if (key.size() != 26 || key[0] != kind::kEvidence) return std::nullopt;
  core::EdgeKey e{ReadU64(key.substr(1)), static_cast<core::EdgeType>(static_cast<uint8_t>(key[9])),
                  ReadU64(key.substr(10))};
  return std::make_pair(e, ReadU64(key.substr(18)));
}

std::optional<core::IndexEntry> DecodeIndexKey(std::string_view key) {
  if (key.size() < 11 || key[0] != kind::kIndex || key[key.size() - 9] != '\0') return std::nullopt;
  return core::IndexEntry{std::string(key.substr(2, key.size() - 11)),
                          ReadU64(key.substr(key.size() - 8))};
}

}  // namespace actorgraph::storage
