// Helpers shared by the reader and source tests: data locations, files, temporary folders,
// and the word-overlap measure the HTML scorer uses.
#pragma once

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "support/temp_dir.h"

namespace actorgraph::importers::testing {

// tests/importers/data, next to this header.
inline std::filesystem::path DataDir() {
  return std::filesystem::path(__FILE__).parent_path() / "data";
}

// $ACTORGRAPH_CORPUS_DIR, else ../shared/corpus beside the repository.
inline std::filesystem::path CorpusDir() {
  if (const char* env = std::getenv("ACTORGRAPH_CORPUS_DIR")) return env;
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path() /
         "shared" / "corpus";
}

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary)
      .write(data.data(), static_cast<std::streamsize>(data.size()));
}

// A fresh folder under the system's temporary directory, removed with its contents.
using ::actorgraph::testing::TempDir;

// F1 of the bags of lower-cased words of two texts (non-ASCII bytes count as letters).
inline double WordF1(std::string_view got, std::string_view want) {
  auto bag = [](std::string_view s) {
    std::map<std::string, int> words;
    std::string w;
    for (char ch : s) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c >= 0x80 || c == '_') {
        w.push_back(static_cast<char>(std::tolower(c)));
      } else if (!w.empty()) {
        ++words[w];
        w.clear();
      }
    }
    if (!w.empty()) ++words[w];
    return words;
  };
  auto g = bag(got), t = bag(want);
  double common = 0, ng = 0, nt = 0;
  for (auto& [w, n] : g) {
    ng += n;
    auto it = t.find(w);
    if (it != t.end()) common += std::min(n, it->second);
  }
  for (auto& [w, n] : t) nt += n;
  if (common == 0) return 0;
  double p = common / ng, r = common / nt;
  return 2 * p * r / (p + r);
}

}  // namespace actorgraph::importers::testing
