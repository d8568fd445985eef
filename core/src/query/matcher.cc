// The MATCH stage: a depth-first walk over the plan's steps for each input row. Edges come
// from the snapshot's incidence lists, cut to the admitted edge types by binary search (each
// node's outgoing and incoming edges are sorted by type), so a node's edges of other types
// are never visited and a LIMIT stops the walk after the rows it needs. Within one MATCH an
// edge is used at most once (openCypher's relationship uniqueness).
#include <algorithm>

#include "actorgraph/core/names.h"
#include "actorgraph/core/paths.h"
#include "query/executor.h"
#include "query/failure.h"

namespace actorgraph::core::query {

namespace {

bool Admits(uint8_t mask, NodeType t) { return mask & (1u << static_cast<int>(t)); }
bool Admits(uint8_t mask, EdgeType t) { return mask & (1u << static_cast<int>(t)); }

class MatchStage : public Stage {
 public:
  MatchStage(const MatchPlan& plan, const ExecContext& ctx, Stage* next)
      : plan_(plan), ctx_(ctx), eval_(ctx.eval()), next_(next) {}

  bool Push(Row& row) override {
    for (const Expr* f : plan_.pre_filters)
      if (!Holds(*f, row, eval_)) return Unmatched(row);
    matched_ = false;
    used_.clear();
    bool more = Step(0, row);
    if (!more) return false;
    if (!matched_) return Unmatched(row);
    return true;
  }

  void Finish() override { next_->Finish(); }

 private:
  // OPTIONAL MATCH: the row once, with the clause's variables null.
  bool Unmatched(Row& row) {
    if (!plan_.optional) return true;
    for (int s : plan_.new_slots) row[static_cast<size_t>(s)] = Value();
    return next_->Push(row);
  }

  bool Filters(const MatchStep& s, const Row& row) {
    for (const Expr* f : s.filters)
      if (!Holds(*f, row, eval_)) return false;
    return true;
  }

  // Binds node `i` at step `k` (if its types admit it) and goes on.
  bool BindNode(size_t k, Row& row, GraphSnapshot::Index i) {
    const MatchStep& s = plan_.steps[k];
    if (!Admits(s.node_types, ctx_.snapshot.node(i).type)) return true;
    row[static_cast<size_t>(s.node_slot)] = NodeRef{i};
    if (!Filters(s, row)) return true;
    return Step(k + 1, row);
  }

  bool Step(size_t k, Row& row) {
    ctx_.budget.Tick();
    if (k == plan_.steps.size()) {
      matched_ = true;
      return next_->Push(row);
    }
    const MatchStep& s = plan_.steps[k];
    const GraphSnapshot& snap = ctx_.snapshot;
    switch (s.kind) {
      case MatchStep::kScan:
        for (size_t i = 0; i < snap.node_count(); ++i) {
          ctx_.budget.Tick();
          if (!BindNode(k, row, static_cast<GraphSnapshot::Index>(i))) return false;
        }
        return true;
      case MatchStep::kCheckBound: {
        const Value& v = row[static_cast<size_t>(s.node_slot)];
        if (!v.is_node() || !Admits(s.node_types, snap.node(v.as_node().index).type)) return true;
        if (!Filters(s, row)) return true;
        return Step(k + 1, row);
      }
      case MatchStep::kLookupId:
      case MatchStep::kLookupName:
        return Lookup(k, row);
      case MatchStep::kExpand:
        return Expand(k, row);
      case MatchStep::kShortest:
        return Shortest(k, row);
      case MatchStep::kVarExpand: {
        const Value& from = row[static_cast<size_t>(s.from_slot)];
        if (!from.is_node()) return true;
        path_.clear();
        return Walk(k, row, from.as_node().index);
      }
    }
    return true;
  }

  bool Lookup(size_t k, Row& row) {
    const MatchStep& s = plan_.steps[k];
    Value key = Eval(*s.key, row, eval_);
    std::vector<Value> keys;
    if (s.key_is_list) {
      if (!key.is_list()) return true;
      keys = key.as_list();
    } else {
      keys.push_back(key);
    }
    std::vector<GraphSnapshot::Index> found;
    for (const Value& k2 : keys) {
      if (!k2.is_string()) continue;
      if (s.kind == MatchStep::kLookupId) {
        const std::string& t = k2.as_string();
        NodeId id = 0;
        if (t.empty() || t.size() > 20 || t.find_first_not_of("0123456789") != std::string::npos)
          continue;
        try {
          id = std::stoull(t);
        } catch (...) {
          continue;
        }
        if (std::to_string(id) != t) continue;  // "007" is no node's id
        auto i = ctx_.snapshot.Find(id);
        if (i != GraphSnapshot::kNone) found.push_back(i);
      } else {
        std::string folded = FoldName(k2.as_string());
        if (folded.empty()) continue;
        for (NodeId id : ctx_.names->LookupExact(folded)) {
          auto i = ctx_.snapshot.Find(id);
          if (i != GraphSnapshot::kNone) found.push_back(i);
        }
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (auto i : found)
      if (!BindNode(k, row, i)) return false;  // the lookup's own condition is a filter too
    return true;
  }

  // The edges of node `i` a step may take, by direction and type: calls fn(edge) until it
  // returns false.
  template <typename Fn>
  bool ForEdges(const MatchStep& s, GraphSnapshot::Index i, Fn&& fn) {
    const GraphSnapshot& snap = ctx_.snapshot;
    auto half = [&](std::span<const uint32_t> edges) {
      if (s.edge_types == 0xff) {
        for (uint32_t e : edges)
          if (!fn(e)) return false;
        return true;
      }
      for (EdgeType t : kAllEdgeTypes) {
        if (!Admits(s.edge_types, t)) continue;
        auto lo = std::partition_point(edges.begin(), edges.end(),
                                       [&](uint32_t e) { return snap.edge(e).key.type < t; });
        for (auto it = lo; it != edges.end() && snap.edge(*it).key.type == t; ++it)
          if (!fn(*it)) return false;
      }
      return true;
    };
    if (s.direction != RelDirection::kLeft && !half(snap.Outgoing(i))) return false;
    if (s.direction != RelDirection::kRight && !half(snap.Incoming(i))) return false;
    return true;
  }

  bool Used(uint32_t e) const {
    return std::find(used_.begin(), used_.end(), e) != used_.end() ||
           std::find(path_.begin(), path_.end(), e) != path_.end();
  }

  bool FarAdmitted(const MatchStep& s, const Row& row, GraphSnapshot::Index far) {
    if (s.far_bound) {
      const Value& bound = row[static_cast<size_t>(s.node_slot)];
      return bound.is_node() && bound.as_node().index == far;
    }
    return Admits(s.node_types, ctx_.snapshot.node(far).type);
  }

  bool Expand(size_t k, Row& row) {
    const MatchStep& s = plan_.steps[k];
    const Value& from = row[static_cast<size_t>(s.from_slot)];
    if (!from.is_node()) return true;
    GraphSnapshot::Index near = from.as_node().index;
    return ForEdges(s, near, [&](uint32_t e) {
      ctx_.budget.Tick();
      if (Used(e)) return true;
      GraphSnapshot::Index far = ctx_.snapshot.Other(e, near);
      if (!FarAdmitted(s, row, far)) return true;
      row[static_cast<size_t>(s.edge_slot)] = EdgeRef{e};
      if (!s.far_bound) row[static_cast<size_t>(s.node_slot)] = NodeRef{far};
      if (!Filters(s, row)) return true;
      used_.push_back(e);
      bool more = Step(k + 1, row);
      used_.pop_back();
      return more;
    });
  }

  // shortestPath(): one shortest path between the two bound ends (core::ShortestPaths, a
  // bidirectional search over the admitted edge types), as a list of edges.
  bool Shortest(size_t k, Row& row) {
    const MatchStep& s = plan_.steps[k];
    const Value& from = row[static_cast<size_t>(s.from_slot)];
    const Value& to = row[static_cast<size_t>(s.node_slot)];
    if (!from.is_node() || !to.is_node()) return true;
    PathQuery q;
    q.from = from.as_node().index;
    q.to = to.as_node().index;
    q.max_depth = s.max_hops;
    q.k = 1;
    if (s.edge_types != 0xff)
      for (EdgeType t : kAllEdgeTypes)
        if (Admits(s.edge_types, t)) q.filter.edge_types.push_back(t);
    ctx_.budget.Tick();
    auto paths = ShortestPaths(ctx_.snapshot, q);
    if (paths.empty() || paths[0].edges.size() < s.min_hops) return true;
    List edges;
    for (uint32_t e : paths[0].edges) edges.emplace_back(EdgeRef{e});
    row[static_cast<size_t>(s.edge_slot)] = std::move(edges);
    if (!Filters(s, row)) return true;
    return Step(k + 1, row);
  }

  // Variable length: every trail from the near end of min..max edges (no edge twice).
  bool Walk(size_t k, Row& row, GraphSnapshot::Index at) {
    const MatchStep& s = plan_.steps[k];
    ctx_.budget.Tick();
    if (path_.size() >= s.min_hops && FarAdmitted(s, row, at)) {
      List edges;
      edges.reserve(path_.size());
      for (uint32_t e : path_) edges.emplace_back(EdgeRef{e});
      row[static_cast<size_t>(s.edge_slot)] = std::move(edges);
      if (!s.far_bound) row[static_cast<size_t>(s.node_slot)] = NodeRef{at};
      if (Filters(s, row)) {
        size_t mark = used_.size();
        used_.insert(used_.end(), path_.begin(), path_.end());
        std::vector<uint32_t> saved;
        saved.swap(path_);  // the steps after this one walk paths of their own
        bool more = Step(k + 1, row);
        path_.swap(saved);
        used_.resize(mark);
        if (!more) return false;
      }
    }
    if (path_.size() == s.max_hops) return true;
    return ForEdges(s, at, [&](uint32_t e) {
      if (Used(e)) return true;
      path_.push_back(e);
      bool more = Walk(k, row, ctx_.snapshot.Other(e, at));
      path_.pop_back();
      return more;
    });
  }

  const MatchPlan& plan_;
  ExecContext ctx_;
  EvalContext eval_;
  Stage* next_;
  bool matched_ = false;
  std::vector<uint32_t> used_;  // edges bound by earlier steps of this clause
  std::vector<uint32_t> path_;  // the current variable-length walk
};

}  // namespace

std::unique_ptr<Stage> MakeMatchStage(const MatchPlan& plan, const ExecContext& ctx, Stage* next) {
  return std::make_unique<MatchStage>(plan, ctx, next);
}

}  // namespace actorgraph::core::query
