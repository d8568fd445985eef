#include "api_context.h"

#include "http_util.h"

namespace actorgraph::api {

namespace {

// Compares in a time that depends on the length of `given` only, not on where it differs.
bool ConstantTimeEquals(const std::string& given, const std::string& secret) {
  if (secret.empty()) return false;
  unsigned char diff = given.size() != secret.size();
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ secret[i % secret.size()]);
  return diff == 0;
}

}  // namespace

Handler Bound(ApiContext& ctx, Route fn) {
  return Guard(
      [&ctx, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); });
}

std::shared_ptr<const core::GraphSnapshot> ApiContext::Snapshot() {
  return Unwrap(snapshots.Get());
}

std::string ApiContext::AuthorizeWrite(const httplib::Request& req) const {
  if (options.read_only) Fail(403, "read_only", "this server is read-only");
  if (options.token.empty()) return "anonymous";
  size_t eq = options.token.find('=');
  std::string name = eq == std::string::npos ? "token" : options.token.substr(0, eq);
  std::string secret = eq == std::string::npos ? options.token : options.token.substr(eq + 1);
  std::string header = req.get_header_value("Authorization");
  const std::string scheme = "Bearer ";
  if (header.compare(0, scheme.size(), scheme) != 0)
    Fail(401, "unauthorized", "writes need the header 'Authorization: Bearer <token>'");
  if (!ConstantTimeEquals(header.substr(scheme.size()), secret))
    Fail(403, "forbidden", "the bearer token is wrong");
  return name;
}

}  // namespace actorgraph::api
