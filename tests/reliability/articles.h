// Generated press articles for the reliability tests: each one distinct (a distinct content
// hash), written in the style the extractor reads (apposition, speech verbs, "organised by").
#pragma once

#include <string>
#include <vector>

namespace actorgraph::testing {

// The text of article `i` (deterministic in `i` and `seed`).
std::string GeneratedArticle(int i, unsigned seed = 1);

// Writes articles [0, n) as NNNNN.txt files into `dir` (created); returns their paths in order.
std::vector<std::string> WriteGeneratedArticles(const std::string& dir, int n, unsigned seed = 1);

}  // namespace actorgraph::testing
