// Request parsing and replies shared by the route files: typed query parameters with their
// limits, JSON bodies, and the mapping of core::Status onto HTTP statuses. A parameter or body
// that breaks a rule throws HttpError, which Guard() turns into {"error": {"code", "message"}}.
#pragma once

#include <httplib.h>

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::api {

inline constexpr size_t kMaxPageSize = 1000;
inline constexpr size_t kMaxBodyBytes = size_t{8} << 20;
inline constexpr int kMaxJsonDepth = 32;
inline constexpr size_t kMaxPathDepth = 8;
inline constexpr size_t kMaxPaths = 20;
inline constexpr size_t kMaxSubgraphDepth = 4;
inline constexpr size_t kMaxSubgraphNodes = 5000;

struct HttpError : std::runtime_error {
  HttpError(int status, std::string code, const std::string& message,
            nlohmann::json details = nlohmann::json::object())
      : std::runtime_error(message),
        status(status),
        code(std::move(code)),
        details(std::move(details)) {}
  int status;
  std::string code;
  nlohmann::json details;  // more fields of the error object, after code and message
};

[[noreturn]] void Fail(int status, const std::string& code, const std::string& message);
// The same with more fields in the error object, e.g. {"candidates": [...]}.
[[noreturn]] void Fail(int status, const std::string& code, const std::string& message,
                       nlohmann::json details);
// Throws the HttpError that matches a non-ok status (400, 404, 409, 422, 500, 507 for a full
// storage...).
void ThrowIfError(const core::Status& status);
template <typename T>
T Unwrap(core::Result<T> result) {
  ThrowIfError(result.status());
  return std::move(result.value());
}

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// {"items": list, deprecated_key: list}: a list endpoint's answer while its old key is kept as
// a deprecated alias of "items" (the compatibility note in openapi.cc).
nlohmann::json ListBody(nlohmann::json list, const char* deprecated_key);
// A body already written as JSON text (JsonWriter).
void SendJsonText(httplib::Response& res, int status, std::string body);
void SendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message,
               const nlohmann::json& details = nlohmann::json::object());

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
// Runs `h`, answering an HttpError with its JSON error body.
Handler Guard(Handler h);

std::optional<std::string> Param(const httplib::Request& req, const char* name);
std::string RequiredParam(const httplib::Request& req, const char* name);
// An integer parameter in [min, max]; `fallback` when absent. 400 otherwise.
size_t SizeParam(const httplib::Request& req, const char* name, size_t fallback, size_t min,
                 size_t max);
size_t LimitParam(const httplib::Request& req, size_t fallback);
core::NodeId IdText(const std::string& text, const char* what);
core::EdgeKey EdgeIdText(const std::string& text);
// Comma-separated type names; empty when absent.
std::vector<core::EdgeType> EdgeTypesParam(const httplib::Request& req, const char* name);
std::vector<core::NodeType> NodeTypesParam(const httplib::Request& req, const char* name);
// YYYY-MM-DD naming a day of the calendar (IsIsoDate), or empty; 400 invalid_date otherwise.
std::string DateParam(const httplib::Request& req, const char* name);
// edge_type, node_type, since, until and min_confidence.
core::EdgeFilter FilterParams(const httplib::Request& req);

// The body as a JSON object: 400 for invalid JSON, nesting deeper than kMaxJsonDepth or a
// non-object.
nlohmann::json JsonBody(const httplib::Request& req);
// 400 for a field the endpoint does not know (a misspelt field is never silently ignored).
void OnlyFields(const nlohmann::json& body, std::initializer_list<const char*> known);

}  // namespace actorgraph::api
