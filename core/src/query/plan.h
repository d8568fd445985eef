// The plan of a query: per MATCH clause an ordered list of steps (where to start, which edges
// to expand, which filters to check after each step), per WITH / RETURN a projection. The
// planner (planner.cc) builds it from the parsed Query, binding every variable to a slot of
// the row and checking types; the executor (matcher.cc, projection.cc) runs it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "query/ast.h"

namespace actorgraph::core::query {

// What a slot or an expression is known to hold before the query runs.
enum class StaticType { kUnknown, kNull, kBool, kInt, kFloat, kString, kList, kNode, kEdge };
const char* StaticTypeName(StaticType t);

using Row = std::vector<Value>;

struct MatchStep {
  enum Kind { kScan, kLookupId, kLookupName, kCheckBound, kExpand, kVarExpand, kShortest } kind;
  int node_slot = -1;  // the node this step binds (or checks); for expansions the far end
  uint8_t node_types = 0xff;
  const Expr* key = nullptr;  // lookups: the id or name (a list for IN)
  bool key_is_list = false;
  int from_slot = -1;  // expansions: the bound near end
  int edge_slot = -1;  // expansions: the edge (a list of edges for kVarExpand)
  uint8_t edge_types = 0xff;
  RelDirection direction = RelDirection::kBoth;  // seen from the near end
  bool far_bound = false;  // the far end was bound before: check it instead of binding it
  uint32_t min_hops = 1, max_hops = 1;
  std::vector<const Expr*> filters;  // conjuncts that can be checked once this step is done
  std::string description;           // for EXPLAIN
};

struct MatchPlan {
  bool optional = false;
  std::vector<const Expr*> pre_filters;  // conjuncts over variables bound before the clause
  std::vector<MatchStep> steps;
  std::vector<int> new_slots;  // slots this clause binds (set to null by OPTIONAL MATCH)
};

struct ProjectionPlan {
  bool is_return = false;
  bool distinct = false;
  std::vector<const Expr*> items;
  std::vector<std::string> names;
  std::vector<bool> has_aggregate;      // per item
  std::vector<const Expr*> aggregates;  // the aggregate calls, by Expr::aggregate
  bool aggregating = false;
  // ORDER BY, bound over the output row when aggregating or DISTINCT, otherwise over the
  // output row followed by the input row (slots items.size() + input slot).
  std::vector<std::pair<const Expr*, bool>> order;  // (expression, descending)
  bool order_sees_input = false;
  int64_t skip = 0;
  int64_t limit = -1;           // -1: none
  const Expr* where = nullptr;  // WITH ... WHERE, over the output row
  size_t out_size = 0;          // slots of the rows it emits (the next part's scope)
};

struct Part {
  enum Kind { kMatch, kProjection } kind;
  MatchPlan match;
  ProjectionPlan projection;
};

struct Plan {
  bool explain = false;
  size_t first_size = 0;  // slots of the first part's rows
  std::vector<Part> parts;
  std::vector<std::string> columns;
  std::vector<std::string> explain_lines;
  std::vector<ExprPtr> owned;  // expressions the planner made (property maps, RETURN *)
};

// Builds the plan of `query` (which must outlive it). `names_available`: a name index can
// serve lookups. Throws QueryFailure for unknown variables, labels or properties, wrong types
// (parameters included), and constructs the executor does not support.
Plan BuildPlan(Query& query, const GraphSnapshot& snapshot, const Parameters& parameters,
               bool names_available);

// The time budget and the held-rows budget of one run.
struct Budget {
  std::chrono::steady_clock::time_point deadline;
  std::chrono::milliseconds timeout{0};
  size_t max_buffered = 0;
  size_t buffered = 0;
  uint32_t ticks = 0;
  // Every loop of the executor ticks; the clock is read every 256 ticks.
  void Tick() {
    if ((++ticks & 255) == 0) CheckClock();
  }
  void CheckClock();
  // Counts `n` more values held (sorting, grouping, DISTINCT, collect): too_large past the cap.
  void Hold(size_t n);
};

}  // namespace actorgraph::core::query
