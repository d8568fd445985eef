// The bit-parallel edit distance gives the dynamic programme's answers.
#include "../../core/src/edit_distance.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using actorgraph::core::BoundedEditDistance;
using actorgraph::core::EditPattern;

TEST_CASE("edit distance: known pairs", "[search]") {
  CHECK(BoundedEditDistance("kitten", "sitting", 5) == 3);
  CHECK(EditPattern("kitten").Distance("sitting", 5) == 3);
  CHECK(EditPattern("kitten").Distance("sitting", 2) == 3);  // bound + 1 past the bound
  CHECK(EditPattern("siemens").Distance("siemens", 3) == 0);
  CHECK(EditPattern("").Distance("abc", 5) == 3);
  CHECK(EditPattern("abc").Distance("", 5) == 3);
  CHECK(EditPattern("abc").Distance("", 1) == 2);
}

TEST_CASE("edit distance: bit-parallel equals the dynamic programme", "[search]") {
  std::mt19937 rng(7);
  // Few letters, so that strings share many characters; UTF-8 bytes and spaces among them.
  const std::string alphabet = "abcde \xc3\xa9";
  auto random_string = [&](size_t max) {
    std::string s(rng() % (max + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  size_t within = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string a = random_string(n % 3 == 0 ? 70 : 20), b = random_string(24);
    const size_t bound = rng() % 6;
    const size_t expected = BoundedEditDistance(a, b, bound);
    INFO("a=" << a << " b=" << b << " bound=" << bound);
    REQUIRE(EditPattern(a).Distance(b, bound) == expected);
    within += expected <= bound;
  }
  CHECK(within > 300);  // the bound was met often enough for the comparison to mean something
}
