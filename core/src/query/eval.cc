#include "query/eval.h"

#include <cmath>

#include "query/failure.h"
#include "query/value_ops.h"

namespace actorgraph::core::query {

namespace {

Value DateOrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value Logic(std::optional<bool> b) { return b ? Value(*b) : Value(); }

std::optional<bool> Truth(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  return std::nullopt;  // null, or a non-boolean (the planner refuses known non-booleans)
}

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string MapAscii(const std::string& s, bool upper) {
  std::string out = s;
  for (char& c : out)
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Value Arith(const std::string& op, const Value& a, const Value& b, size_t offset) {
  if (a.is_null() || b.is_null()) return {};
  if (op == "+" && a.is_string() && b.is_string()) return a.as_string() + b.as_string();
  if (op == "+" && a.is_list()) {
    List out = a.as_list();
    if (b.is_list())
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
    else
      out.push_back(b);
    return out;
  }
  if (!a.is_number() || !b.is_number())
    Refuse("type_mismatch",
           std::string("cannot apply ") + op + " to " + KindName(a) + " and " + KindName(b),
           offset);
  if (a.is_int() && b.is_int()) {
    int64_t x = a.as_int(), y = b.as_int(), r = 0;
    if (op == "+") {
      if (__builtin_add_overflow(x, y, &r)) Refuse("type_mismatch", "integer overflow", offset);
    } else if (op == "-") {
      if (__builtin_sub_overflow(x, y, &r)) Refuse("type_mismatch", "integer overflow", offset);
    } else if (op == "*") {
      if (__builtin_mul_overflow(x, y, &r)) Refuse("type_mismatch", "integer overflow", offset);
    } else {
      if (y == 0) Refuse("type_mismatch", "division by zero", offset);
      if (x == INT64_MIN && y == -1) Refuse("type_mismatch", "integer overflow", offset);
      r = op == "/" ? x / y : x % y;
    }
    return r;
  }
  double x = a.as_number(), y = b.as_number();
  if (op == "+") return x + y;
  if (op == "-") return x - y;
  if (op == "*") return x * y;
  if (op == "/") return x / y;
  return std::fmod(x, y);
}

}  // namespace

Value NodeProperty(const GraphSnapshot& snap, GraphSnapshot::Index i, Prop p) {
  const Node& n = snap.node(i);
  switch (p) {
    case Prop::kId:
      return std::to_string(n.id);
    case Prop::kName:
      return n.name;
    case Prop::kAliases: {
      List l;
      l.reserve(n.aliases.size());
      for (const auto& a : n.aliases) l.emplace_back(a);
      return l;
    }
    case Prop::kType:
      return NodeTypeName(n.type);
    case Prop::kFirstSeen:
      return DateOrNull(n.first_seen);
    case Prop::kLastSeen:
      return DateOrNull(n.last_seen);
    default:
      return {};
  }
}

Value EdgeProperty(const GraphSnapshot& snap, uint32_t e, Prop p) {
  const Edge& edge = snap.edge(e);
  switch (p) {
    case Prop::kId:
      return std::to_string(edge.key.src) + "-" + EdgeTypeName(edge.key.type) + "-" +
             std::to_string(edge.key.dst);
    case Prop::kType:
      return EdgeTypeName(edge.key.type);
    case Prop::kSource:
      return std::to_string(edge.key.src);
    case Prop::kTarget:
      return std::to_string(edge.key.dst);
    case Prop::kTitle:
      return DateOrNull(edge.title);
    case Prop::kConfidence:
      return edge.confidence;
    case Prop::kEvidenceCount:
      return int64_t{edge.evidence_count};
    case Prop::kFirstSeen:
      return DateOrNull(edge.first_seen);
    case Prop::kLastSeen:
      return DateOrNull(edge.last_seen);
    default:
      return {};
  }
}

bool Holds(const Expr& e, const Row& row, const EvalContext& ctx) {
  Value v = Eval(e, row, ctx);
  return v.is_bool() && v.as_bool();
}

Value Eval(const Expr& e, const Row& row, const EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.value;
    case ExprKind::kParam:
      return ctx.parameters.find(e.name)->second;  // the planner checked it is there
    case ExprKind::kVar:
      return row[static_cast<size_t>(e.slot)];
    case ExprKind::kProp: {
      Value target = Eval(*e.args[0], row, ctx);
      if (target.is_node()) return NodeProperty(ctx.snapshot, target.as_node().index, e.prop);
      if (target.is_edge()) return EdgeProperty(ctx.snapshot, target.as_edge().edge, e.prop);
      if (target.is_null()) return {};
      Refuse("type_mismatch", std::string("a property of a ") + KindName(target) + ": " + e.text,
             e.offset);
    }
    case ExprKind::kList: {
      List out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(Eval(*a, row, ctx));
      return out;
    }
    case ExprKind::kNot: {
      auto t = Truth(Eval(*e.args[0], row, ctx));
      return t ? Value(!*t) : Value();
    }
    case ExprKind::kAnd: {
      auto a = Truth(Eval(*e.args[0], row, ctx));
      if (a && !*a) return false;
      auto b = Truth(Eval(*e.args[1], row, ctx));
      if (b && !*b) return false;
      if (a && b) return true;
      return {};
    }
    case ExprKind::kOr: {
      auto a = Truth(Eval(*e.args[0], row, ctx));
      if (a && *a) return true;
      auto b = Truth(Eval(*e.args[1], row, ctx));
      if (b && *b) return true;
      if (a && b) return false;
      return {};
    }
    case ExprKind::kXor: {
      auto a = Truth(Eval(*e.args[0], row, ctx));
      auto b = Truth(Eval(*e.args[1], row, ctx));
      if (!a || !b) return {};
      return *a != *b;
    }
    case ExprKind::kCompare: {
      Value a = Eval(*e.args[0], row, ctx), b = Eval(*e.args[1], row, ctx);
      if (e.op == "=") return Logic(Equals(a, b));
      if (e.op == "<>") {
        auto eq = Equals(a, b);
        return eq ? Value(!*eq) : Value();
      }
      auto c = Compare(a, b);
      if (!c) return {};
      if (e.op == "<") return *c < 0;
      if (e.op == "<=") return *c <= 0;
      if (e.op == ">") return *c > 0;
      return *c >= 0;
    }
    case ExprKind::kIn: {
      Value a = Eval(*e.args[0], row, ctx), list = Eval(*e.args[1], row, ctx);
      if (list.is_null()) return {};
      if (!list.is_list())
        Refuse("type_mismatch", std::string("IN needs a list, found a ") + KindName(list),
               e.args[1]->offset);
      bool unknown = false;
      for (const Value& x : list.as_list()) {
        auto eq = Equals(a, x);
        if (!eq)
          unknown = true;
        else if (*eq)
          return true;
      }
      if (unknown) return {};
      return false;
    }
    case ExprKind::kStartsWith:
    case ExprKind::kEndsWith:
    case ExprKind::kContains: {
      Value a = Eval(*e.args[0], row, ctx), b = Eval(*e.args[1], row, ctx);
      if (!a.is_string() || !b.is_string()) return {};
      const std::string &s = a.as_string(), &t = b.as_string();
      if (e.kind == ExprKind::kStartsWith)
        return s.compare(0, t.size(), t) == 0 && s.size() >= t.size();
      if (e.kind == ExprKind::kEndsWith)
        return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
      return s.find(t) != std::string::npos;
    }
    case ExprKind::kIsNull: {
      bool null = Eval(*e.args[0], row, ctx).is_null();
      return e.negated ? !null : null;
    }
    case ExprKind::kArith:
      return Arith(e.op, Eval(*e.args[0], row, ctx), Eval(*e.args[1], row, ctx), e.offset);
    case ExprKind::kNeg: {
      Value a = Eval(*e.args[0], row, ctx);
      if (a.is_null()) return {};
      if (a.is_int()) {
        if (a.as_int() == INT64_MIN) Refuse("type_mismatch", "integer overflow", e.offset);
        return -a.as_int();
      }
      if (a.is_float()) return -a.as_number();
      Refuse("type_mismatch", std::string("cannot negate a ") + KindName(a), e.offset);
    }
    case ExprKind::kIndex: {
      Value a = Eval(*e.args[0], row, ctx), i = Eval(*e.args[1], row, ctx);
      if (a.is_null() || i.is_null()) return {};
      if (!a.is_list() || !i.is_int())
        Refuse("type_mismatch", "an index needs a list and an integer: " + e.text, e.offset);
      int64_t n = static_cast<int64_t>(a.as_list().size()), k = i.as_int();
      if (k < 0) k += n;
      if (k < 0 || k >= n) return {};
      return a.as_list()[static_cast<size_t>(k)];
    }
    case ExprKind::kCall: {
      if (e.aggregate >= 0) return ctx.aggregates[e.aggregate];
      if (e.name == "coalesce") {
        for (const auto& a : e.args) {
          Value v = Eval(*a, row, ctx);
          if (!v.is_null()) return v;
        }
        return {};
      }
      Value a = Eval(*e.args[0], row, ctx);
      if (a.is_null()) return {};
      if (e.name == "size") {
        if (a.is_list()) return static_cast<int64_t>(a.as_list().size());
        if (a.is_string()) return static_cast<int64_t>(Utf8Length(a.as_string()));
      } else if (e.name == "tolower" || e.name == "toupper") {
        if (a.is_string()) return MapAscii(a.as_string(), e.name == "toupper");
      } else if (e.name == "type") {
        if (a.is_edge()) return EdgeTypeName(ctx.snapshot.edge(a.as_edge().edge).key.type);
      }
      Refuse("type_mismatch", e.name + "() of a " + KindName(a), e.offset);
    }
  }
  return {};
}

}  // namespace actorgraph::core::query
