#include "query/value_ops.h"

#include <cmath>
#include <cstring>

namespace actorgraph::core::query {

namespace {

int Sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

int Rank(const Value& v) {
  if (v.is_node()) return 0;
  if (v.is_edge()) return 1;
  if (v.is_list()) return 2;
  if (v.is_string()) return 3;
  if (v.is_bool()) return 4;
  if (v.is_number()) return 5;
  return 6;  // null
}

int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  return Sign(a.as_number() - b.as_number());
}

}  // namespace

const char* KindName(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_bool()) return "boolean";
  if (v.is_int()) return "integer";
  if (v.is_float()) return "float";
  if (v.is_string()) return "string";
  if (v.is_list()) return "list";
  if (v.is_node()) return "node";
  return "edge";
}

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0;
  if (a.storage().index() != b.storage().index()) return false;
  if (a.is_list()) {
    const List &x = a.as_list(), &y = b.as_list();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (size_t i = 0; i < x.size(); ++i) {
      auto e = Equals(x[i], y[i]);
      if (!e)
        unknown = true;
      else if (!*e)
        return false;
    }
    if (unknown) return std::nullopt;
    return true;
  }
  return a.storage() == b.storage();
}

std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (std::isnan(a.as_number()) || std::isnan(b.as_number())) return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.is_string() && b.is_string()) {
    int c = a.as_string().compare(b.as_string());
    return c < 0 ? -1 : c > 0;
  }
  if (a.is_bool() && b.is_bool()) return int{a.as_bool()} - int{b.as_bool()};
  if (a.is_list() && b.is_list()) {
    const List &x = a.as_list(), &y = b.as_list();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      auto c = Compare(x[i], y[i]);
      if (!c) return std::nullopt;
      if (*c != 0) return c;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size();
  }
  return std::nullopt;
}

int OrderCompare(const Value& a, const Value& b) {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return a.as_node().index < b.as_node().index ? -1 : a.as_node().index > b.as_node().index;
    case 1:
      return a.as_edge().edge < b.as_edge().edge ? -1 : a.as_edge().edge > b.as_edge().edge;
    case 2: {
      const List &x = a.as_list(), &y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (int c = OrderCompare(x[i], y[i])) return c;
      return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    case 5:
      if (std::isnan(a.as_number()) || std::isnan(b.as_number()))
        return std::isnan(a.as_number()) - std::isnan(b.as_number());
      return CompareNumbers(a, b);
    case 6:
      return 0;
    default:
      return *Compare(a, b);
  }
}

void AppendKey(const Value& v, std::string& out) {
  auto raw = [&](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
  if (v.is_null()) {
    out += 'z';
  } else if (v.is_bool()) {
    out += v.as_bool() ? 'T' : 'F';
  } else if (v.is_number()) {
    double d = v.as_number();
    if (v.is_int() && static_cast<double>(v.as_int()) != d) {
      out += 'i';  // an integer a double cannot hold exactly
      int64_t i = v.as_int();
      raw(&i, sizeof i);
    } else {
      out += 'n';
      if (d == 0) d = 0;  // -0.0 and 0.0 are one
      raw(&d, sizeof d);
    }
  } else if (v.is_string()) {
    out += 's';
    uint32_t n = static_cast<uint32_t>(v.as_string().size());
    raw(&n, sizeof n);
    out += v.as_string();
  } else if (v.is_list()) {
    out += '[';
    uint32_t n = static_cast<uint32_t>(v.as_list().size());
    raw(&n, sizeof n);
    for (const Value& e : v.as_list()) AppendKey(e, out);
  } else if (v.is_node()) {
    out += 'N';
    uint32_t i = v.as_node().index;
    raw(&i, sizeof i);
  } else {
    out += 'E';
    uint32_t e = v.as_edge().edge;
    raw(&e, sizeof e);
  }
}

}  // namespace actorgraph::core::query
