// The executor's stages. Rows are pushed from the first stage to the last: a MATCH stage
// extends each row with every match of its pattern, a projection stage computes WITH/RETURN
// items (streaming, or holding rows when it sorts or aggregates) and the collector keeps the
// result. Push returns false when the stage needs no more rows (a LIMIT was reached), so the
// expansions upstream stop at once; Finish flushes what a stage holds, then finishes the next.
#pragma once

#include <memory>

#include "actorgraph/core/graph_snapshot.h"
#include "query/eval.h"
#include "query/plan.h"

namespace actorgraph::core::query {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual bool Push(Row& row) = 0;
  virtual void Finish() = 0;
};

struct ExecContext {
  const GraphSnapshot& snapshot;
  GraphReader* names;  // may be null
  const Parameters& parameters;
  Budget& budget;
  EvalContext eval() const { return EvalContext{snapshot, parameters, nullptr}; }
};

std::unique_ptr<Stage> MakeMatchStage(const MatchPlan& plan, const ExecContext& ctx, Stage* next);
std::unique_ptr<Stage> MakeProjectionStage(const ProjectionPlan& plan, const ExecContext& ctx,
                                           Stage* next);

}  // namespace actorgraph::core::query
