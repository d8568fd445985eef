#include "command_suggestion.h"

#include <algorithm>
#include <cctype>

namespace actorgraph::cli {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Optimal string alignment distance (Levenshtein with adjacent transpositions).
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> ClosestCommand(const std::string& typed,
                                          const std::vector<std::string>& known) {
  const std::string t = Lower(typed);
  if (t.empty()) return std::nullopt;
  std::vector<std::string> starting;
  for (const auto& k : known)
    if (k.rfind(t, 0) == 0) starting.push_back(k);
  if (starting.size() == 1) return starting[0];
  std::optional<std::string> best;
  size_t best_distance = 0;
  bool tie = false;
  for (const auto& k : known) {
    const size_t distance = EditDistance(t, k);
    if (distance > std::max<size_t>(1, k.size() / 3)) continue;
    if (!best || distance < best_distance) {
      best = k;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace actorgraph::cli
