// The planner: binds variables to row slots, checks types and properties, and orders each
// MATCH clause's pattern into steps that start from the most selective node (bound before, an
// id lookup, a name lookup, then the smallest set of node types) and expand along the
// pattern's edges, each filter checked as soon as its variables are bound.
#include <algorithm>
#include <map>
#include <set>

#include "query/failure.h"
#include "query/parser.h"
#include "query/plan.h"
#include "query/value_ops.h"

namespace actorgraph::core::query {

const char* StaticTypeName(StaticType t) {
  switch (t) {
    case StaticType::kUnknown:
      return "any";
    case StaticType::kNull:
      return "null";
    case StaticType::kBool:
      return "boolean";
    case StaticType::kInt:
      return "integer";
    case StaticType::kFloat:
      return "float";
    case StaticType::kString:
      return "string";
    case StaticType::kList:
      return "list";
    case StaticType::kNode:
      return "node";
    case StaticType::kEdge:
      return "edge";
  }
  return "any";
}

namespace {

struct SlotInfo {
  std::string name;
  StaticType type;
};

// The variables of one part of the query (between projections) and their row slots.
struct Scope {
  std::vector<SlotInfo> slots;
  std::map<std::string, int> names;  // visible variables
  int Add(const std::string& name, StaticType type, bool visible) {
    int slot = static_cast<int>(slots.size());
    slots.push_back({name, type});
    if (visible) names[name] = slot;
    return slot;
  }
};

StaticType TypeOfValue(const Value& v) {
  if (v.is_null()) return StaticType::kNull;
  if (v.is_bool()) return StaticType::kBool;
  if (v.is_int()) return StaticType::kInt;
  if (v.is_float()) return StaticType::kFloat;
  if (v.is_string()) return StaticType::kString;
  if (v.is_list()) return StaticType::kList;
  if (v.is_node()) return StaticType::kNode;
  return StaticType::kEdge;
}

bool Known(StaticType t) { return t != StaticType::kUnknown && t != StaticType::kNull; }
bool Numeric(StaticType t) { return t == StaticType::kInt || t == StaticType::kFloat; }
bool Comparable(StaticType a, StaticType b) {
  if (!Known(a) || !Known(b)) return true;
  if (Numeric(a) && Numeric(b)) return true;
  return a == b;
}

struct PropInfo {
  const char* name;
  Prop prop;
  bool on_node, on_edge;
  StaticType type;
};
constexpr PropInfo kProps[] = {
    {"id", Prop::kId, true, true, StaticType::kString},
    {"name", Prop::kName, true, false, StaticType::kString},
    {"aliases", Prop::kAliases, true, false, StaticType::kList},
    {"type", Prop::kType, true, true, StaticType::kString},
    {"first_seen", Prop::kFirstSeen, true, true, StaticType::kString},
    {"last_seen", Prop::kLastSeen, true, true, StaticType::kString},
    {"title", Prop::kTitle, false, true, StaticType::kString},
    {"confidence", Prop::kConfidence, false, true, StaticType::kFloat},
    {"evidence_count", Prop::kEvidenceCount, false, true, StaticType::kInt},
    {"source", Prop::kSource, false, true, StaticType::kString},
    {"target", Prop::kTarget, false, true, StaticType::kString},
};
constexpr const char* kNodeProps = "id, name, aliases, type, first_seen, last_seen";
constexpr const char* kEdgeProps =
    "id, type, source, target, title, confidence, evidence_count, first_seen, last_seen";

const PropInfo* FindProp(const std::string& name) {
  for (const auto& p : kProps)
    if (name == p.name) return &p;
  return nullptr;
}

void SlotsOf(const Expr& e, std::set<int>& out) {
  if (e.kind == ExprKind::kVar) out.insert(e.slot);
  for (const auto& a : e.args) SlotsOf(*a, out);
}

void SplitAnd(const Expr* e, std::vector<const Expr*>& out) {
  if (e->kind == ExprKind::kAnd) {
    SplitAnd(e->args[0].get(), out);
    SplitAnd(e->args[1].get(), out);
  } else {
    out.push_back(e);
  }
}

std::string TypesText(uint8_t mask, bool node) {
  if (mask == 0xff) return "";
  std::string out;
  if (node) {
    for (NodeType t : kAllNodeTypes)
      if (mask & (1u << static_cast<int>(t)))
        out += std::string(out.empty() ? ":" : "|") + NodeTypeName(t);
  } else {
    for (EdgeType t : kAllEdgeTypes)
      if (mask & (1u << static_cast<int>(t)))
        out += std::string(out.empty() ? ":" : "|") + EdgeTypeName(t);
  }
  return out.empty() ? ":(none)" : out;
}

enum class AggMode { kNone, kAllowed, kInside };

class Planner {
 public:
  Planner(Query& q, const GraphSnapshot& snap, const Parameters& params, bool names)
      : query_(q), snap_(snap), params_(params), names_available_(names) {}

  Plan Build() {
    plan_.explain = query_.explain;
    Scope scope;
    size_t last_projection = SIZE_MAX;
    bool first_segment = true;
    for (Clause& c : query_.clauses) {
      Part part;
      if (c.kind == Clause::kMatch) {
        part.kind = Part::kMatch;
        PlanMatch(c, scope, part.match);
        plan_.parts.push_back(std::move(part));
        continue;
      }
      part.kind = Part::kProjection;
      Scope out;
      PlanProjection(c, scope, part.projection, out);
      if (first_segment) plan_.first_size = scope.slots.size();
      if (last_projection != SIZE_MAX)
        plan_.parts[last_projection].projection.out_size = scope.slots.size();
      first_segment = false;
      last_projection = plan_.parts.size();
      plan_.parts.push_back(std::move(part));
      scope = std::move(out);
    }
    // The RETURN's rows are its columns.
    plan_.parts[last_projection].projection.out_size = scope.slots.size();
    plan_.columns = plan_.parts[last_projection].projection.names;
    Explain();
    return std::move(plan_);
  }

 private:
  // --- expressions --------------------------------------------------------------------------
  [[noreturn]] void Mismatch(const Expr& e, const std::string& what) {
    Refuse("type_mismatch", what + ": " + e.text, e.offset);
  }

  void Bind(Expr& e, const Scope& scope, AggMode mode, ProjectionPlan* proj) {
    if (e.kind == ExprKind::kVar) {
      if (e.slot >= 0) return;  // made by the planner, already bound
      auto it = scope.names.find(e.name);
      if (it == scope.names.end())
        Refuse("unknown_variable", "no variable '" + e.name + "' here", e.offset);
      e.slot = it->second;
      return;
    }
    if (e.kind == ExprKind::kParam) {
      auto it = params_.find(e.name);
      if (it == params_.end())
        Refuse("missing_parameter", "no value for the parameter $" + e.name, e.offset);
      return;
    }
    if (e.kind == ExprKind::kCall && IsAggregateFunction(e.name)) {
      if (mode == AggMode::kNone)
        Refuse("syntax_error", "an aggregate (" + e.text + ") can be used only in WITH or RETURN",
               e.offset);
      if (mode == AggMode::kInside)
        Refuse("syntax_error", "an aggregate inside an aggregate: " + e.text, e.offset);
      for (auto& a : e.args) Bind(*a, scope, AggMode::kInside, proj);
      e.aggregate = static_cast<int>(proj->aggregates.size());
      proj->aggregates.push_back(&e);
      StaticType t = e.args.empty() ? StaticType::kUnknown : TypeOf(*e.args[0], scope);
      if ((e.name == "sum" || e.name == "avg") && Known(t) && !Numeric(t))
        Mismatch(e, e.name + "() of a " + StaticTypeName(t));
      return;
    }
    for (auto& a : e.args) Bind(*a, scope, mode, proj);
    Check(e, scope);
  }

  // Refuses what cannot hold whatever the data: a property nodes or edges do not have, an
  // operator over values of kinds it does not take (parameters' values are known here).
  void Check(Expr& e, const Scope& scope) {
    auto type = [&](size_t i) { return TypeOf(*e.args[i], scope); };
    switch (e.kind) {
      case ExprKind::kProp: {
        const PropInfo* p = FindProp(e.name);
        StaticType t = type(0);
        if (t == StaticType::kNode && (!p || !p->on_node))
          Refuse("unknown_property", "nodes have no property '" + e.name + "' (" + kNodeProps + ")",
                 e.offset);
        if (t == StaticType::kEdge && (!p || !p->on_edge))
          Refuse("unknown_property", "edges have no property '" + e.name + "' (" + kEdgeProps + ")",
                 e.offset);
        if (!p)
          Refuse(
              "unknown_property",
              "no property '" + e.name + "' (nodes: " + kNodeProps + "; edges: " + kEdgeProps + ")",
              e.offset);
        if (Known(t) && t != StaticType::kNode && t != StaticType::kEdge)
          Mismatch(e, std::string("a property of a ") + StaticTypeName(t));
        e.prop = p->prop;
        return;
      }
      case ExprKind::kNot:
      case ExprKind::kAnd:
      case ExprKind::kOr:
      case ExprKind::kXor:
        for (size_t i = 0; i < e.args.size(); ++i)
          if (Known(type(i)) && type(i) != StaticType::kBool)
            Mismatch(*e.args[i],
                     std::string("a ") + StaticTypeName(type(i)) + " where a boolean is needed");
        return;
      case ExprKind::kCompare:
        if (!Comparable(type(0), type(1)))
          Mismatch(e, std::string("cannot compare a ") + StaticTypeName(type(0)) + " with a " +
                          StaticTypeName(type(1)));
        if (e.op != "=" && e.op != "<>" &&
            (type(0) == StaticType::kNode || type(0) == StaticType::kEdge))
          Mismatch(e, std::string(StaticTypeName(type(0))) + "s have no order");
        return;
      case ExprKind::kIn: {
        StaticType r = type(1);
        if (Known(r) && r != StaticType::kList)
          Mismatch(e, std::string("IN needs a list, found a ") + StaticTypeName(r));
        const Expr& rhs = *e.args[1];
        const Value* list = nullptr;
        if (rhs.kind == ExprKind::kParam) list = &params_.find(rhs.name)->second;
        if (rhs.kind == ExprKind::kLiteral) list = &rhs.value;
        if (list && list->is_list())
          for (const Value& v : list->as_list())
            if (!Comparable(type(0), TypeOfValue(v)))
              Mismatch(e, std::string("a ") + StaticTypeName(type(0)) + " IN a list holding a " +
                              KindName(v));
        if (rhs.kind == ExprKind::kList)
          for (const auto& a : rhs.args)
            if (!Comparable(type(0), TypeOf(*a, scope)))
              Mismatch(e, std::string("a ") + StaticTypeName(type(0)) + " IN a list holding a " +
                              StaticTypeName(TypeOf(*a, scope)));
        return;
      }
      case ExprKind::kStartsWith:
      case ExprKind::kEndsWith:
      case ExprKind::kContains:
        for (size_t i = 0; i < 2; ++i)
          if (Known(type(i)) && type(i) != StaticType::kString)
            Mismatch(e, std::string("a ") + StaticTypeName(type(i)) + " where a string is needed");
        return;
      case ExprKind::kArith: {
        StaticType a = type(0), b = type(1);
        if (!Known(a) || !Known(b)) return;
        if (e.op == "+" && (a == StaticType::kList || (a == StaticType::kString && b == a))) return;
        if (!Numeric(a) || !Numeric(b))
          Mismatch(e, std::string("cannot apply ") + e.op + " to a " + StaticTypeName(a) +
                          " and a " + StaticTypeName(b));
        return;
      }
      case ExprKind::kNeg:
        if (Known(type(0)) && !Numeric(type(0))) Mismatch(e, "cannot negate this");
        return;
      case ExprKind::kCall: {
        if (e.name == "coalesce") return;
        StaticType t = type(0);
        if (!Known(t)) return;
        if (e.name == "size" && t != StaticType::kList && t != StaticType::kString)
          Mismatch(e, std::string("size() of a ") + StaticTypeName(t));
        if ((e.name == "tolower" || e.name == "toupper") && t != StaticType::kString)
          Mismatch(e, e.name + "() of a " + StaticTypeName(t));
        if (e.name == "type" && t != StaticType::kEdge)
          Mismatch(e,
                   std::string("type() of a ") + StaticTypeName(t) + " (a node's type is n.type)");
        return;
      }
      default:
        return;
    }
  }

  StaticType TypeOf(const Expr& e, const Scope& scope) {
    switch (e.kind) {
      case ExprKind::kLiteral:
        return TypeOfValue(e.value);
      case ExprKind::kParam: {
        auto it = params_.find(e.name);
        return it == params_.end() ? StaticType::kUnknown : TypeOfValue(it->second);
      }
      case ExprKind::kVar:
        return e.slot >= 0 && static_cast<size_t>(e.slot) < scope.slots.size()
                   ? scope.slots[static_cast<size_t>(e.slot)].type
                   : StaticType::kUnknown;
      case ExprKind::kProp: {
        const PropInfo* p = FindProp(e.name);
        return p ? p->type : StaticType::kUnknown;
      }
      case ExprKind::kList:
        return StaticType::kList;
      case ExprKind::kNot:
      case ExprKind::kAnd:
      case ExprKind::kOr:
      case ExprKind::kXor:
      case ExprKind::kCompare:
      case ExprKind::kIn:
      case ExprKind::kStartsWith:
      case ExprKind::kEndsWith:
      case ExprKind::kContains:
      case ExprKind::kIsNull:
        return StaticType::kBool;
      case ExprKind::kArith: {
        StaticType a = TypeOf(*e.args[0], scope), b = TypeOf(*e.args[1], scope);
        if (a == StaticType::kInt && b == StaticType::kInt) return StaticType::kInt;
        if (Numeric(a) && Numeric(b)) return StaticType::kFloat;
        if (a == StaticType::kString && b == StaticType::kString) return StaticType::kString;
        if (a == StaticType::kList) return StaticType::kList;
        return StaticType::kUnknown;
      }
      case ExprKind::kNeg:
        return TypeOf(*e.args[0], scope);
      case ExprKind::kIndex:
        return StaticType::kUnknown;
      case ExprKind::kCall:
        if (e.name == "count" || e.name == "size") return StaticType::kInt;
        if (e.name == "collect") return StaticType::kList;
        if (e.name == "avg") return StaticType::kFloat;
        if (e.name == "tolower" || e.name == "toupper" || e.name == "type")
          return StaticType::kString;
        if ((e.name == "min" || e.name == "max") && !e.args.empty()) {
          StaticType t = TypeOf(*e.args[0], scope);
          return t == StaticType::kNode || t == StaticType::kEdge ? StaticType::kUnknown : t;
        }
        return StaticType::kUnknown;
    }
    return StaticType::kUnknown;
  }

  void BindCondition(Expr& e, const Scope& scope) {
    Bind(e, scope, AggMode::kNone, nullptr);
    StaticType t = TypeOf(e, scope);
    if (Known(t) && t != StaticType::kBool)
      Mismatch(e, std::string("a condition must be a boolean, this is a ") + StaticTypeName(t));
  }

  // --- MATCH --------------------------------------------------------------------------------
  struct PNode {
    std::string var;
    int slot;
    uint8_t types;
    bool bound;  // before this clause
    const Expr* id_key = nullptr;
    bool id_list = false;
    const Expr* name_key = nullptr;
    bool name_list = false;
  };
  struct PRel {
    int a, b;  // PNode indices, left and right in the pattern
    RelPattern* pattern;
    int slot;
  };

  std::string Label(const PNode& n) const {
    return "(" + (n.var.empty() ? std::string() : n.var) + TypesText(n.types, true) + ")";
  }

  uint64_t TypeCount(uint8_t mask) const {
    uint64_t n = 0;
    for (NodeType t : kAllNodeTypes)
      if (mask & (1u << static_cast<int>(t))) n += snap_.TypeCount(t);
    return n;
  }

  void PlanMatch(Clause& c, Scope& scope, MatchPlan& mp) {
    mp.optional = c.optional;
    const int before = static_cast<int>(scope.slots.size());
    std::vector<PNode> nodes;
    std::vector<PRel> rels;
    std::vector<std::pair<int, PropertyMap*>> node_maps;  // (pnode, map)
    std::vector<std::pair<int, PropertyMap*>> rel_maps;   // (rel, map)

    auto node_index = [&](NodePattern& np) {
      if (!np.var.empty())
        for (size_t k = 0; k < nodes.size(); ++k)
          if (nodes[k].var == np.var) {
            nodes[k].types &= np.types;
            return static_cast<int>(k);
          }
      PNode n{np.var, -1, np.types, false};
      if (!np.var.empty()) {
        auto it = scope.names.find(np.var);
        if (it != scope.names.end()) {
          StaticType t = scope.slots[static_cast<size_t>(it->second)].type;
          if (t != StaticType::kNode && t != StaticType::kNull)
            Refuse("type_mismatch", "'" + np.var + "' is a " + StaticTypeName(t) + ", not a node",
                   np.offset);
          n.slot = it->second;
          n.bound = true;
        } else {
          n.slot = scope.Add(np.var, StaticType::kNode, true);
          mp.new_slots.push_back(n.slot);
        }
      } else {
        n.slot = scope.Add("", StaticType::kNode, false);
        mp.new_slots.push_back(n.slot);
      }
      nodes.push_back(n);
      return static_cast<int>(nodes.size() - 1);
    };

    for (PathPattern& path : c.patterns) {
      std::vector<int> ids;
      for (NodePattern& np : path.nodes) {
        ids.push_back(node_index(np));
        if (!np.props.entries.empty()) node_maps.emplace_back(ids.back(), &np.props);
      }
      for (size_t r = 0; r < path.rels.size(); ++r) {
        RelPattern& rp = path.rels[r];
        int slot;
        if (!rp.var.empty()) {
          if (scope.names.count(rp.var))
            Refuse("unsupported",
                   "the variable '" + rp.var + "' bound again by a relationship pattern",
                   rp.offset);
          slot = scope.Add(rp.var, rp.var_length ? StaticType::kList : StaticType::kEdge, true);
        } else {
          slot = scope.Add("", rp.var_length ? StaticType::kList : StaticType::kEdge, false);
        }
        mp.new_slots.push_back(slot);
        if (!rp.props.entries.empty()) {
          if (rp.var_length)
            Refuse("unsupported", "a property map on a variable-length relationship", rp.offset);
          rel_maps.emplace_back(static_cast<int>(rels.size()), &rp.props);
        }
        rels.push_back({ids[r], ids[r + 1], &rp, slot});
      }
    }

    // The conjuncts: property maps, then WHERE split at its ANDs.
    std::vector<const Expr*> conjuncts;
    auto add_map = [&](int slot, const std::string& var, PropertyMap* map) {
      for (size_t k = 0; k < map->entries.size(); ++k) {
        auto& [key, value] = map->entries[k];
        auto var_expr = std::make_unique<Expr>();
        var_expr->kind = ExprKind::kVar;
        var_expr->slot = slot;
        var_expr->name = var;
        var_expr->offset = map->offsets[k];
        var_expr->text = var.empty() ? "_" : var;
        auto prop = std::make_unique<Expr>();
        prop->kind = ExprKind::kProp;
        prop->name = key;
        prop->offset = map->offsets[k];
        prop->text = var_expr->text + "." + key;
        prop->args.push_back(std::move(var_expr));
        auto eq = std::make_unique<Expr>();
        eq->kind = ExprKind::kCompare;
        eq->op = "=";
        eq->offset = map->offsets[k];
        eq->text = prop->text + " = " + value->text;
        eq->args.push_back(std::move(prop));
        eq->args.push_back(std::move(value));
        BindCondition(*eq, scope);
        conjuncts.push_back(eq.get());
        plan_.owned.push_back(std::move(eq));
      }
    };
    for (auto& [k, map] : node_maps) add_map(nodes[k].slot, nodes[k].var, map);
    for (auto& [k, map] : rel_maps) add_map(rels[k].slot, rels[k].pattern->var, map);
    if (c.where) {
      BindCondition(*c.where, scope);
      SplitAnd(c.where.get(), conjuncts);
    }

    // Lookups: `n.id = e`, `n.name = e` (or IN) with `e` over variables bound before.
    auto pre_bound = [&](const Expr& e) {
      std::set<int> s;
      SlotsOf(e, s);
      return std::all_of(s.begin(), s.end(), [&](int x) { return x < before; });
    };
    for (const Expr* cj : conjuncts) {
      bool eq = cj->kind == ExprKind::kCompare && cj->op == "=";
      if (!eq && cj->kind != ExprKind::kIn) continue;
      for (int side = 0; side < (eq ? 2 : 1); ++side) {
        const Expr& prop = *cj->args[side];
        const Expr& key = *cj->args[1 - side];
        if (prop.kind != ExprKind::kProp || prop.args[0]->kind != ExprKind::kVar) continue;
        if (!pre_bound(key)) continue;
        for (PNode& n : nodes) {
          if (n.bound || n.slot != prop.args[0]->slot) continue;
          if (prop.prop == Prop::kId && !n.id_key) {
            n.id_key = &key;
            n.id_list = !eq;
          } else if (prop.prop == Prop::kName && !n.name_key && names_available_) {
            n.name_key = &key;
            n.name_list = !eq;
          }
        }
      }
    }

    // Order the steps.
    std::vector<bool> done(rels.size(), false), placed(nodes.size(), false);
    std::vector<int> step_of_slot(scope.slots.size(), -1);
    auto bound_now = [&](int k) { return nodes[k].bound || placed[k]; };
    auto estimate = [&](int k) -> double {
      const PNode& n = nodes[k];
      if (n.bound) return 0;
      if (n.id_key) return 1;
      if (n.name_key) return 2;
      return 3 + static_cast<double>(TypeCount(n.types));
    };
    auto start = [&](int k) {
      const PNode& n = nodes[k];
      MatchStep s;
      s.node_slot = n.slot;
      s.node_types = n.types;
      if (n.bound) {
        s.kind = MatchStep::kCheckBound;
        s.description = "check " + Label(n) + " bound before";
      } else if (n.id_key) {
        s.kind = MatchStep::kLookupId;
        s.key = n.id_key;
        s.key_is_list = n.id_list;
        s.description =
            "lookup " + Label(n) + " by id " + (n.id_list ? "IN " : "= ") + n.id_key->text;
      } else if (n.name_key) {
        s.kind = MatchStep::kLookupName;
        s.key = n.name_key;
        s.key_is_list = n.name_list;
        s.description = "lookup " + Label(n) + " by name " + (n.name_list ? "IN " : "= ") +
                        n.name_key->text + " (name index)";
      } else {
        s.kind = MatchStep::kScan;
        s.description = "scan " + Label(n) + " (~" + std::to_string(TypeCount(n.types)) + " nodes)";
      }
      placed[k] = true;
      if (!n.bound) step_of_slot[static_cast<size_t>(n.slot)] = static_cast<int>(mp.steps.size());
      mp.steps.push_back(std::move(s));
    };
    auto expand = [&](int r, bool from_a) {
      const PRel& rel = rels[r];
      int near = from_a ? rel.a : rel.b, far = from_a ? rel.b : rel.a;
      const RelPattern& rp = *rel.pattern;
      MatchStep s;
      s.kind = rp.shortest     ? MatchStep::kShortest
               : rp.var_length ? MatchStep::kVarExpand
                               : MatchStep::kExpand;
      s.from_slot = nodes[near].slot;
      s.node_slot = nodes[far].slot;
      s.node_types = nodes[far].types;
      s.edge_slot = rel.slot;
      s.edge_types = rp.types;
      s.direction = rp.direction;
      if (!from_a && rp.direction != RelDirection::kBoth)
        s.direction =
            rp.direction == RelDirection::kRight ? RelDirection::kLeft : RelDirection::kRight;
      s.far_bound = bound_now(far);
      s.min_hops = rp.min_hops;
      s.max_hops = rp.max_hops;
      std::string hops =
          rp.var_length ? "*" + std::to_string(rp.min_hops) + ".." + std::to_string(rp.max_hops)
                        : "";
      std::string edge = "[" + rp.var + TypesText(rp.types, false) + hops + "]";
      std::string arrow = s.direction == RelDirection::kRight  ? "-" + edge + "->"
                          : s.direction == RelDirection::kLeft ? "<-" + edge + "-"
                                                               : "-" + edge + "-";
      s.description = rp.shortest ? "shortest path " + Label(nodes[near]) + arrow +
                                        Label(nodes[far]) + " (bidirectional search)"
                                  : "expand " + Label(nodes[near]) + arrow + Label(nodes[far]) +
                                        (s.far_bound ? " (into the bound end)" : "") +
                                        " over the snapshot's adjacency";
      int step = static_cast<int>(mp.steps.size());
      step_of_slot[static_cast<size_t>(rel.slot)] = step;
      if (!s.far_bound) step_of_slot[static_cast<size_t>(nodes[far].slot)] = step;
      placed[far] = true;
      done[r] = true;
      mp.steps.push_back(std::move(s));
    };
    for (;;) {
      int both = -1, one = -1;
      bool one_from_a = true;
      for (size_t r = 0; r < rels.size(); ++r) {
        if (done[r]) continue;
        bool a = bound_now(rels[r].a), b = bound_now(rels[r].b);
        if (a && b && both < 0) both = static_cast<int>(r);
        // A shortest path waits for both of its ends (it searches from both).
        if ((a != b) && one < 0 && !rels[r].pattern->shortest) {
          one = static_cast<int>(r);
          one_from_a = a;
        }
      }
      if (both >= 0) {
        expand(both, true);
        continue;
      }
      // The unplaced node to start from: the cheapest; a lookup beats expanding into it.
      int best = -1;
      for (size_t k = 0; k < nodes.size(); ++k)
        if (!bound_now(static_cast<int>(k)) || (!placed[k] && nodes[k].bound))
          if (best < 0 || estimate(static_cast<int>(k)) < estimate(best))
            best = static_cast<int>(k);
      if (best >= 0 && nodes[best].bound) {
        start(best);  // a check of a node bound before: free, and it may reject the row
        continue;
      }
      if (one >= 0 && (best < 0 || estimate(best) > 2)) {
        expand(one, one_from_a);
        continue;
      }
      if (best < 0) break;
      start(best);
    }

    // Each conjunct after the step that binds the last of its variables.
    for (const Expr* cj : conjuncts) {
      std::set<int> s;
      SlotsOf(*cj, s);
      int at = -1;
      for (int slot : s)
        if (slot >= before) at = std::max(at, step_of_slot[static_cast<size_t>(slot)]);
      if (at < 0)
        mp.pre_filters.push_back(cj);
      else
        mp.steps[static_cast<size_t>(at)].filters.push_back(cj);
    }
  }

  // --- WITH / RETURN ------------------------------------------------------------------------
  static bool UsesVariablesOutsideAggregates(const Expr& e) {
    if (e.aggregate >= 0) return false;
    if (e.kind == ExprKind::kVar) return true;
    for (const auto& a : e.args)
      if (UsesVariablesOutsideAggregates(*a)) return true;
    return false;
  }
  static bool HasAggregate(const Expr& e) {
    if (e.aggregate >= 0) return true;
    for (const auto& a : e.args)
      if (HasAggregate(*a)) return true;
    return false;
  }
  // Replaces a sub-expression of ORDER BY that is written as a projected item by that item.
  static void SubstituteItems(Expr& e, const ProjectionPlan& pp) {
    for (size_t i = 0; i < pp.items.size(); ++i)
      if (e.text == pp.items[i]->text || (e.kind == ExprKind::kVar && e.name == pp.names[i])) {
        e.kind = ExprKind::kVar;
        e.slot = static_cast<int>(i);
        e.args.clear();
        return;
      }
    for (auto& a : e.args) SubstituteItems(*a, pp);
  }

  int64_t Count(const ExprPtr& e, const char* what) {
    if (!e) return -1;
    Value v;
    if (e->kind == ExprKind::kLiteral) {
      v = e->value;
    } else if (e->kind == ExprKind::kParam) {
      auto it = params_.find(e->name);
      if (it == params_.end())
        Refuse("missing_parameter", "no value for the parameter $" + e->name, e->offset);
      v = it->second;
    } else {
      Refuse("unsupported", std::string(what) + " with an expression (a number or a parameter)",
             e->offset);
    }
    if (!v.is_int() || v.as_int() < 0)
      Refuse("type_mismatch",
             std::string(what) + " needs a non-negative integer, found a " + KindName(v) + ": " +
                 e->text,
             e->offset);
    return v.as_int();
  }

  void PlanProjection(Clause& c, const Scope& scope, ProjectionPlan& pp, Scope& out) {
    Projection& p = c.projection;
    pp.is_return = c.kind == Clause::kReturn;
    pp.distinct = p.distinct;
    if (p.star) {
      if (scope.names.empty()) Refuse("syntax_error", "* with no variables in scope", c.offset);
      for (const auto& [name, slot] : scope.names) {
        auto v = std::make_unique<Expr>();
        v->kind = ExprKind::kVar;
        v->name = v->text = name;
        v->slot = slot;
        v->offset = c.offset;
        pp.items.push_back(v.get());
        pp.names.push_back(name);
        plan_.owned.push_back(std::move(v));
      }
    }
    for (ReturnItem& item : p.items) {
      Bind(*item.expr, scope, AggMode::kAllowed, &pp);
      pp.items.push_back(item.expr.get());
      pp.names.push_back(item.alias);
    }
    for (const Expr* e : pp.items) {
      bool agg = HasAggregate(*e);
      pp.has_aggregate.push_back(agg);
      if (agg && e->aggregate < 0 && UsesVariablesOutsideAggregates(*e))
        Refuse("unsupported",
               "an item mixing an aggregate with values outside it: " + e->text +
                   " (return the grouping value as an item of its own)",
               e->offset);
      pp.aggregating = pp.aggregating || agg;
    }
    for (size_t i = 0; i < pp.names.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (pp.names[i] == pp.names[j])
          Refuse("syntax_error", "the column name '" + pp.names[i] + "' is used twice",
                 pp.items[i]->offset);
    for (size_t i = 0; i < pp.items.size(); ++i) {
      StaticType t = TypeOf(*pp.items[i], scope);
      out.Add(pp.names[i], t, true);
    }
    // ORDER BY.
    pp.order_sees_input = !pp.aggregating && !pp.distinct;
    Scope sort_scope = out;
    if (pp.order_sees_input) {
      size_t n = pp.items.size();
      sort_scope.slots.resize(n + scope.slots.size());
      for (size_t s = 0; s < scope.slots.size(); ++s) sort_scope.slots[n + s] = scope.slots[s];
      for (const auto& [name, slot] : scope.names)
        if (!sort_scope.names.count(name)) sort_scope.names[name] = static_cast<int>(n) + slot;
    }
    for (SortItem& s : p.order) {
      SubstituteItems(*s.expr, pp);
      if (s.expr->kind == ExprKind::kVar && s.expr->slot >= 0) {
        pp.order.emplace_back(s.expr.get(), s.descending);
        continue;
      }
      try {
        ProjectionPlan none;
        Bind(*s.expr, sort_scope, AggMode::kNone, &none);
      } catch (const QueryFailure& f) {
        if (f.code == "unknown_variable" && !pp.order_sees_input)
          Refuse("unknown_variable",
                 "after DISTINCT or an aggregation ORDER BY sees only the returned columns: " +
                     s.expr->text,
                 s.expr->offset);
        if (f.code == "syntax_error" && HasAggregateCall(*s.expr))
          Refuse("unsupported", "an aggregate in ORDER BY that is not returned: " + s.expr->text,
                 s.expr->offset);
        throw;
      }
      pp.order.emplace_back(s.expr.get(), s.descending);
    }
    pp.skip = std::max<int64_t>(0, Count(p.skip, "SKIP"));
    pp.limit = Count(p.limit, "LIMIT");
    if (p.where) {
      BindCondition(*p.where, out);
      pp.where = p.where.get();
    }
  }

  static bool HasAggregateCall(const Expr& e) {
    if (e.kind == ExprKind::kCall && IsAggregateFunction(e.name)) return true;
    for (const auto& a : e.args)
      if (HasAggregateCall(*a)) return true;
    return false;
  }

  // --- EXPLAIN ------------------------------------------------------------------------------
  void Explain() {
    auto& lines = plan_.explain_lines;
    size_t k = 0;
    for (const Part& part : plan_.parts) {
      ++k;
      if (part.kind == Part::kMatch) {
        const MatchPlan& m = part.match;
        lines.push_back(std::to_string(k) + ". " + (m.optional ? "OPTIONAL MATCH" : "MATCH"));
        for (const Expr* f : m.pre_filters) lines.push_back("   filter " + f->text);
        for (const MatchStep& s : m.steps) {
          lines.push_back("   " + s.description);
          for (const Expr* f : s.filters) lines.push_back("     filter " + f->text);
        }
      } else {
        const ProjectionPlan& p = part.projection;
        std::string items;
        for (const auto& n : p.names) items += (items.empty() ? "" : ", ") + n;
        std::string line = std::to_string(k) + ". " + (p.is_return ? "RETURN " : "WITH ") +
                           (p.distinct ? "DISTINCT " : "") + items;
        lines.push_back(line);
        if (p.aggregating)
          lines.push_back("   aggregate " + std::to_string(p.aggregates.size()) + " function(s)");
        if (!p.order.empty()) {
          std::string o;
          for (const auto& [e, desc] : p.order)
            o += (o.empty() ? "" : ", ") + e->text + (desc ? " DESC" : "");
          lines.push_back("   order by " + o +
                          (p.limit >= 0
                               ? " (keeping the first " + std::to_string(p.skip + p.limit) + ")"
                               : ""));
        }
        if (p.skip > 0) lines.push_back("   skip " + std::to_string(p.skip));
        if (p.limit >= 0)
          lines.push_back(
              "   limit " + std::to_string(p.limit) +
              (p.order.empty() && !p.aggregating ? " (stops the expansion early)" : ""));
        if (p.where) lines.push_back("   filter " + p.where->text);
      }
    }
  }

  Query& query_;
  const GraphSnapshot& snap_;
  const Parameters& params_;
  bool names_available_;
  Plan plan_;
};

}  // namespace

Plan BuildPlan(Query& query, const GraphSnapshot& snapshot, const Parameters& parameters,
               bool names_available) {
  return Planner(query, snapshot, parameters, names_available).Build();
}

}  // namespace actorgraph::core::query
