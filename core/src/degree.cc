#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

uint64_t Degree::total() const {
  uint64_t sum = 0;
  for (const auto& [type, n] : out) sum += n;
  for (const auto& [type, n] : in) sum += n;
  return sum;
}

}  // namespace actorgraph::core
