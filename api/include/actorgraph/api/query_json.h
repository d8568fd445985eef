// JSON for the query language (core/query.h), shared by POST /api/v1/query and
// `actorgraph query`: values out (nodes and edges in the API's own shapes), parameters in.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "actorgraph/core/query.h"

namespace actorgraph::api {

// null, booleans, numbers, strings and lists as themselves; a node as NodeToJson, an edge as
// EdgeToJson.
nlohmann::json QueryValueToJson(const core::GraphSnapshot& snap, const core::query::Value& v);
// One row as a JSON array, in column order.
nlohmann::json QueryRowToJson(const core::GraphSnapshot& snap,
                              const std::vector<core::query::Value>& row);

// A JSON object of parameters: strings, numbers, booleans, null and lists of those. On a value
// of another kind (an object, a list nested in a list) returns nullopt and says why in `error`.
std::optional<core::query::Parameters> ParametersFromJson(const nlohmann::json& object,
                                                          std::string* error);

// The error object of a refused query: {"error": {"code", "message", "position": {"offset",
// "line", "column"}}} (position only when the error has one).
nlohmann::json QueryErrorToJson(const core::query::QueryError& error);

}  // namespace actorgraph::api
