// The API's request parsing: the first line of the input is a query string, the rest a JSON
// body. Every parser either returns or throws HttpError with a 4xx status — nothing else.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http_util.h"

namespace api = actorgraph::api;

namespace {

template <typename F>
void Expect4xxOrValue(F&& f) {
  try {
    f();
  } catch (const api::HttpError& e) {
    if (e.status < 400 || e.status >= 500) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string query = input.substr(0, nl),
              body = nl == std::string::npos ? "" : input.substr(nl + 1);
  httplib::Request req;
  httplib::detail::parse_query_text(query, req.params);
  req.body = body;
  req.set_header("Content-Type", "application/json");
  Expect4xxOrValue([&] { api::LimitParam(req, 50); });
  Expect4xxOrValue([&] { api::SizeParam(req, "depth", 1, 1, 4); });
  Expect4xxOrValue([&] { api::IdParam(req, "id"); });
  Expect4xxOrValue([&] { api::IdText(query, "id"); });
  Expect4xxOrValue([&] { api::EdgeIdText(query); });
  Expect4xxOrValue([&] { api::EdgeTypesParam(req, "edge_type"); });
  Expect4xxOrValue([&] { api::NodeTypesParam(req, "type"); });
  Expect4xxOrValue([&] { api::DateParam(req, "since"); });
  Expect4xxOrValue([&] { api::FilterParams(req); });
  Expect4xxOrValue([&] { api::JsonBody(req); });
  return 0;
}
