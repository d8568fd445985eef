// Helpers for the extractor tests: run the shared extractor on a string and look up
// entities/relations.
#pragma once

#include <string>

#include "actorgraph/core/model.h"
#include "actorgraph/core/names.h"
#include "actorgraph/importers/extraction.h"
#include "support/extractor.h"

namespace actorgraph::importers::testing {

inline Extraction ExtractText(const std::string& text) {
  Document doc;
  doc.text = text;
  return actorgraph::testing::SharedExtractor().Extract(doc);
}

// Index of the entity of that type whose name or alias folds to `name`, or -1.
inline int FindEntity(const Extraction& x, core::NodeType type, const std::string& name) {
  const std::string want = core::FoldName(name);
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const auto& e = x.entities[i];
    if (e.type != type) continue;
    if (core::FoldName(e.name) == want) return static_cast<int>(i);
    for (const auto& a : e.aliases)
      if (core::FoldName(a) == want) return static_cast<int>(i);
  }
  return -1;
}

// The relation of that type between the two named entities (either order when symmetric).
inline const core::RelationFact* FindRelation(const Extraction& x, core::EdgeType type,
                                              const std::string& from, const std::string& to) {
  for (const auto& r : x.relations) {
    if (r.type != type) continue;
    std::string a = core::FoldName(x.entities[r.from].name);
    std::string b = core::FoldName(x.entities[r.to].name);
    auto matches = [&](const std::string& have, const std::string& want, size_t idx) {
      if (have == core::FoldName(want)) return true;
      for (const auto& al : x.entities[idx].aliases)
        if (core::FoldName(al) == core::FoldName(want)) return true;
      return false;
    };
    if (matches(a, from, r.from) && matches(b, to, r.to)) return &r;
    if (core::IsSymmetric(type) && matches(a, to, r.from) && matches(b, from, r.to)) return &r;
  }
  return nullptr;
}

}  // namespace actorgraph::importers::testing
