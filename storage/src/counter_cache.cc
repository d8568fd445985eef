#include "counter_cache.h"

#include "actorgraph/storage/key_codec.h"

namespace actorgraph::storage {

bool CounterCache::Keeps(std::string_view key) {
  static const std::string kPrefix = MetaKey("count/");
  return key.starts_with(kPrefix);
}

std::optional<uint64_t> CounterCache::Find(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

void CounterCache::Set(const std::string& key, uint64_t value) { values_[key] = value; }

void CounterCache::Forget(const std::string& key) { values_.erase(key); }

void CounterCache::Clear() { values_.clear(); }

}  // namespace actorgraph::storage
