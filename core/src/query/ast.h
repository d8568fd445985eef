// The syntax tree of a query, as the parser builds it and the planner binds it. Every node
// keeps the byte offset where it starts (errors name positions) and expressions keep their
// source text (a RETURN column without AS is named by it).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/core/model.h"
#include "actorgraph/core/query.h"

namespace actorgraph::core::query {

enum class ExprKind {
  kLiteral,  // value
  kParam,    // name
  kVar,      // name; bound: slot
  kProp,     // args[0].name; bound: prop
  kList,     // args
  kNot,      // args[0]
  kAnd,      // args[0], args[1]
  kOr,
  kXor,
  kCompare,  // op: "=", "<>", "<", "<=", ">", ">="
  kIn,       // args[0] IN args[1]
  kStartsWith,
  kEndsWith,
  kContains,
  kIsNull,  // negated: IS NOT NULL
  kArith,   // op: "+", "-", "*", "/", "%"
  kNeg,
  kIndex,  // args[0][args[1]]
  kCall,   // name (lower case), args, distinct; count(*) has star
};

// The properties the graph has (query.h lists them).
enum class Prop : uint8_t {
  kNone,
  kId,
  kName,
  kAliases,
  kType,
  kFirstSeen,
  kLastSeen,
  kTitle,
  kConfidence,
  kEvidenceCount,
  kSource,
  kTarget,
};

struct Expr {
  ExprKind kind;
  size_t offset = 0;
  std::string text;  // the source text of the whole expression
  std::string name;
  std::string op;
  Value value;
  std::vector<std::unique_ptr<Expr>> args;
  bool distinct = false;
  bool star = false;
  bool negated = false;
  // Bound by the planner.
  int slot = -1;            // kVar: the row slot
  Prop prop = Prop::kNone;  // kProp
  int aggregate = -1;       // kCall of an aggregate: its index in the projection
};
using ExprPtr = std::unique_ptr<Expr>;

struct PropertyMap {
  std::vector<std::pair<std::string, ExprPtr>> entries;
  std::vector<size_t> offsets;
};

struct NodePattern {
  std::string var;  // empty: anonymous
  bool has_labels = false;
  uint8_t types = 0xff;  // bit (1 << NodeType): admitted types
  PropertyMap props;
  size_t offset = 0;
};

enum class RelDirection { kRight, kLeft, kBoth };  // -[]->, <-[]-, -[]-

struct RelPattern {
  std::string var;
  uint8_t types = 0xff;  // bit (1 << EdgeType)
  RelDirection direction = RelDirection::kBoth;
  bool var_length = false;
  bool shortest = false;  // shortestPath((a)-[*..n]-(b)): one shortest path, both ends bound
  uint32_t min_hops = 1, max_hops = 1;
  PropertyMap props;
  size_t offset = 0;
};

struct PathPattern {
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  ExprPtr expr;
  std::string alias;  // the column name: AS or the expression's text
  bool aliased = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *
  std::vector<ReturnItem> items;
  std::vector<SortItem> order;
  ExprPtr skip, limit;
  ExprPtr where;  // WITH ... WHERE
};

struct Clause {
  enum Kind { kMatch, kWith, kReturn } kind;
  size_t offset = 0;
  bool optional = false;              // OPTIONAL MATCH
  std::vector<PathPattern> patterns;  // kMatch
  ExprPtr where;                      // kMatch
  Projection projection;              // kWith, kReturn
};

struct Query {
  bool explain = false;
  std::vector<Clause> clauses;  // the last is a RETURN
};

}  // namespace actorgraph::core::query
