#include "budget.h"

#include <time.h>

#include <algorithm>
#include <limits>

namespace actorgraph::importers::extract {

std::chrono::nanoseconds ThreadCpuTime() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

Budget::Budget(const ExtractionLimits& limits) : limits_(limits), start_(ThreadCpuTime()) {}

Budget Budget::Unlimited() {
  ExtractionLimits none;
  none.max_sentence_tokens = std::numeric_limits<size_t>::max();
  none.max_mentions = std::numeric_limits<size_t>::max();
  none.cpu_budget = std::chrono::milliseconds::zero();
  return Budget(none);
}

void Budget::Check(const char* stage) const {
  if (limits_.cpu_budget == std::chrono::milliseconds::zero()) return;
  auto used = ThreadCpuTime() - start_;
  if (used <= limits_.cpu_budget) return;
  throw BudgetExceeded(
      "extraction used more than its " + std::to_string(limits_.cpu_budget.count()) +
      " ms CPU budget (" +
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(used).count()) +
      " ms, during " + stage + ")");
}

void Budget::NoteLimit(const char* name) {
  if (std::find(limits_hit_.begin(), limits_hit_.end(), name) == limits_hit_.end())
    limits_hit_.push_back(name);
}

}  // namespace actorgraph::importers::extract
