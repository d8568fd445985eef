// Cypher's comparison rules over query values.
#pragma once

#include <optional>
#include <string>

#include "actorgraph/core/query.h"

namespace actorgraph::core::query {

// `=`: null when either side is null (or a list holds a null that decides it); numbers
// compare by value across integer and float; values of different kinds are unequal.
std::optional<bool> Equals(const Value& a, const Value& b);
// `<` and friends: the sign of a - b for two numbers, two strings, two booleans or two lists of
// those; nullopt (null) for incomparable kinds or a null.
std::optional<int> Compare(const Value& a, const Value& b);
// ORDER BY's total order: node < edge < list < string < boolean < number < null.
int OrderCompare(const Value& a, const Value& b);
// A byte string equal for values DISTINCT and grouping treat as one (1 and 1.0 are one).
void AppendKey(const Value& v, std::string& out);
// For errors: "string", "integer", "float", "boolean", "list", "node", "edge", "null".
const char* KindName(const Value& v);

}  // namespace actorgraph::core::query
