#include "actorgraph/api/query_json.h"

#include "actorgraph/api/json_codec.h"

namespace actorgraph::api {

using nlohmann::json;
namespace q = core::query;

json QueryValueToJson(const core::GraphSnapshot& snap, const q::Value& v) {
  if (v.is_null()) return nullptr;
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int();
  if (v.is_float()) return v.as_number();
  if (v.is_string()) return v.as_string();
  if (v.is_node()) return NodeToJson(snap.node(v.as_node().index));
  if (v.is_edge()) return EdgeToJson(snap.edge(v.as_edge().edge));
  json list = json::array();
  for (const q::Value& e : v.as_list()) list.push_back(QueryValueToJson(snap, e));
  return list;
}

json QueryRowToJson(const core::GraphSnapshot& snap, const std::vector<q::Value>& row) {
  json out = json::array();
  for (const q::Value& v : row) out.push_back(QueryValueToJson(snap, v));
  return out;
}

namespace {

std::optional<q::Value> Scalar(const json& j) {
  if (j.is_null()) return q::Value();
  if (j.is_boolean()) return q::Value(j.get<bool>());
  if (j.is_number_integer() && !j.is_number_unsigned()) return q::Value(j.get<int64_t>());
  if (j.is_number_unsigned()) {
    uint64_t u = j.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return q::Value(static_cast<double>(u));
    return q::Value(static_cast<int64_t>(u));
  }
  if (j.is_number_float()) return q::Value(j.get<double>());
  if (j.is_string()) return q::Value(j.get<std::string>());
  return std::nullopt;
}

}  // namespace

std::optional<q::Parameters> ParametersFromJson(const json& object, std::string* error) {
  q::Parameters out;
  if (!object.is_object()) {
    *error = "\"parameters\" must be an object of names to values";
    return std::nullopt;
  }
  for (const auto& [name, value] : object.items()) {
    if (auto s = Scalar(value)) {
      out[name] = *s;
      continue;
    }
    if (value.is_array()) {
      q::List list;
      for (const auto& e : value) {
        auto s = Scalar(e);
        if (!s) {
          *error = "the parameter $" + name +
                   " is a list holding a list or an object; lists of strings, numbers and "
                   "booleans are supported";
          return std::nullopt;
        }
        list.push_back(*s);
      }
      out[name] = q::Value(std::move(list));
      continue;
    }
    *error = "the parameter $" + name +
             " is an object; parameters are strings, numbers, booleans, null or lists";
    return std::nullopt;
  }
  return out;
}

json QueryErrorToJson(const q::QueryError& error) {
  json e = {{"code", error.code}, {"message", error.message}};
  if (error.has_position)
    e["position"] = {{"offset", error.offset}, {"line", error.line}, {"column", error.column}};
  return {{"error", e}};
}

}  // namespace actorgraph::api
