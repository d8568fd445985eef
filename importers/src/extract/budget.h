// One article's ExtractionLimits as the extraction stages apply them: the caps on sentence
// length and mentions, the CPU deadline, and which caps were hit.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "actorgraph/importers/extraction.h"

namespace actorgraph::importers::extract {

// Thrown by Budget::Check when the CPU budget is spent; Extractor::Extract turns it into
// Extraction::too_complex. Only extraction's own stages throw it, never a thread kill.
struct BudgetExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Budget {
 public:
  // Starts the CPU clock of the calling thread, which must be the one that extracts.
  explicit Budget(const ExtractionLimits& limits);
  // No caps and no deadline (training reads its documents whole).
  static Budget Unlimited();

  size_t max_sentence_tokens() const { return limits_.max_sentence_tokens; }
  size_t max_mentions() const { return limits_.max_mentions; }

  // Throws BudgetExceeded naming `stage` once this thread has used more CPU than the budget
  // since construction. One clock_gettime: call it at stage boundaries and once per sentence
  // (or mention) in the loops that grow with the article.
  void Check(const char* stage) const;

  // Records that a cap was hit ("sentence_split", "mentions_capped"); each is kept once.
  void NoteLimit(const char* name);
  const std::vector<std::string>& limits_hit() const { return limits_hit_; }

 private:
  ExtractionLimits limits_;
  std::chrono::nanoseconds start_;
  std::vector<std::string> limits_hit_;
};

// CPU time used so far by the calling thread.
std::chrono::nanoseconds ThreadCpuTime();

}  // namespace actorgraph::importers::extract
