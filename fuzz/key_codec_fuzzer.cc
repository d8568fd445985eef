// The key decoders on arbitrary bytes: they never read past the key, and whatever they accept
// encodes back to the same key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "actorgraph/storage/key_codec.h"

namespace st = actorgraph::storage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view key(reinterpret_cast<const char*>(data), size);
  if (auto id = st::DecodeNodeKey(key); id && st::NodeKey(*id) != key) std::abort();
  if (auto e = st::DecodeAdjacencyKey(key)) {
    if ((key[0] == st::kind::kOut ? st::OutKey(*e) : st::InKey(*e)) != key) std::abort();
  }
  if (auto ev = st::DecodeEvidenceKey(key); ev && st::EvidenceKey(ev->first, ev->second) != key)
    std::abort();
  if (auto ix = st::DecodeIndexKey(key)) {
    // Only index 1 with a name free of 0x00 is a key we write.
    if (key[1] == st::kNameIndex && ix->folded_name.find('\0') == std::string::npos &&
        st::IndexKey(ix->folded_name, ix->node) != key)
      std::abort();
  }
  // The scan bound of a prefix: greater than every key that starts with it.
  if (key.find_first_not_of('\xff') != std::string_view::npos) {
    std::string successor = st::PrefixSuccessor(std::string(key));
    if (successor <= key || std::string_view(successor).substr(0, key.size()) == key) std::abort();
  }
  return 0;
}
