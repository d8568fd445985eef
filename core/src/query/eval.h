// Expression evaluation over one row: properties of nodes and edges read from the snapshot,
// Cypher's three-valued logic (null propagates; AND/OR short-circuit on a deciding side).
#pragma once

#include "actorgraph/core/graph_snapshot.h"
#include "query/plan.h"

namespace actorgraph::core::query {

struct EvalContext {
  const GraphSnapshot& snapshot;
  const Parameters& parameters;
  const Value* aggregates = nullptr;  // a group's aggregate values, by Expr::aggregate
};

Value Eval(const Expr& e, const Row& row, const EvalContext& ctx);
// A WHERE condition holds: it evaluates to true (null and false reject the row).
bool Holds(const Expr& e, const Row& row, const EvalContext& ctx);
// A node's or an edge's property (query.h lists them); null for a missing one.
Value NodeProperty(const GraphSnapshot& snap, GraphSnapshot::Index i, Prop p);
Value EdgeProperty(const GraphSnapshot& snap, uint32_t e, Prop p);

}  // namespace actorgraph::core::query
