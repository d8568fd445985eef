// The page the HTML reader tests put a block of boilerplate into, and what they check of the
// body the reader extracts from it.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "actorgraph/importers/readers.h"

namespace actorgraph::importers::testing {

inline bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A news page whose article holds three paragraphs with `block` between the second and the
// third; returns the body the reader extracts.
inline std::string BodyWith(const std::string& block) {
  const std::string page = R"(<!doctype html><html><head>
    <title>Acme opens a plant in Tromso</title></head><body>
    <article class="post"><h1>Acme opens a plant in Tromso</h1>
      <p>Acme Robotics opened its first robotics plant in Tromso, Troms County, on Tuesday, the company told reporters.</p>
      <p>"This plant is a milestone for our growth in Norway, and for our customers in the region," said Jane Doe, Chief Technology Officer at Acme Robotics.</p>
      )" + block + R"(
      <p>The plant will employ 1,200 people, produce controllers, drives and sensors, and supply carmakers, electronics makers and machine builders.</p>
    </article></body></html>)";
  auto doc = ReadHtml(page);
  REQUIRE(doc.ok());
  CHECK(Contains(doc->text, "on Tuesday, the company told reporters."));
  CHECK(Contains(doc->text, "Chief Technology Officer at Acme Robotics."));
  CHECK(Contains(doc->text, "electronics makers and machine builders."));
  return doc->text;
}

}  // namespace actorgraph::importers::testing
