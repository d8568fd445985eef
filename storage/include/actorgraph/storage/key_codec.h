// The RocksDB key layout (storage/FORMAT.md): a one-byte kind, then big-endian fixed-width
// fields, so that byte order is numeric order and every scan is a prefix scan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/core/graph_delta.h"
#include "actorgraph/core/model.h"

namespace actorgraph::storage {

namespace kind {
inline constexpr char kNode = 'N';
inline constexpr char kOut = 'O';
inline constexpr char kIn = 'I';
inline constexpr char kEvidence = 'V';
inline constexpr char kIndex = 'X';
inline constexpr char kArticle = 'A';
inline constexpr char kHash = 'H';
inline constexpr char kMeta = 'M';
inline constexpr char kDegree = 'D';
}  // namespace kind

// The only index so far: names and aliases of nodes.
inline constexpr uint8_t kNameIndex = 1;

void AppendU64(std::string& out, uint64_t v);
uint64_t ReadU64(std::string_view in);  // reads the first 8 bytes, big-endian

std::string NodeKey(core::NodeId id);
// 'O' | src | type | dst ; the prefixes allow scans by node and by (node, type).
std::string OutKey(const core::EdgeKey& e);
// 'I' | dst | type | src
std::string InKey(const core::EdgeKey& e);
std::string AdjacencyPrefix(char direction_kind, core::NodeId id);
std::string AdjacencyPrefix(char direction_kind, core::NodeId id, core::EdgeType type);
std::string EvidenceKey(const core::EdgeKey& e, core::EvidenceId id);
std::string EvidencePrefix(const core::EdgeKey& e);
// 'X' | index | folded_name | 0x00 | node ; folded names never contain 0x00.
std::string IndexKey(std::string_view folded_name, core::NodeId node);
std::string IndexExactPrefix(std::string_view folded_name);
std::string IndexPrefix(std::string_view folded_prefix);
std::string ArticleKey(core::ArticleId id);
std::string HashKey(std::string_view content_hash);
std::string MetaKey(std::string_view name);
// 'D' | node | direction (1 out, 2 in) | edge type -> u64 count
std::string DegreeKey(core::NodeId node, uint8_t direction, core::EdgeType type);
std::string DegreePrefix(core::NodeId node);

// The smallest key greater than every key that starts with `prefix` (for iterate_upper_bound).
std::string PrefixSuccessor(std::string prefix);

// Decoders: nullopt when the key does not have the expected kind or length.
std::optional<core::NodeId> DecodeNodeKey(std::string_view key);
// An 'O' or 'I' key, returned as the logical edge (src, type, dst) in both cases.
std::optional<core::EdgeKey> DecodeAdjacencyKey(std::string_view key);
std::optional<std::pair<core::EdgeKey, core::EvidenceId>> DecodeEvidenceKey(std::string_view key);
std::optional<core::IndexEntry> DecodeIndexKey(std::string_view key);

}  // namespace actorgraph::storage
