// Requests a page on another site could make a browser send (api/src/request_guard.h): a
// foreign Host (DNS rebinding), a write from a foreign Origin, a text or form write without a
// token. Each is refused with nothing stored; the server's own requests pass.
#include <catch2/catch.hpp>

#include "api/api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

const char* kToken = "guard-secret";
const char* kArticle = "Anna Berg, director of Nordic Steel, spoke at the Oslo Steel Forum.";

api::ServerOptions Options(const std::string& token = "",
                           std::vector<std::string> allowed_hosts = {}) {
  api::ServerOptions o;
  o.token = token;
  o.allowed_hosts = std::move(allowed_hosts);
  return o;
}

std::string JsonArticle() { return json{{"text", kArticle}}.dump(); }

// POST /api/v1/articles with extra headers (and the token when given).
Reply PostArticle(const LiveServer& s, const std::string& body, const std::string& type,
                  const httplib::Headers& headers = {}, const std::string& token = "") {
  return ToReply(s.Client(token)->Post("/api/v1/articles", headers, body, type));
}

size_t Articles(const LiveServer& s) {
  return Get(s, "/api/v1/stats").body["articles"].get<size_t>();
}

std::string Own(const LiveServer& s, const std::string& host = "127.0.0.1") {
  return host + ":" + std::to_string(s.port());
}

}  // namespace

TEST_CASE("a page's text or form write without a token is refused", "[api][guard]") {
  LiveServer open(Options(), false);
  // What a page makes the browser send: an Origin (here even the server's own) on every POST.
  const httplib::Headers page = {{"Origin", "http://" + Own(open)}};
  for (const char* type : {"text/plain", "text/html", "application/x-www-form-urlencoded",
                           "multipart/form-data; boundary=x"}) {
    auto r = PostArticle(open, kArticle, type, page);
    CHECK(r.status == 415);
    CHECK(ErrorCode(r) == "unsupported_media_type");
  }
  // A form POST with no body names a write too (undo takes none).
  CHECK(ToReply(open.Client()->Post("/api/v1/curations/1/undo", page, "", "text/plain")).status ==
        415);
  CHECK(Articles(open) == 0);
  CHECK(PostArticle(open, JsonArticle(), "application/json; charset=utf-8", page).status == 201);
  CHECK(Articles(open) == 1);
  // A program (no Origin) writes a text article to a server without a token, as before.
  CHECK(PostArticle(open, std::string(kArticle) + "\nA second report.", "text/plain").status ==
        201);
  CHECK(Articles(open) == 2);

  LiveServer guarded(Options(kToken), false);
  auto none = PostArticle(guarded, kArticle, "text/plain");
  CHECK(none.status == 415);
  CHECK(Articles(guarded) == 0);
  auto wrong = PostArticle(guarded, kArticle, "text/plain", {}, "not-the-token");
  CHECK(wrong.status == 403);
  CHECK(ErrorCode(wrong) == "forbidden");
  CHECK(Articles(guarded) == 0);
  CHECK(PostArticle(guarded, kArticle, "text/plain", {}, kToken).status == 201);
  CHECK(Articles(guarded) == 1);
}

TEST_CASE("a DELETE without a body needs no media type", "[api][guard]") {
  LiveServer s(Options(), false);
  // Browsers preflight every DELETE; the route answers (404: no such edge), not the guard.
  auto r = Send(s, "DELETE", "/api/v1/edges/1-works-for-2");
  CHECK(r.status == 404);
  CHECK(ErrorCode(r) != "unsupported_media_type");
}

TEST_CASE("a write from a foreign Origin is refused; the server's own passes", "[api][guard]") {
  LiveServer s(Options(), false);
  for (const std::string& origin : {std::string("http://evil.example"), std::string("null"),
                                    "http://127.0.0.1:" + std::to_string(s.port() + 1),
                                    "http://" + Own(s) + ".evil.example", "ftp://" + Own(s)}) {
    auto r = PostArticle(s, JsonArticle(), "application/json", {{"Origin", origin}});
    CHECK(r.status == 403);
    CHECK(ErrorCode(r) == "bad_origin");
  }
  auto patch = ToReply(s.Client()->Patch("/api/v1/nodes/1", {{"Origin", "http://evil.example"}},
                                         "{\"name\":\"x\"}", "application/json"));
  CHECK(ErrorCode(patch) == "bad_origin");
  CHECK(Articles(s) == 0);

  CHECK(
      PostArticle(s, JsonArticle(), "application/json", {{"Origin", "http://" + Own(s)}}).status ==
      201);
  CHECK(PostArticle(s, JsonArticle(), "application/json",
                    {{"Origin", "http://" + Own(s, "localhost")}})
            .status == 200);  // the same article again
  CHECK(Articles(s) == 1);
}

TEST_CASE("a read from a foreign Origin is answered without CORS headers", "[api][guard]") {
  LiveServer s(Options(), false);
  auto res = s.Client()->Get("/api/v1/stats", {{"Origin", "http://evil.example"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(!res->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("a Host that does not name the server is refused on reads and writes", "[api][guard]") {
  LiveServer s(Options(), false);
  for (const std::string& host :
       {std::string("evil.example"), "evil.example:" + std::to_string(s.port()),
        "127.0.0.1:" + std::to_string(s.port() + 1), std::string("127.0.0.1"), std::string("")}) {
    auto read = ToReply(s.Client()->Get("/api/v1/stats", {{"Host", host}}));
    CHECK(read.status == 403);
    CHECK(ErrorCode(read) == "bad_host");
    auto write = PostArticle(s, JsonArticle(), "application/json", {{"Host", host}});
    CHECK(write.status == 403);
    CHECK(ErrorCode(write) == "bad_host");
  }
  CHECK(Articles(s) == 0);
  for (const std::string& host :
       {Own(s), Own(s, "localhost"), Own(s, "LocalHost"), Own(s, "[::1]")})
    CHECK(ToReply(s.Client()->Get("/api/v1/stats", {{"Host", host}})).status == 200);
}

TEST_CASE("--allowed-host adds a reverse proxy's name", "[api][guard]") {
  LiveServer s(Options("", {"graph.example.org", "proxy.example.org:8443"}), false);
  auto via = [&](const std::string& host) {
    return ToReply(s.Client()->Get("/api/v1/stats", {{"Host", host}})).status;
  };
  CHECK(via("graph.example.org") == 200);
  CHECK(via("graph.example.org:443") == 200);
  CHECK(via("proxy.example.org:8443") == 200);
  CHECK(via("proxy.example.org") == 403);
  CHECK(via("example.org") == 403);
  CHECK(PostArticle(s, JsonArticle(), "application/json",
                    {{"Host", "graph.example.org"}, {"Origin", "https://graph.example.org"}})
            .status == 201);
  CHECK(ErrorCode(PostArticle(
            s, JsonArticle(), "application/json",
            {{"Host", "graph.example.org"}, {"Origin", "https://evil.example"}})) == "bad_origin");
}

TEST_CASE("the OpenAPI document states the write rules", "[api][guard]") {
  auto doc = Get(CorpusServer(), "/api/v1/openapi.json").body;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items()) {
      INFO(method << " " << path);
      CHECK(op["responses"].contains("403"));  // bad_host
      if (method == "get") continue;
      CHECK(op["responses"].contains("415"));
      if (op.value("x-read-only", false)) continue;  // POST /query reads: no token
      CHECK(op["security"][0].contains("bearer"));
    }
  const auto& post = doc["paths"]["/articles"]["post"];
  CHECK(post["requestBody"]["content"].contains("text/plain"));
  CHECK(post["requestBody"]["content"].contains("application/json"));
  CHECK(doc["components"]["securitySchemes"]["bearer"]["description"].get<std::string>().find(
            "api-token") != std::string::npos);
}

TEST_CASE("a path with a control character is refused before any route or file", "[api][guard]") {
  LiveServer s(Options(), false);
  for (const char* path :
       {"/index.html%00.js", "/api/v1/stats%00", "/api/v1/search%0a?q=a", "/%7f"}) {
    INFO(path);
    auto r = Get(s, path);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_path");
  }
  CHECK(Get(s, "/api/v1/stats").status == 200);
}
