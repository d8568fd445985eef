// Facts one article states, before resolution against the graph: the hand-off from the
// extractor (importers/) to entity resolution (core/resolver.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/core/model.h"

namespace actorgraph::core {

struct EntityFact {
  NodeType type = NodeType::kPerson;
  std::string name;                  // the fullest form the article gives
  std::vector<std::string> aliases;  // other surface forms in the article (acronyms, short forms)
  // Other names of the same actor from reference data, not from the article (a country's
  // ISO 3166 names: "Republic of Acmeland" for "Acmeland"). The resolver matches on them
  // too, but neither indexes them nor records them as aliases.
  std::vector<std::string> known_as = {};
};

struct RelationFact {
  EdgeType type = EdgeType::kWorksFor;
  size_t from = 0;  // index into the entity list
  size_t to = 0;
  std::string title;  // works-for: the role as written, else empty
  std::string sentence;
  uint32_t begin = 0;  // byte offsets of the sentence in the article text
  uint32_t end = 0;
  double confidence = 0.5;  // in (0, 1]
};

}  // namespace actorgraph::core
