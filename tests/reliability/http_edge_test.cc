// The HTTP edge of `actorgraph serve` (api/src/http_front.h, request_framer.h), probed with
// raw bytes on loopback: everything is bounded before it is buffered, malformed framing is
// refused and the connection closed, pipelined requests are answered in order, and slow or
// many clients do not take the workers.
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "raw_http.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using testing::RawConnection;
using Clock = std::chrono::steady_clock;

namespace {

// Hang guards, not speed measurements: an answer that waits for a timeout or for a body that
// never comes takes far longer.
constexpr double kAnswerSeconds = 5.0;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string ErrorCode(const std::string& bytes) {
  auto body = nlohmann::json::parse(testing::LastBody(bytes), nullptr, false);
  if (!body.is_object() || !body.contains("error")) return "";
  return body["error"].value("code", "");
}

// Sends `request` alone on a new connection; expects one `status` answer with a JSON error
// body and the connection closed by the server.
// (`statuses`: the answers expected before the close, when not just `status`.)
void ExpectRefusedAndClosed(int port, const std::string& request, int status,
                            const std::string& code = "", std::vector<int> statuses = {}) {
  RawConnection c(port);
  c.Send(request);
  std::string got = c.ReadUntilClosed(kAnswerSeconds);
  INFO(got.substr(0, 300));
  if (statuses.empty()) statuses = {status};
  CHECK(testing::Statuses(got) == statuses);
  if (!code.empty()) CHECK(ErrorCode(got) == code);
  CHECK(!ErrorCode(got).empty());
  CHECK(c.closed());
}

std::string Get(int port, const std::string& path, const std::string& extra = "") {
  return "GET " + path + " HTTP/1.1\r\n" + testing::HostLine(port) + extra + "\r\n";
}

}  // namespace

TEST_CASE("pipelined requests in one segment are all answered, in order", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  RawConnection c(port);
  REQUIRE(c.Send(Get(port, "/api/v1/health") + Get(port, "/api/v1/nope") +
                 Get(port, "/api/v1/stats", "Connection: close\r\n")));
  std::string got = c.ReadUntilClosed(kAnswerSeconds);
  INFO(got);
  CHECK(testing::Statuses(got) == std::vector<int>{200, 404, 200});
  size_t no_route = got.find("no_route"), nodes = got.find("\"nodes\"");
  CHECK(no_route != std::string::npos);
  CHECK(nodes != std::string::npos);
  CHECK(no_route < nodes);
  CHECK(c.closed());  // the last one asked for it
}

TEST_CASE("a POST without a body is an empty body, and the next request is answered",
          "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  RawConnection c(port);
  auto start = Clock::now();
  REQUIRE(c.Send("POST /api/v1/query HTTP/1.1\r\n" + testing::HostLine(port) +
                 "Content-Type: application/json\r\n\r\n" +
                 Get(port, "/api/v1/health", "Connection: close\r\n")));
  std::string got = c.ReadUntilClosed(kAnswerSeconds);
  INFO(got);
  CHECK(testing::Statuses(got) == std::vector<int>{400, 200});  // an empty query, then health
  CHECK(SecondsSince(start) < kAnswerSeconds);
}

TEST_CASE("malformed framing and header lines are 400 and close the connection", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  const std::string post = "POST /api/v1/query HTTP/1.1\r\n" + testing::HostLine(port) +
                           "Content-Type: application/json\r\n";
  struct Case {
    const char* name;
    std::string request;
    int status;
  };
  const std::vector<Case> cases = {
      {"Content-Length and Transfer-Encoding",
       post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {"Content-Length twice, the same", post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
       400},
      {"Content-Length twice, different",
       post + "Content-Length: 2\r\nContent-Length: 20\r\n\r\n{}", 400},
      {"Content-Length a list", post + "Content-Length: 2, 2\r\n\r\n{}", 400},
      {"Content-Length signed", post + "Content-Length: +2\r\n\r\n{}", 400},
      {"Content-Length not a number", post + "Content-Length: two\r\n\r\n{}", 400},
      {"Transfer-Encoding twice",
       post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {"a header line without a colon", Get(port, "/api/v1/health", "NoColonHere\r\n"), 400},
      {"a space before the colon", Get(port, "/api/v1/health", "X-A : b\r\n"), 400},
      {"a folded header line", Get(port, "/api/v1/health", "X-A: b\r\n  c\r\n"), 400},
      {"a NUL in a header value", Get(port, "/api/v1/health", std::string("X-A: b\0c\r\n", 10)),
       400},
      {"a bare CR in a header line", Get(port, "/api/v1/health", "X-A: b\rc\r\n"), 400},
      {"Host twice", Get(port, "/api/v1/health", testing::HostLine(port)), 400},
      {"a NUL byte in the path",
       std::string("GET /api/v1/he\0alth HTTP/1.1\r\n", 30) + testing::HostLine(port) + "\r\n",
       400},
      {"a control byte in the path",
       "GET /api/v1/he\x01"
       "alth HTTP/1.1\r\n" +
           testing::HostLine(port) + "\r\n",
       400},
      {"a malformed request line",
       "GET  /api/v1/health HTTP/1.1\r\n" + testing::HostLine(port) + "\r\n", 400},
      {"a malformed chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
       400},
      {"chunk data not followed by CRLF",
       post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx0\r\n\r\n", 400},
      {"a transfer coding other than chunked", post + "Transfer-Encoding: gzip\r\n\r\n", 501},
      {"HTTP/2.0 in the request line",
       "GET /api/v1/health HTTP/2.0\r\n" + testing::HostLine(port) + "\r\n", 505},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    // A valid request pipelined behind the bad one must not be answered: the connection is
    // closed after the refusal, so nothing after it is read as a request.
    ExpectRefusedAndClosed(port, c.request + Get(port, "/api/v1/health"), c.status);
  }
  // The same behind an answered request on a keep-alive connection (the bad line is the last
  // byte sent: nothing else arrives to make the server look at it again).
  ExpectRefusedAndClosed(port, Get(port, "/api/v1/health") + "GET  /x HTTP/1.1\r\n", 400,
                         "bad_request", {200, 400});
  // The server still serves.
  RawConnection ok(port);
  ok.Send(Get(port, "/api/v1/health", "Connection: close\r\n"));
  CHECK(testing::Statuses(ok.ReadUntilClosed(kAnswerSeconds)) == std::vector<int>{200});
}

TEST_CASE("too many header lines or header bytes are 431", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  std::string many, big, fine;
  for (int i = 0; i < 101; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  for (int i = 0; i < 40; ++i)
    big += "X-H" + std::to_string(i) + ": " + std::string(1000, 'v') + "\r\n";
  for (int i = 0; i < 90; ++i)
    fine += "X-H" + std::to_string(i) + ": " + std::string(100, 'v') + "\r\n";
  ExpectRefusedAndClosed(port, Get(port, "/api/v1/health", many), 431, "header_too_large");
  ExpectRefusedAndClosed(port, Get(port, "/api/v1/health", big), 431, "header_too_large");
  ExpectRefusedAndClosed(port,
                         Get(port, "/api/v1/health", "X-Big: " + std::string(40000, 'v') + "\r\n"),
                         431, "header_too_large");
  RawConnection c(port);  // under both limits
  c.Send(Get(port, "/api/v1/health", fine + "Connection: close\r\n"));
  CHECK(testing::Statuses(c.ReadUntilClosed(kAnswerSeconds)) == std::vector<int>{200});
}

TEST_CASE("a chunked body is capped as it arrives", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  const std::string head = "POST /api/v1/articles HTTP/1.1\r\n" + testing::HostLine(port) +
                           "Authorization: Bearer " + testing::kTestToken +
                           "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
  SECTION("a chunk larger than the cap is refused from its size line") {
    auto start = Clock::now();
    ExpectRefusedAndClosed(port, head + "900000\r\n", 413, "body_too_large");  // 9 MiB
    CHECK(SecondsSince(start) < kAnswerSeconds);
  }
  SECTION("chunks adding up past the cap are refused once they pass it") {
    RawConnection c(port);
    c.Send(head);
    const std::string chunk = "100000\r\n" + std::string(1 << 20, 'a') + "\r\n";  // 1 MiB
    int sent = 0;
    // Without a cap the server reads all 64 MiB and then waits for the last chunk.
    while (sent < 64 && !c.ReadUntil("HTTP/1.1", 0) && c.Send(chunk)) ++sent;
    std::string got = c.ReadUntilClosed(kAnswerSeconds);
    INFO("sent " << sent << " MiB; " << got.substr(0, 300));
    CHECK(testing::Statuses(got) == std::vector<int>{413});
    CHECK(ErrorCode(got) == "body_too_large");
    CHECK(sent < 32);  // 8 MiB and what the sockets' buffers held
  }
}

TEST_CASE("the token is checked before the body is read", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  // A 5 MB body announced, never sent: the answer cannot wait for it.
  const std::string head = "POST /api/v1/articles HTTP/1.1\r\n" + testing::HostLine(port) +
                           "Content-Type: application/json\r\nContent-Length: 5000000\r\n";
  auto start = Clock::now();
  ExpectRefusedAndClosed(port, head + "\r\n", 401, "unauthorized");
  ExpectRefusedAndClosed(port, head + "Authorization: Bearer wrong\r\n\r\n", 403, "forbidden");
  CHECK(SecondsSince(start) < 2 * kAnswerSeconds);
  // The same behind an answered request on a keep-alive connection.
  ExpectRefusedAndClosed(port, Get(port, "/api/v1/health") + head + "\r\n", 401, "unauthorized",
                         {200, 401});

  // With the right token and "Expect: 100-continue" the server asks for the body.
  const std::string article = "{\"text\": \"Ana Lima, CEO of Norda, spoke in Lisbon.\"}";
  RawConnection c(port);
  c.Send("POST /api/v1/articles HTTP/1.1\r\n" + testing::HostLine(port) + "Authorization: Bearer " +
         testing::kTestToken +
         "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
         std::to_string(article.size()) + "\r\nConnection: close\r\n\r\n");
  CHECK(c.ReadUntil("HTTP/1.1 100 Continue\r\n\r\n", kAnswerSeconds));
  c.Send(article);
  std::string got = c.ReadUntilClosed(30);  // extraction loads the models on a first article
  INFO(got);
  std::vector<int> statuses = testing::Statuses(got);
  REQUIRE(statuses.size() == 2);
  CHECK(statuses[0] == 100);
  CHECK(statuses[1] / 100 == 2);
}

TEST_CASE("a request must arrive whole within --request-timeout, however it trickles",
          "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"), {"--request-timeout", "2"});
  const int port = server.port();
  auto trickle = [&](const std::string& start_bytes) {
    RawConnection c(port);
    auto start = Clock::now();
    c.Send(start_bytes);
    // A byte every 200 ms: far inside any per-read timeout, never a whole request.
    while (SecondsSince(start) < 10 && !c.ReadUntil("HTTP/1.1", 0.2)) c.Send("a");
    std::string got = c.ReadUntilClosed(kAnswerSeconds);
    double seconds = SecondsSince(start);
    INFO(got.substr(0, 300));
    CHECK(testing::Statuses(got) == std::vector<int>{408});
    CHECK(ErrorCode(got) == "request_timeout");
    CHECK(c.closed());
    CHECK(seconds >= 1.5);
    CHECK(seconds < 2 + kAnswerSeconds);
  };
  SECTION("the head") {
    trickle("GET /api/v1/health HTTP/1.1\r\n" + testing::HostLine(port) + "X-Slow: ");
  }
  SECTION("the body") {
    trickle("POST /api/v1/query HTTP/1.1\r\n" + testing::HostLine(port) +
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
  }
}

TEST_CASE("500 trickling connections do not take the workers", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"));
  const int port = server.port();
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 500; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port));
    slow.back()->Send("GET /api/v1/health HTTP/1.1\r\n" + testing::HostLine(port) + "X-Slow: ");
  }
  // Every trickling connection sends a byte a second while a normal client asks for /health;
  // with a worker per connection the 64 workers are all taken and it waits forever.
  auto start = Clock::now();
  double worst = 0;
  int answered = 0;
  while (SecondsSince(start) < 4) {
    for (auto& c : slow) c->Send("a");
    auto t0 = Clock::now();
    RawConnection probe(port);
    probe.Send(Get(port, "/api/v1/health", "Connection: close\r\n"));
    if (testing::Statuses(probe.ReadUntilClosed(kAnswerSeconds)) == std::vector<int>{200})
      ++answered;
    worst = std::max(worst, SecondsSince(t0));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  INFO("worst /health " << worst << " s; bench/http_edge_bench.py gives the p99");
  CHECK(answered >= 5);
  CHECK(worst < kAnswerSeconds);
}

TEST_CASE("connections beyond --max-connections are answered 503", "[http-edge]") {
  testing::TempDir tmp;
  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("server.log"), {"--max-connections", "4"});
  const int port = server.port();
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<RawConnection>(port));
    held.back()->Send("GET /api/v1/health HTTP/1.1\r\n" + testing::HostLine(port));  // unfinished
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // all four accepted
  RawConnection extra(port);
  extra.Send(Get(port, "/api/v1/health"));
  std::string got = extra.ReadUntilClosed(kAnswerSeconds);
  INFO(got);
  CHECK(testing::Statuses(got) == std::vector<int>{503});
  CHECK(ErrorCode(got) == "overloaded");
  CHECK(got.find("Retry-After: 1\r\n") != std::string::npos);
  CHECK(extra.closed());

  held.pop_back();  // one closes: a new connection is served again
  bool served = false;
  for (int attempt = 0; attempt < 20 && !served; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    RawConnection again(port);
    again.Send(Get(port, "/api/v1/health", "Connection: close\r\n"));
    served = testing::Statuses(again.ReadUntilClosed(kAnswerSeconds)) == std::vector<int>{200};
  }
  CHECK(served);
}
