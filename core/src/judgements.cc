#include "actorgraph/core/judgements.h"

#include <cinttypes>
#include <cstdio>

namespace actorgraph::core {

namespace {

constexpr size_t kHexDigits = 16;

std::string Hex16(uint64_t v) {
  char buf[kHexDigits + 1];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::string NodePrefix(NodeId id) { return kDistinctPrefix + Hex16(id) + "/"; }

std::optional<uint64_t> ParseHex16(const std::string& text, size_t at) {
  if (text.size() < at + kHexDigits) return std::nullopt;
  uint64_t v = 0;
  for (size_t i = at; i < at + kHexDigits; ++i) {
    char c = text[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    v = v << 4 | static_cast<uint64_t>(digit);
  }
  return v;
}

}  // namespace

std::string DistinctPairKey(NodeId a, NodeId b) { return NodePrefix(a) + Hex16(b); }

std::optional<std::pair<NodeId, NodeId>> ParseDistinctPairKey(const std::string& key) {
  const std::string prefix = kDistinctPrefix;
  if (key.size() != prefix.size() + 2 * kHexDigits + 1 || key.compare(0, prefix.size(), prefix) ||
      key[prefix.size() + kHexDigits] != '/')
    return std::nullopt;
  auto a = ParseHex16(key, prefix.size());
  auto b = ParseHex16(key, prefix.size() + kHexDigits + 1);
  if (!a || !b) return std::nullopt;
  return std::pair<NodeId, NodeId>{*a, *b};
}

bool JudgedDistinct(GraphReader& reader, NodeId a, NodeId b) {
  return reader.GetMeta(DistinctPairKey(a, b)).has_value();
}

bool HasDistinctJudgements(GraphReader& reader) {
  return !reader.ScanMeta(kDistinctPrefix, "", 1).empty();
}

std::vector<NodeId> JudgedDistinctFrom(GraphReader& reader, NodeId id) {
  std::vector<NodeId> out;
  for (const MetaPut& m : reader.ScanMeta(NodePrefix(id), "", SIZE_MAX))
    if (auto pair = ParseDistinctPairKey(m.key)) out.push_back(pair->second);
  return out;
}

}  // namespace actorgraph::core
