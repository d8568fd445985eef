// The WITH / RETURN stage. Without ORDER BY or aggregates it streams: each input row becomes
// an output row at once (DISTINCT keeps a set of the rows seen) and LIMIT stops the upstream
// walk. With ORDER BY or aggregates it holds rows (counted against the budget) and emits
// them from Finish: groups by the non-aggregate items, sorts stably, then SKIP and LIMIT.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/executor.h"
#include "query/failure.h"
#include "query/value_ops.h"

namespace actorgraph::core::query {

namespace {

// One aggregate function's running state.
struct Accumulator {
  int64_t count = 0;
  Value best;  // min / max
  bool float_sum = false;
  int64_t int_sum = 0;
  double sum = 0;
  List list;
  std::unordered_set<std::string> seen;  // DISTINCT
};

void Accumulate(const Expr& call, Accumulator& acc, const Row& row, const EvalContext& ctx,
                Budget& budget) {
  if (call.star) {
    ++acc.count;
    return;
  }
  Value v = Eval(*call.args[0], row, ctx);
  if (v.is_null()) return;
  if (call.distinct) {
    std::string key;
    AppendKey(v, key);
    if (!acc.seen.insert(std::move(key)).second) return;
    budget.Hold(1);
  }
  ++acc.count;
  const std::string& f = call.name;
  if (f == "collect") {
    budget.Hold(1);
    acc.list.push_back(std::move(v));
  } else if (f == "min" || f == "max") {
    if (acc.best.is_null()) {
      acc.best = std::move(v);
    } else {
      int c = OrderCompare(v, acc.best);
      if ((f == "min" && c < 0) || (f == "max" && c > 0)) acc.best = std::move(v);
    }
  } else if (f == "sum" || f == "avg") {
    if (!v.is_number())
      Refuse("type_mismatch", f + "() of a " + KindName(v) + ": " + call.text, call.offset);
    if (v.is_float()) acc.float_sum = true;
    if (v.is_int() && !acc.float_sum &&
        !__builtin_add_overflow(acc.int_sum, v.as_int(), &acc.int_sum)) {
    } else if (v.is_int() && !acc.float_sum) {
      acc.float_sum = true;  // overflowed: go on in floating point
    }
    acc.sum += v.as_number();
  }
}

Value Result(const Expr& call, const Accumulator& acc) {
  const std::string& f = call.name;
  if (f == "count") return acc.count;
  if (f == "collect") return acc.list;
  if (f == "min" || f == "max") return acc.best;
  if (f == "sum") {
    if (acc.float_sum) return acc.sum;
    return acc.int_sum;
  }
  if (acc.count == 0) return {};
  return acc.sum / static_cast<double>(acc.count);  // avg
}

class ProjectionStage : public Stage {
 public:
  ProjectionStage(const ProjectionPlan& plan, const ExecContext& ctx, Stage* next)
      : plan_(plan), ctx_(ctx), eval_(ctx.eval()), next_(next) {
    holding_ = plan.aggregating || !plan.order.empty();
  }

  bool Push(Row& in) override {
    ctx_.budget.Tick();
    if (stopped_) return false;
    if (plan_.aggregating) return AddToGroup(in);
    Row out(plan_.items.size());
    for (size_t i = 0; i < plan_.items.size(); ++i) out[i] = Eval(*plan_.items[i], in, eval_);
    if (!holding_) return Emit(std::move(out));
    Held h;
    h.sort_keys = SortKeys(out, &in);
    h.row = std::move(out);
    ctx_.budget.Hold(h.row.size() + h.sort_keys.size());
    held_.push_back(std::move(h));
    return true;
  }

  void Finish() override {
    if (plan_.aggregating) {
      // No grouping items and no rows: one row of empty aggregates (count 0, collect []).
      if (groups_.empty() && std::none_of(plan_.has_aggregate.begin(), plan_.has_aggregate.end(),
                                          [](bool a) { return !a; }))
        GroupOf(Row(), "");
      for (auto& g : group_order_) {
        std::vector<Value> results;
        for (size_t a = 0; a < plan_.aggregates.size(); ++a)
          results.push_back(Result(*plan_.aggregates[a], g->acc[a]));
        EvalContext ctx = eval_;
        ctx.aggregates = results.data();
        Row out(plan_.items.size());
        size_t key = 0;
        for (size_t i = 0; i < plan_.items.size(); ++i)
          out[i] = plan_.has_aggregate[i] ? Eval(*plan_.items[i], Row(), ctx) : g->keys[key++];
        Held h;
        h.sort_keys = SortKeys(out, nullptr);
        h.row = std::move(out);
        held_.push_back(std::move(h));
      }
    }
    if (!plan_.order.empty()) {
      std::stable_sort(held_.begin(), held_.end(), [&](const Held& a, const Held& b) {
        for (size_t k = 0; k < plan_.order.size(); ++k) {
          int c = OrderCompare(a.sort_keys[k], b.sort_keys[k]);
          if (c != 0) return plan_.order[k].second ? c > 0 : c < 0;
        }
        return false;
      });
    }
    for (Held& h : held_) {
      ctx_.budget.Tick();
      if (!Emit(std::move(h.row))) break;
    }
    held_.clear();
    next_->Finish();
  }

 private:
  struct Held {
    Row row;
    std::vector<Value> sort_keys;
  };
  struct Group {
    Row keys;
    std::vector<Accumulator> acc;
  };

  std::vector<Value> SortKeys(const Row& out, const Row* in) {
    std::vector<Value> keys;
    if (plan_.order.empty()) return keys;
    Row combined = out;
    if (plan_.order_sees_input && in) combined.insert(combined.end(), in->begin(), in->end());
    for (const auto& [e, desc] : plan_.order) keys.push_back(Eval(*e, combined, eval_));
    return keys;
  }

  Group& GroupOf(Row keys, const std::string& key) {
    auto [it, added] = groups_.try_emplace(key);
    if (added) {
      it->second = std::make_unique<Group>();
      it->second->keys = std::move(keys);
      it->second->acc.resize(plan_.aggregates.size());
      group_order_.push_back(it->second.get());
      ctx_.budget.Hold(1 + it->second->keys.size());
    }
    return *it->second;
  }

  bool AddToGroup(const Row& in) {
    Row keys;
    std::string key;
    for (size_t i = 0; i < plan_.items.size(); ++i) {
      if (plan_.has_aggregate[i]) continue;
      keys.push_back(Eval(*plan_.items[i], in, eval_));
      AppendKey(keys.back(), key);
    }
    auto& group = GroupOf(std::move(keys), key);
    for (size_t a = 0; a < plan_.aggregates.size(); ++a)
      Accumulate(*plan_.aggregates[a], group.acc[a], in, eval_, ctx_.budget);
    return true;
  }

  // DISTINCT, SKIP, LIMIT and WITH's WHERE, then the next stage.
  bool Emit(Row out) {
    if (plan_.limit >= 0 && emitted_ >= plan_.limit) return Stop();
    if (plan_.distinct) {
      std::string key;
      for (const Value& v : out) AppendKey(v, key);
      if (!seen_.insert(std::move(key)).second) return true;
      ctx_.budget.Hold(1);
    }
    if (skipped_ < plan_.skip) {
      ++skipped_;
      return true;
    }
    ++emitted_;
    out.resize(plan_.out_size);
    bool more = true;
    if (!plan_.where || Holds(*plan_.where, out, eval_)) more = next_->Push(out);
    if (!more) return Stop();
    if (plan_.limit >= 0 && emitted_ >= plan_.limit) return Stop();
    return true;
  }

  bool Stop() {
    stopped_ = true;
    return false;
  }

  const ProjectionPlan& plan_;
  ExecContext ctx_;
  EvalContext eval_;
  Stage* next_;
  bool holding_ = false;
  bool stopped_ = false;
  int64_t skipped_ = 0, emitted_ = 0;
  std::vector<Held> held_;
  std::unordered_set<std::string> seen_;
  std::unordered_map<std::string, std::unique_ptr<Group>> groups_;
  std::vector<Group*> group_order_;
};

}  // namespace

std::unique_ptr<Stage> MakeProjectionStage(const ProjectionPlan& plan, const ExecContext& ctx,
                                           Stage* next) {
  return std::make_unique<ProjectionStage>(plan, ctx, next);
}

}  // namespace actorgraph::core::query
