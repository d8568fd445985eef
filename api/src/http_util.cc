#include "http_util.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/write_health.h"
#include "iso_date.h"

namespace actorgraph::api {

using nlohmann::json;

void Fail(int status, const std::string& code, const std::string& message) {
  throw HttpError(status, code, message);
}

void Fail(int status, const std::string& code, const std::string& message, json details) {
  throw HttpError(status, code, message, std::move(details));
}

void ThrowIfError(const core::Status& st) {
  if (st.ok()) return;
  // 507 Insufficient Storage (RFC 4918): the write was not stored and may be sent again once
  // space is freed; the message names no file (core/write_health.h).
  if (core::IsStorageFull(st)) Fail(507, "storage_full", st.message());
  switch (st.code()) {
    case core::StatusCode::kInvalidArgument:
      Fail(400, "invalid_argument", st.message());
    case core::StatusCode::kNotFound:
      Fail(404, "not_found", st.message());
    case core::StatusCode::kAlreadyExists:
      Fail(409, "already_exists", st.message());
    case core::StatusCode::kConflict:
      Fail(409, "conflict", st.message());
    case core::StatusCode::kResourceExhausted:
      Fail(422, "too_large", st.message());
    case core::StatusCode::kDeadlineExceeded:  // only extraction has a time budget
      Fail(422, "too_complex", st.message());
    case core::StatusCode::kPermissionDenied:
      Fail(403, "forbidden", st.message());
    case core::StatusCode::kUnsupported:
      Fail(400, "unsupported", st.message());
    default:
      Fail(500, "internal", st.ToString());
  }
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

json ListBody(json list, const char* deprecated_key) {
  json body = {{"items", list}};
  body[deprecated_key] = std::move(list);
  return body;
}

void SendJsonText(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.body = std::move(body);
  res.set_header("Content-Type", "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message, const json& details) {
  json error = {{"code", code}, {"message", message}};
  error.update(details);
  SendJson(res, status, {{"error", error}});
}

Handler Guard(Handler h) {
  return [h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    try {
      h(req, res);
    } catch (const HttpError& e) {
      SendError(res, e.status, e.code, e.what(), e.details);
    }
  };
}

std::optional<std::string> Param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  std::string v = req.get_param_value(name);
  if (v.empty()) return std::nullopt;
  return v;
}

std::string RequiredParam(const httplib::Request& req, const char* name) {
  auto v = Param(req, name);
  if (!v) Fail(400, "missing_parameter", std::string("the parameter '") + name + "' is required");
  return *v;
}

size_t SizeParam(const httplib::Request& req, const char* name, size_t fallback, size_t min,
                 size_t max) {
  auto v = Param(req, name);
  if (!v) return fallback;
  size_t n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max)
    Fail(400, "out_of_range",
         std::string("'") + name + "' must be an integer from " + std::to_string(min) + " to " +
             std::to_string(max));
  return n;
}

size_t LimitParam(const httplib::Request& req, size_t fallback) {
  return SizeParam(req, "limit", fallback, 1, kMaxPageSize);
}

core::NodeId IdText(const std::string& text, const char* what) {
  core::NodeId id = 0;
  if (!ParseId(text, &id))
    Fail(400, "invalid_id", std::string(what) + " must be a decimal id, not '" + text + "'");
  return id;
}

core::EdgeKey EdgeIdText(const std::string& text) {
  core::EdgeKey key;
  if (!ParseEdgeId(text, &key))
    Fail(400, "invalid_id", "an edge id is <source>-<type>-<target>, not '" + text + "'");
  return key;
}

namespace {

template <typename T, typename Parse>
std::vector<T> TypeList(const httplib::Request& req, const char* name, Parse parse) {
  std::vector<T> out;
  auto v = Param(req, name);
  if (!v) return out;
  size_t start = 0;
  while (start <= v->size()) {
    size_t end = v->find(',', start);
    if (end == std::string::npos) end = v->size();
    std::string item = v->substr(start, end - start);
    auto t = parse(item);
    if (!t) Fail(400, "invalid_type", std::string("unknown type '") + item + "' in '" + name + "'");
    out.push_back(*t);
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<core::EdgeType> EdgeTypesParam(const httplib::Request& req, const char* name) {
  return TypeList<core::EdgeType>(req, name, core::ParseEdgeType);
}

std::vector<core::NodeType> NodeTypesParam(const httplib::Request& req, const char* name) {
  return TypeList<core::NodeType>(req, name, core::ParseNodeType);
}

std::string DateParam(const httplib::Request& req, const char* name) {
  auto v = Param(req, name);
  if (!v) return "";
  if (!IsIsoDate(*v))
    Fail(400, "invalid_date",
         std::string("'") + name + "' must be a day of the calendar, YYYY-MM-DD");
  return *v;
}

core::EdgeFilter FilterParams(const httplib::Request& req) {
  core::EdgeFilter f;
  f.edge_types = EdgeTypesParam(req, "edge_type");
  f.node_types = NodeTypesParam(req, "node_type");
  f.since = DateParam(req, "since");
  f.until = DateParam(req, "until");
  if (auto v = Param(req, "min_confidence")) {
    char* end = nullptr;
    f.min_confidence = std::strtod(v->c_str(), &end);
    if (end != v->c_str() + v->size() || !(f.min_confidence >= 0 && f.min_confidence <= 1))
      Fail(400, "out_of_range", "'min_confidence' must be a number from 0 to 1");
  }
  return f;
}

namespace {

// The deepest nesting of arrays and objects in a JSON text (strings skipped).
int JsonDepth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

void OnlyFields(const json& body, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body.items())
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
      Fail(400, "unknown_field", "unknown field '" + key + "'");
}

json JsonBody(const httplib::Request& req) {
  if (JsonDepth(req.body) > kMaxJsonDepth)
    Fail(400, "json_too_deep",
         "the JSON body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  // Each open object's keys so far: a key seen twice in one object is refused, since which of
  // the two values counts would otherwise be the parser's choice.
  std::vector<std::set<std::string>> open_objects;
  std::optional<std::string> duplicate;
  auto track_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == json::parse_event_t::object_end) {
      open_objects.pop_back();
    } else if (event == json::parse_event_t::key && !duplicate &&
               !open_objects.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  json body = json::parse(req.body, track_keys, false);
  if (body.is_discarded()) Fail(400, "invalid_json", "the body is not valid JSON");
  if (duplicate)
    Fail(400, "duplicate_key", "the key '" + *duplicate + "' appears twice in one JSON object");
  if (!body.is_object()) Fail(400, "invalid_json", "the body must be a JSON object");
  return body;
}

}  // namespace actorgraph::api
