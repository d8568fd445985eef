// Features are named by strings ("w=steel", "sh-1=Xx") and stored as their 64-bit FNV-1a hash:
// models keep no feature strings, and a feature name costs no allocation at extraction time.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace actorgraph::importers::learn {

inline uint64_t HashBytes(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The id of feature `kind`=`value` (kind and value are hashed with a separator between them).
inline uint64_t FeatureId(std::string_view kind, std::string_view value) {
  return HashBytes(value, HashBytes("=", HashBytes(kind)));
}

// The features of one decision (a token, a mention, a pair), as hashed ids.
class FeatureVector {
 public:
  void Add(std::string_view kind, std::string_view value) {
    ids_.push_back(FeatureId(kind, value));
  }
  // A conjunction of two features: "kind=a|b".
  void Add(std::string_view kind, std::string_view a, std::string_view b) {
    ids_.push_back(HashBytes(b, HashBytes("|", FeatureId(kind, a))));
  }
  void AddId(uint64_t id) { ids_.push_back(id); }
  const std::vector<uint64_t>& ids() const { return ids_; }
  std::vector<uint64_t>& ids() { return ids_; }
  void Clear() { ids_.clear(); }

 private:
  std::vector<uint64_t> ids_;
};

}  // namespace actorgraph::importers::learn
