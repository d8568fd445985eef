#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace actorgraph::cli {

Progress::Progress()
    : enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Tick(const std::string& current) {
  ++count_;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double secs = elapsed_seconds();
  std::string shown = current.size() > 50 ? "..." + current.substr(current.size() - 47) : current;
  std::fprintf(stderr, "\r\033[K[%8llu articles  %8.1f articles/s] %s",
               static_cast<unsigned long long>(count_), secs > 0 ? count_ / secs : 0.0,
               shown.c_str());
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace actorgraph::cli
