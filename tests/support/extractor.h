// The extractor every test of a binary shares: opened once from importers::DataDir()
// ($ACTORGRAPH_DATA, set by tests/CMakeLists.txt to the build's data folder). When it cannot
// be opened, every test that asks for it fails with the reason.
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "actorgraph/importers/extraction.h"

namespace actorgraph::testing {

inline const importers::Extractor& SharedExtractor() {
  static const auto opened = importers::Extractor::Open({});
  if (!opened.ok())
    FAIL("cannot open the extractor from " << importers::DataDir() << ": "
                                           << opened.status().ToString());
  return *opened.value();
}

}  // namespace actorgraph::testing
