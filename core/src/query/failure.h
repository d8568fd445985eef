// QueryFailure: how the query layer's stages (lexer, parser, planner, executor) refuse a query
// internally. Run() catches it at the module boundary and turns it into a QueryError.
#pragma once

#include <stdexcept>
#include <string>

namespace actorgraph::core::query {

inline constexpr size_t kNoPosition = static_cast<size_t>(-1);

struct QueryFailure : std::runtime_error {
  QueryFailure(std::string code, const std::string& message, size_t offset = kNoPosition,
               int http_status = 400)
      : std::runtime_error(message),
        code(std::move(code)),
        offset(offset),
        http_status(http_status) {}
  std::string code;
  size_t offset;  // byte offset in the query text, or kNoPosition
  int http_status;
};

[[noreturn]] inline void Refuse(const std::string& code, const std::string& message,
                                size_t offset = kNoPosition) {
  throw QueryFailure(code, message, offset);
}

}  // namespace actorgraph::core::query
