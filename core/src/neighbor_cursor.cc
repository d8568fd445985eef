#include "actorgraph/core/neighbor_cursor.h"

#include <tuple>

namespace actorgraph::core {

namespace {

// Layout (18 bytes, then hex): direction tag ('O' out, 'I' in), node id (8 bytes big-endian),
// edge type (1 byte), far id (8 bytes big-endian). It is the store's adjacency key, so cursors
// issued before this codec existed stay valid.
constexpr char kOutTag = 'O', kInTag = 'I';
constexpr size_t kBytes = 18;
constexpr char kDigits[] = "0123456789abcdef";

void AppendHexByte(std::string& out, uint8_t b) {
  out.push_back(kDigits[b >> 4]);
  out.push_back(kDigits[b & 15]);
}

void AppendHexU64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) AppendHexByte(out, static_cast<uint8_t>(v >> shift));
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

bool NeighborCursor::Before(Direction d, EdgeType t, NodeId f) const {
  return std::tuple(direction != Direction::kOut, type, far) <
         std::tuple(d != Direction::kOut, t, f);
}

std::string EncodeNeighborCursor(NodeId node, const NeighborCursor& cursor) {
  std::string out;
  out.reserve(2 * kBytes);
  AppendHexByte(out, cursor.direction == Direction::kOut ? kOutTag : kInTag);
  AppendHexU64(out, node);
  AppendHexByte(out, static_cast<uint8_t>(cursor.type));
  AppendHexU64(out, cursor.far);
  return out;
}

std::optional<NeighborCursor> DecodeNeighborCursor(NodeId node, std::string_view text) {
  if (text.size() != 2 * kBytes) return std::nullopt;
  uint8_t bytes[kBytes];
  for (size_t i = 0; i < kBytes; ++i) {
    int hi = HexDigit(text[2 * i]), lo = HexDigit(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  auto u64 = [&](size_t at) {
    uint64_t v = 0;
    for (size_t i = 0; i < 8; ++i) v = (v << 8) | bytes[at + i];
    return v;
  };
  if (bytes[0] != kOutTag && bytes[0] != kInTag) return std::nullopt;
  if (u64(1) != node) return std::nullopt;
  for (EdgeType type : kAllEdgeTypes)
    if (static_cast<uint8_t>(type) == bytes[9])
      return NeighborCursor{bytes[0] == kOutTag ? Direction::kOut : Direction::kIn, type, u64(10)};
  return std::nullopt;
}

}  // namespace actorgraph::core
