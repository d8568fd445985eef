#include "request_guard.h"

#include <algorithm>
#include <cctype>

#include "http_util.h"

namespace actorgraph::api {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// "host:port" -> {"host", "port"}; "[::1]:80" -> {"[::1]", "80"}; no port: {authority, ""}.
std::pair<std::string, std::string> SplitPort(const std::string& authority) {
  size_t colon = authority.rfind(':');
  size_t bracket = authority.rfind(']');
  if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket))
    return {authority, ""};
  return {authority.substr(0, colon), authority.substr(colon + 1)};
}

// An IPv6 address as a Host header spells it: in brackets.
std::string HostForm(const std::string& host) {
  if (host.find(':') != std::string::npos && host.front() != '[') return "[" + host + "]";
  return host;
}

bool IsWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length != "0";
}

// The media type without parameters, in lower case: "Application/JSON; charset=utf-8" ->
// "application/json".
std::string MediaType(const httplib::Request& req) {
  std::string type = Lower(req.get_header_value("Content-Type"));
  type = type.substr(0, type.find(';'));
  type.erase(type.find_last_not_of(" \t") + 1);
  return type;
}

}  // namespace

RequestGuard::RequestGuard(const ServerOptions& options, int port)
    : token_set_(!options.token.empty()) {
  std::string p = std::to_string(port);
  std::vector<std::string> hosts = {HostForm(options.host)};
  if (IsLoopbackHost(options.host)) hosts.insert(hosts.end(), {"127.0.0.1", "localhost", "[::1]"});
  for (const auto& h : hosts) own_hosts_.push_back(Lower(h) + ":" + p);
  for (const auto& name : options.allowed_hosts) {
    if (SplitPort(name).second.empty())
      allowed_names_.push_back(Lower(name));
    else
      own_hosts_.push_back(Lower(name));
  }
}

bool RequestGuard::IsOwnHost(const std::string& authority, const std::string& default_port) const {
  auto [host, port] = SplitPort(Lower(authority));
  if (host.empty()) return false;
  if (std::find(allowed_names_.begin(), allowed_names_.end(), host) != allowed_names_.end())
    return true;
  std::string full = host + ":" + (port.empty() ? default_port : port);
  return std::find(own_hosts_.begin(), own_hosts_.end(), full) != own_hosts_.end();
}

bool RequestGuard::IsOwnOrigin(const std::string& origin) const {
  for (const char* scheme : {"http", "https"}) {
    std::string prefix = std::string(scheme) + "://";
    if (Lower(origin).rfind(prefix, 0) == 0)
      return IsOwnHost(origin.substr(prefix.size()), scheme == std::string("http") ? "80" : "443");
  }
  return false;  // "null" (a sandboxed frame, a file:// page) or another scheme
}

bool RequestGuard::Refuse(const httplib::Request& req, httplib::Response& res) const {
  // The path as decoded ("%00" is a NUL): a control byte names no file or route, and would let
  // "/index.html%00.js" be served as a script.
  if (std::any_of(req.path.begin(), req.path.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    SendError(res, 400, "bad_path", "the path holds a control character");
    return true;
  }
  std::string host = req.get_header_value("Host");
  if (!IsOwnHost(host, "80")) {
    SendError(res, 403, "bad_host",
              "the Host header '" + host +
                  "' does not name this server (start it with --allowed-host NAME to add one)");
    return true;
  }
  if (!IsWrite(req.method)) return false;
  if (req.has_header("Origin") && !IsOwnOrigin(req.get_header_value("Origin"))) {
    SendError(res, 403, "bad_origin",
              "writes from the origin '" + req.get_header_value("Origin") + "' are refused");
    return true;
  }
  bool preflight_free = req.method != "DELETE" || HasBody(req);
  bool token_checked = token_set_ && req.has_header("Authorization");
  // Browsers send Origin with every POST a page makes; a request without one comes from a
  // program (curl, a script), which a server without a token trusts as its user.
  bool program_on_open_server = !token_set_ && !req.has_header("Origin");
  if (preflight_free && MediaType(req) != "application/json" && !token_checked &&
      !program_on_open_server) {
    SendError(res, 415, "unsupported_media_type",
              "writes from a web page take Content-Type: application/json; a text/plain or "
              "text/html article needs 'Authorization: Bearer <token>' on a server started with "
              "a token");
    return true;
  }
  return false;
}

}  // namespace actorgraph::api
