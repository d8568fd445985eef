// The progress of a long import, on stderr. On a terminal: one line redrawn at most ten times
// a second. Otherwise (a log file, a pipe, a service manager): one log line every
// `log_every`, so that a logged import is never silent until its end. Both say how many
// articles are done, at what rate, and, when the input's size is known, the share read and
// an estimate of the time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace actorgraph::cli {

// "1,234 articles, 56.7/s, 43% of 12.3 MB, about 1 min 20 s left" (kB below 1 MB); without the
// share and the estimate when `total_bytes` is 0 (standard input) or nothing is read yet.
std::string ProgressLine(uint64_t articles, double seconds, uint64_t bytes_done,
                         uint64_t total_bytes);

class Progress {
 public:
  // `total_bytes`: the size of the whole input (0: unknown).
  Progress(uint64_t total_bytes, std::chrono::milliseconds log_every);
  // Counts one more article; `bytes_done` is how much of the input is read so far.
  void Tick(const std::string& current, uint64_t bytes_done);
  // Clears the terminal line (when drawn) so that the summary starts on a clean line.
  void Finish();
  double elapsed_seconds() const;

 private:
  bool on_terminal_;
  uint64_t total_bytes_;
  std::chrono::milliseconds log_every_;
  uint64_t count_ = 0;
  std::chrono::steady_clock::time_point start_, last_shown_;
};

}  // namespace actorgraph::cli
