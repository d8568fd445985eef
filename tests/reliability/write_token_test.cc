// The write token of `actorgraph serve` (issue 12): with --token-file, or on a non-loopback
// host, the server makes one, keeps it in <db>/api-token (mode 0600), prints it, and reuses it
// on the next start; a loopback server without a token takes writes from programs only.
#include <httplib.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "articles.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The token the server printed on its log ("" when it printed none).
std::string PrintedToken(const std::string& log_path) {
  std::smatch m;
  std::string log = Slurp(log_path);
  static const std::regex printed("need the token ([0-9a-f]+)");
  return std::regex_search(log, m, printed) ? m[1].str() : "";
}

int PostJsonArticle(int port, int i, const std::string& token) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60);
  if (!token.empty()) client.set_bearer_token_auth(token.c_str());
  auto res = client.Post("/api/v1/articles",
                         nlohmann::json{{"text", testing::GeneratedArticle(i, 12)}}.dump(),
                         "application/json");
  return res ? res->status : -1;
}

size_t Articles(int port) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api/v1/stats");
  REQUIRE(res);
  return nlohmann::json::parse(res->body)["articles"].get<size_t>();
}

}  // namespace

TEST_CASE("serve makes a write token, keeps it with mode 0600 and reuses it", "[token]") {
  testing::TempDir tmp;
  const std::string db = tmp.Sub("db"), file = db + "/api-token";
  std::string token;
  {
    testing::ServerProcess server(db, tmp.Sub("first.log"), {"--token-file"}, "",
                                  /*test_token=*/false);
    token = PrintedToken(tmp.Sub("first.log"));
    REQUIRE(token.size() == 64);  // 32 random bytes in hex
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(Slurp(file) == token + "\n");
    CHECK(PostJsonArticle(server.port(), 1, "") == 401);
    CHECK(PostJsonArticle(server.port(), 1, "not-" + token) == 403);
    CHECK(Articles(server.port()) == 0);
    CHECK(PostJsonArticle(server.port(), 1, token) == 201);
  }
  testing::ServerProcess again(db, tmp.Sub("second.log"), {"--token-file"}, "",
                               /*test_token=*/false);
  CHECK(PrintedToken(tmp.Sub("second.log")) == token);
  CHECK(Slurp(file) == token + "\n");
  CHECK(PostJsonArticle(again.port(), 2, token) == 201);
  CHECK(Articles(again.port()) == 2);
}

TEST_CASE("two databases get different tokens", "[token]") {
  testing::TempDir tmp;
  std::string a, b;
  {
    testing::ServerProcess server(tmp.Sub("a"), tmp.Sub("a.log"), {"--token-file"}, "", false);
    a = PrintedToken(tmp.Sub("a.log"));
  }
  testing::ServerProcess server(tmp.Sub("b"), tmp.Sub("b.log"), {"--token-file"}, "", false);
  b = PrintedToken(tmp.Sub("b.log"));
  CHECK(a.size() == 64);
  CHECK(b.size() == 64);
  CHECK(a != b);
}

TEST_CASE("a loopback server without a token takes writes from programs, not pages' text",
          "[token]") {
  testing::TempDir tmp;
  const std::string db = tmp.Sub("db");
  testing::ServerProcess server(db, tmp.Sub("serve.log"), {}, "", false);
  CHECK(PrintedToken(tmp.Sub("serve.log")).empty());
  CHECK(!std::ifstream(db + "/api-token").good());
  CHECK(PostJsonArticle(server.port(), 1, "") == 201);
  httplib::Client client("127.0.0.1", server.port());
  auto program = client.Post("/api/v1/articles", testing::GeneratedArticle(2, 12), "text/plain");
  REQUIRE(program);
  CHECK(program->status == 201);  // curl, the corpus scorers
  const std::string own = "http://127.0.0.1:" + std::to_string(server.port());
  auto page = client.Post("/api/v1/articles", {{"Origin", own}}, testing::GeneratedArticle(3, 12),
                          "text/plain");
  REQUIRE(page);
  CHECK(page->status == 415);
  CHECK(Articles(server.port()) == 2);
}

TEST_CASE("a server on a non-loopback host always has a token", "[token]") {
  testing::TempDir tmp;
  const std::string db = tmp.Sub("db"), file = db + "/api-token";
  pid_t pid = testing::Spawn(
      {testing::ActorgraphBin(), "serve", "--db", db, "--host", "0.0.0.0", "--port", "0"},
      tmp.Sub("serve.log"));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::ifstream(file).good() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  testing::Reap(pid, true);
  CHECK(std::ifstream(file).good());
}
