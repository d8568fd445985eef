// A one-line progress display for long imports, drawn on stderr only when it is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace actorgraph::cli {

class Progress {
 public:
  Progress();
  // Counts one more article; redraws at most ten times a second.
  void Tick(const std::string& current);
  // Clears the line (when drawn) so that the summary starts on a clean line.
  void Finish();
  double elapsed_seconds() const;
  uint64_t count() const { return count_; }

 private:
  bool enabled_;
  uint64_t count_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace actorgraph::cli
