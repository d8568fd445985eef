// End-to-end: slow clients do not stall the others, and concurrent readers and writers see
// no errors.
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>

#include "api/api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;

namespace {

// A connection that sends half a request line and then nothing.
int SlowClient(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  const char partial[] = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
  REQUIRE(send(fd, partial, sizeof partial - 1, 0) > 0);
  return fd;
}

}  // namespace

TEST_CASE("slow clients do not stall other requests", "[api][concurrency]") {
  // 2 workers: the front's loop reads the slow clients (http_front.h), never a worker; with a
  // worker per connection, as cpp-httplib gives, this request waits for every read timeout.
  api::ServerOptions options;
  options.threads = 2;
  LiveServer s(options, false);
  int port = s.port();
  std::vector<int> slow;
  for (int i = 0; i < 32; ++i) slow.push_back(SlowClient(port));  // 16 times the pool
  auto t0 = std::chrono::steady_clock::now();
  auto r = Get(s, "/api/v1/health");
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.status == 200);
  CHECK(ms < 5000);  // a hang guard: a starved request waits ~40 s
  for (int fd : slow) close(fd);
}

TEST_CASE("concurrent readers and writers", "[api][concurrency]") {
  LiveServer s;
  std::string hub = Get(s, "/api/v1/analytics/degree?limit=1").body["results"][0]["node"]["id"];
  std::atomic<int> failures{0}, requests{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t) {
    readers.emplace_back([&, t] {
      auto c = s.Client();
      const std::string paths[] = {"/api/v1/subgraph?depth=2&center=" + hub,
                                   "/api/v1/analytics/pagerank",
                                   "/api/v1/search?q=unidi",
                                   "/api/v1/nodes/" + hub + "/neighbors",
                                   "/api/v1/paths?k=3&from=" + hub + "&to=" + hub,
                                   "/api/v1/events"};
      while (!stop) {
        auto r = c->Get(paths[(requests++ + t) % 6]);
        if (!r || r->status != 200) ++failures;
      }
    });
  }
  int articles = 0;
  for (int i = 0; i < 20; ++i) {
    std::string text = "Person Number" + std::to_string(i) +
                       " Smith, director of Concurrent Works " + std::to_string(i) +
                       ", spoke at the Parallel Forum " + std::to_string(i) + " in Lisbon.";
    auto r = Send(s, "POST", "/api/v1/articles",
                  nlohmann::json{{"text", text}, {"title", "Story " + std::to_string(i)}}.dump());
    articles += r.status == 201;
  }
  stop = true;
  for (auto& t : readers) t.join();
  CHECK(articles == 20);
  CHECK(failures == 0);
  CHECK(requests > 20);
  CHECK(Get(s, "/api/v1/stats").body["articles"] == s.articles() + 20);
}
