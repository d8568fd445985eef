#include "actorgraph/core/model.h"

namespace actorgraph::core {

const char* NodeTypeName(NodeType t) {
  switch (t) {
    case NodeType::kPerson:
      return "person";
    case NodeType::kCompany:
      return "company";
    case NodeType::kAgency:
      return "agency";
    case NodeType::kEvent:
      return "event";
    case NodeType::kLocation:
      return "location";
  }
  return "unknown";
}

const char* EdgeTypeName(EdgeType t) {
  switch (t) {
    case EdgeType::kWorksFor:
      return "works-for";
    case EdgeType::kSpeaksAt:
      return "speaks-at";
    case EdgeType::kModerates:
      return "moderates";
    case EdgeType::kOrganizes:
      return "organizes";
    case EdgeType::kPartOf:
      return "part-of";
    case EdgeType::kLocatedIn:
      return "located-in";
    case EdgeType::kPartnersWith:
      return "partners-with";
  }
  return "unknown";
}

std::optional<NodeType> ParseNodeType(std::string_view name) {
  for (NodeType t : kAllNodeTypes)
    if (name == NodeTypeName(t)) return t;
  return std::nullopt;
}

std::optional<EdgeType> ParseEdgeType(std::string_view name) {
  for (EdgeType t : kAllEdgeTypes)
    if (name == EdgeTypeName(t)) return t;
  return std::nullopt;
}

bool IsOrganization(NodeType t) { return t == NodeType::kCompany || t == NodeType::kAgency; }

bool EdgeAllowed(EdgeType e, NodeType from, NodeType to) {
  switch (e) {
    case EdgeType::kWorksFor:
      return from == NodeType::kPerson && IsOrganization(to);
    case EdgeType::kSpeaksAt:
    case EdgeType::kModerates:
      return from == NodeType::kPerson && to == NodeType::kEvent;
    case EdgeType::kOrganizes:
      return IsOrganization(from) && to == NodeType::kEvent;
    case EdgeType::kPartOf:
      return (IsOrganization(from) && IsOrganization(to)) ||
             (from == NodeType::kEvent && to == NodeType::kEvent);
    case EdgeType::kLocatedIn:
      return (from == NodeType::kEvent || IsOrganization(from)) && to == NodeType::kLocation;
    case EdgeType::kPartnersWith:
      return IsOrganization(from) && IsOrganization(to);
  }
  return false;
}

bool IsSymmetric(EdgeType e) { return e == EdgeType::kPartnersWith; }

double CombineConfidence(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

}  // namespace actorgraph::core
