// Stable, platform-independent hashes for deterministic ids. Never change these: stored ids
// depend on them (storage/FORMAT.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph::core {

// 64-bit FNV-1a followed by a splitmix64 finaliser, with a seed.
uint64_t Hash64(std::string_view data, uint64_t seed = 0);
// 128 bits as 32 lowercase hex digits (two seeded Hash64 values).
std::string ContentHash(std::string_view data);

}  // namespace actorgraph::core
