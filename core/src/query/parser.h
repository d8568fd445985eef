// The parser: tokens -> Query, by recursive descent over the subset of openCypher that
// query.h lists. Clauses and functions outside the subset are refused as "unsupported"
// (naming them), malformed text as "syntax_error", both with the offset where they start.
// Nesting (parentheses, lists, NOT chains, sub-expressions) deeper than kMaxNesting is
// refused as "too_deep" before the stack grows with it.
#pragma once

#include <string_view>

#include "query/ast.h"

namespace actorgraph::core::query {

inline constexpr int kMaxNesting = 64;
inline constexpr uint32_t kMaxHops = 10;  // the largest upper bound of *min..max

Query Parse(std::string_view text);

// count, collect, min, max, sum, avg (`lower_name` in lower case).
bool IsAggregateFunction(std::string_view lower_name);

}  // namespace actorgraph::core::query
