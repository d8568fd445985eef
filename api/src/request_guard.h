// The checks every request passes before its route (and before the dashboard's files):
// - a path with a control character once decoded ("/index.html%00.js"): 400 bad_path;
// and against requests a web page on another site makes the browser send:
// - the Host header must name this server (DNS rebinding: evil.example resolving to 127.0.0.1
//   sends "Host: evil.example"): 403 bad_host on any request;
// - a write (any method but GET, HEAD and OPTIONS) with an Origin header must come from this
//   server's own origin: 403 bad_origin;
// - a write a page could send without a CORS preflight (a POST or PATCH, or a DELETE with a
//   body, of any media type but application/json) must carry a bearer token the server checks,
//   or, on a server without a token, come without an Origin header (from a program, not a
//   page): 415 unsupported_media_type otherwise.
// Reads with a foreign Origin are answered: the server sends no CORS headers, so the browser
// does not let the foreign page read the answer.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "actorgraph/api/server.h"

namespace actorgraph::api {

class RequestGuard {
 public:
  // The server's own hosts: host:port for the listening address (127.0.0.1, localhost and
  // [::1] all for a loopback one) and each of options.allowed_hosts.
  RequestGuard(const ServerOptions& options, int port);

  // Answers the request with its error and returns true when one of the checks refuses it.
  bool Refuse(const httplib::Request& req, httplib::Response& res) const;

 private:
  // `authority` is host[:port] (no port: `default_port`), compared without case.
  bool IsOwnHost(const std::string& authority, const std::string& default_port) const;
  bool IsOwnOrigin(const std::string& origin) const;

  std::vector<std::string> own_hosts_;      // "host:port", lower case
  std::vector<std::string> allowed_names_;  // --allowed-host names without a port: any port
  bool token_set_;
};

}  // namespace actorgraph::api
