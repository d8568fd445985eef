// A read-only openCypher subset over the graph snapshot (issue 16): MATCH / OPTIONAL MATCH with
// node types as labels and edge types as relationship types (fixed and bounded variable length),
// WHERE, WITH, RETURN with DISTINCT, ORDER BY, SKIP, LIMIT and the aggregates count, collect,
// min, max, sum, avg; $parameters; EXPLAIN. Anything outside the subset is refused with an
// error that names it and its position, never answered approximately.
//
// Properties: a node has id (decimal string), name, aliases (list of strings), type
// ("person", ...), first_seen, last_seen (YYYY-MM-DD or null); an edge has id
// ("<src>-<type>-<dst>"), type ("works-for", ...), source, target, title, confidence,
// evidence_count, first_seen, last_seen. Empty strings read as null.
//
// Thread-safe: a query reads only the immutable snapshot (and the name index through the
// reader it is given, which must not be shared with another thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core::query {

struct NodeRef {
  GraphSnapshot::Index index;
  bool operator==(const NodeRef& o) const { return index == o.index; }
};
struct EdgeRef {
  uint32_t edge;
  bool operator==(const EdgeRef& o) const { return edge == o.edge; }
};

class Value;
using List = std::vector<Value>;

// A query value: null, boolean, integer, float, string, list, node or edge (a variable-length
// relationship binds a list of edges).
class Value {
 public:
  using Storage = std::variant<std::monostate, bool, int64_t, double, std::string,
                               std::shared_ptr<const List>, NodeRef, EdgeRef>;
  Value() = default;
  Value(bool b) : v_(b) {}                                           // NOLINT
  Value(int64_t i) : v_(i) {}                                        // NOLINT
  Value(double d) : v_(d) {}                                         // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                       // NOLINT
  Value(List l) : v_(std::make_shared<const List>(std::move(l))) {}  // NOLINT
  Value(NodeRef n) : v_(n) {}                                        // NOLINT
  Value(EdgeRef e) : v_(e) {}                                        // NOLINT

  bool is_null() const { return v_.index() == 0; }
  bool is_bool() const { return v_.index() == 1; }
  bool is_int() const { return v_.index() == 2; }
  bool is_float() const { return v_.index() == 3; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return v_.index() == 4; }
  bool is_list() const { return v_.index() == 5; }
  bool is_node() const { return v_.index() == 6; }
  bool is_edge() const { return v_.index() == 7; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_number() const {
    return is_int() ? static_cast<double>(as_int()) : std::get<double>(v_);
  }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const List& as_list() const { return *std::get<std::shared_ptr<const List>>(v_); }
  NodeRef as_node() const { return std::get<NodeRef>(v_); }
  EdgeRef as_edge() const { return std::get<EdgeRef>(v_); }
  const Storage& storage() const { return v_; }

 private:
  Storage v_;
};

using Parameters = std::map<std::string, Value, std::less<>>;

struct QueryOptions {
  size_t max_rows = 1000;                    // more result rows: too_many_rows
  std::chrono::milliseconds timeout{10000};  // longer: timeout
  size_t max_query_bytes = 100 << 10;        // a longer text: query_too_long
  size_t max_buffered = 2'000'000;           // rows/values held for sorting, grouping
};

// Why a query was refused. `code` is one of: syntax_error, unsupported, unknown_label,
// unknown_property, unknown_variable, type_mismatch, missing_parameter, query_too_long,
// too_deep, too_many_rows, too_large, timeout. `http_status` is 400 for everything but
// timeout (408). `offset` (bytes), `line` and `column` (1-based) locate the construct when
// `has_position`.
struct QueryError {
  std::string code;
  std::string message;  // names the construct, and its position when known
  int http_status = 400;
  bool has_position = false;
  size_t offset = 0, line = 0, column = 0;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  bool explain = false;  // rows are the plan's lines (one string column "plan")
  std::shared_ptr<const GraphSnapshot> snapshot;  // what NodeRef / EdgeRef values index into
};

struct QueryOutcome {
  QueryResult result;
  std::optional<QueryError> error;
  bool ok() const { return !error.has_value(); }
};

// Parses, plans and runs `text` over `snapshot`. `names` (may be null) serves name lookups
// from the folded name index (`n.name = ...` as the start of a plan); without it a name
// filter scans. Never throws for bad input: every refusal is an error of the outcome.
QueryOutcome Run(std::shared_ptr<const GraphSnapshot> snapshot, GraphReader* names,
                 std::string_view text, const Parameters& parameters,
                 const QueryOptions& options = {});

}  // namespace actorgraph::core::query
