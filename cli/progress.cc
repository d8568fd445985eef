#include "progress.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace actorgraph::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::string Thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Size(uint64_t bytes) {
  char buf[32];
  if (bytes < 1000000)
    std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

std::string Duration(double seconds) {
  const auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

std::string ProgressLine(uint64_t articles, double seconds, uint64_t bytes_done,
                         uint64_t total_bytes) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f/s", seconds > 0 ? articles / seconds : 0.0);
  std::string line = Thousands(articles) + " articles, " + rate;
  if (total_bytes == 0 || bytes_done == 0) return line;
  const double share = std::min(1.0, static_cast<double>(bytes_done) / total_bytes);
  line += ", " + std::to_string(static_cast<int>(share * 100)) + "% of " + Size(total_bytes);
  if (share < 1.0) line += ", about " + Duration(seconds * (1.0 - share) / share) + " left";
  return line;
}

Progress::Progress(uint64_t total_bytes, std::chrono::milliseconds log_every)
    : on_terminal_(isatty(STDERR_FILENO) == 1),
      total_bytes_(total_bytes),
      log_every_(log_every),
      start_(std::chrono::steady_clock::now()),
      last_shown_(start_) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Tick(const std::string& current, uint64_t bytes_done) {
  ++count_;
  auto now = std::chrono::steady_clock::now();
  if (now - last_shown_ < (on_terminal_ ? kRedrawEvery : log_every_)) return;
  last_shown_ = now;
  const std::string line = ProgressLine(count_, elapsed_seconds(), bytes_done, total_bytes_);
  if (!on_terminal_) {
    spdlog::info("import: {}", line);
    return;
  }
  std::string shown = current.size() > 40 ? "..." + current.substr(current.size() - 37) : current;
  std::fprintf(stderr, "\r\033[K[%s] %s", line.c_str(), shown.c_str());
  std::fflush(stderr);
}

void Progress::Finish() {
  if (on_terminal_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace actorgraph::cli
