// End-to-end: a known path asked with a method it does not take answers 405 with an Allow
// header and a JSON error; unknown paths stay 404; the OpenAPI document lists the same methods.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "api/api_test_support.h"

using namespace actorgraph::testing;
using nlohmann::json;

namespace {

struct MethodReply {
  Reply reply;
  std::string allow;
};

MethodReply Ask(const LiveServer& s, const std::string& method, const std::string& path) {
  auto c = s.Client();
  const std::string body = "{}", type = "application/json";
  httplib::Result r = method == "PUT"      ? c->Put(path, body, type)
                      : method == "POST"   ? c->Post(path, body, type)
                      : method == "DELETE" ? c->Delete(path)
                      : method == "PATCH"  ? c->Patch(path, body, type)
                                           : c->Get(path);
  MethodReply out{ToReply(r), r->get_header_value("Allow")};
  return out;
}

}  // namespace

TEST_CASE("a wrong method on a known path answers 405 with Allow", "[api][methods]") {
  auto& s = CorpusServer();
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  for (const Case& c :
       {Case{"DELETE", "/api/v1/search", "GET, HEAD"},
        Case{"PUT", "/api/v1/articles", "GET, HEAD, POST"},
        Case{"POST", "/api/v1/stats", "GET, HEAD"}, Case{"GET", "/api/v1/nodes/1/merge", "POST"},
        Case{"DELETE", "/api/v1/nodes/1", "GET, HEAD, PATCH"},
        Case{"POST", "/api/v1/edges/1-works-for-2", "GET, HEAD, DELETE"},
        Case{"PUT", "/api/v1/articles/17", "GET, HEAD"}}) {
    INFO(c.method << " " << c.path);
    auto r = Ask(s, c.method, c.path);
    CHECK(r.reply.status == 405);
    CHECK(r.allow == c.allow);
    CHECK(ErrorCode(r.reply) == "method_not_allowed");
    CHECK(r.reply.body["error"]["message"].get<std::string>().find(c.method) != std::string::npos);
  }
  // A method the path takes is routed as before; unknown paths stay 404.
  CHECK(Ask(s, "GET", "/api/v1/search?q=unido").reply.status == 200);
  CHECK(ErrorCode(Ask(s, "PATCH", "/api/v1/nodes/1").reply) == "missing_field");
  for (const char* method : {"GET", "DELETE", "PUT"}) {
    auto r = Ask(s, method, "/api/v1/nowhere");
    CHECK(r.reply.status == 404);
    CHECK(ErrorCode(r.reply) == "no_route");
    CHECK(r.allow.empty());
  }
}

TEST_CASE("every path of the OpenAPI document takes exactly its documented methods",
          "[api][methods]") {
  auto& s = CorpusServer();
  json doc = Get(s, "/api/v1/openapi.json").body;
  REQUIRE(doc["paths"].size() >= 20);
  for (const auto& [path, ops] : doc["paths"].items()) {
    std::set<std::string> documented;
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(upper);
      if (upper == "GET") documented.insert("HEAD");
    }
    // A concrete path: edge ids have their own shape, other parameters are ids.
    std::string concrete = std::regex_replace(path, std::regex(R"(\{edge_id\})"), "1-works-for-2");
    concrete = std::regex_replace(concrete, std::regex(R"(\{[a-z_]+\})"), "1");
    INFO(path);
    auto r = Ask(s, "PUT", "/api/v1" + concrete);  // no route takes PUT
    REQUIRE(r.reply.status == 405);
    std::set<std::string> allowed;
    for (const auto& m : r.reply.body["error"]["allow"]) allowed.insert(m.get<std::string>());
    CHECK(allowed == documented);
  }
}
