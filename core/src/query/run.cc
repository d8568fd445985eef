// query::Run: text -> parse -> plan -> stages -> rows, with every refusal caught here and
// turned into a QueryError (code, message with the position, HTTP status).
#include "query/executor.h"
#include "query/failure.h"
#include "query/parser.h"

namespace actorgraph::core::query {

void Budget::CheckClock() {
  if (std::chrono::steady_clock::now() > deadline)
    throw QueryFailure("timeout",
                       "the query ran longer than its time limit (" +
                           std::to_string(timeout.count()) +
                           " ms); narrow the pattern or add a LIMIT",
                       kNoPosition, 408);
}

void Budget::Hold(size_t n) {
  buffered += n;
  if (buffered > max_buffered)
    Refuse("too_large", "the query holds more than " + std::to_string(max_buffered) +
                            " values to sort, group or collect; narrow the pattern");
}

namespace {

// The last stage: keeps the RETURN's rows, at most max_rows of them.
class Collector : public Stage {
 public:
  Collector(QueryResult& result, size_t max_rows) : result_(result), max_rows_(max_rows) {}
  bool Push(Row& row) override {
    if (result_.rows.size() >= max_rows_)
      Refuse("too_many_rows", "the query returns more than " + std::to_string(max_rows_) +
                                  " rows; add a LIMIT or ask for a larger \"limit\"");
    result_.rows.push_back(row);
    return true;
  }
  void Finish() override {}

 private:
  QueryResult& result_;
  size_t max_rows_;
};

void Locate(std::string_view text, QueryError& error, size_t offset) {
  if (offset == kNoPosition) return;
  offset = std::min(offset, text.size());
  error.has_position = true;
  error.offset = offset;
  error.line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++error.line;
      line_start = i + 1;
    }
  // Columns count characters, not the bytes of UTF-8 continuation.
  error.column = 1;
  for (size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++error.column;
  error.message +=
      " (at line " + std::to_string(error.line) + ", column " + std::to_string(error.column) + ")";
}

}  // namespace

QueryOutcome Run(std::shared_ptr<const GraphSnapshot> snapshot, GraphReader* names,
                 std::string_view text, const Parameters& parameters, const QueryOptions& options) {
  QueryOutcome outcome;
  outcome.result.snapshot = snapshot;
  Budget budget;
  budget.timeout = options.timeout;
  budget.deadline = std::chrono::steady_clock::now() + options.timeout;
  budget.max_buffered = options.max_buffered;
  try {
    if (text.size() > options.max_query_bytes)
      Refuse("query_too_long", "the query is " + std::to_string(text.size()) +
                                   " bytes long; the limit is " +
                                   std::to_string(options.max_query_bytes));
    Query query = Parse(text);
    Plan plan = BuildPlan(query, *snapshot, parameters, names != nullptr);
    if (plan.explain) {
      outcome.result.explain = true;
      outcome.result.columns = {"plan"};
      for (auto& line : plan.explain_lines) outcome.result.rows.push_back({Value(line)});
      return outcome;
    }
    outcome.result.columns = plan.columns;
    ExecContext ctx{*snapshot, names, parameters, budget};
    Collector collector(outcome.result, options.max_rows);
    std::vector<std::unique_ptr<Stage>> stages(plan.parts.size());
    Stage* next = &collector;
    for (size_t k = plan.parts.size(); k-- > 0;) {
      const Part& part = plan.parts[k];
      stages[k] = part.kind == Part::kMatch ? MakeMatchStage(part.match, ctx, next)
                                            : MakeProjectionStage(part.projection, ctx, next);
      next = stages[k].get();
    }
    Row first(plan.first_size);
    next->Push(first);
    next->Finish();
  } catch (const QueryFailure& f) {
    QueryError error;
    error.code = f.code;
    error.message = f.what();
    error.http_status = f.http_status;
    Locate(text, error, f.offset);
    outcome.error = std::move(error);
    outcome.result.rows.clear();
  } catch (const std::bad_alloc&) {
    outcome.error = QueryError{"too_large", "the query ran out of memory", 400};
    outcome.result.rows.clear();
  }
  return outcome;
}

}  // namespace actorgraph::core::query
