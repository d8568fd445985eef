#include "extract/relations.h"

namespace actorgraph::importers::extract {

std::vector<core::RelationFact> Relate(const ParsedDoc& doc,
                                       const std::vector<core::EntityFact>& entities) {
  return {};
}

}  // namespace actorgraph::importers::extract
