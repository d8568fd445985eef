// Neighbour pages come from the in-memory snapshot while it is current and from the store
// while it is behind; a client cannot tell which: bodies and cursors are the same. And a
// keep-alive connection carries many requests.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "api_test_support.h"

using namespace actorgraph;
using namespace actorgraph::testing;
using nlohmann::json;

namespace {

// Every page of every listing variant of `node`, concatenated (cursors included).
std::string AllListings(const LiveServer& s, const std::string& node) {
  std::string out;
  for (std::string variant : {"", "&direction=out", "&direction=in", "&edge_type=works-for"}) {
    std::string cursor;
    do {
      auto page = Get(s, "/api/v1/nodes/" + node + "/neighbors?limit=2" + variant +
                             (cursor.empty() ? "" : "&cursor=" + cursor));
      REQUIRE(page.status == 200);
      out += page.text + "\n";
      cursor =
          page.body["next_cursor"].is_null() ? "" : page.body["next_cursor"].get<std::string>();
    } while (!cursor.empty());
  }
  return out;
}

}  // namespace

TEST_CASE("neighbour pages are the same from the snapshot and from the store", "[api][read]") {
  LiveServer s;
  auto top = Get(s, "/api/v1/analytics/degree?limit=3");
  REQUIRE(top.status == 200);  // this built the snapshot: it is current now
  REQUIRE(top.body["results"].size() == 3);
  std::vector<std::string> from_snapshot;
  for (const auto& r : top.body["results"])
    from_snapshot.push_back(AllListings(s, r["node"]["id"]));

  // A write the listed nodes do not take part in: the snapshot is behind the store from now on.
  auto posted = Send(
      s, "POST", "/api/v1/articles",
      json{{"title", "A quiet day"}, {"text", "Nothing was announced on a quiet day."}}.dump());
  REQUIRE(posted.status == 201);
  for (size_t k = 0; k < 3; ++k) {
    std::string from_store = AllListings(s, top.body["results"][k]["node"]["id"]);
    CHECK(from_store == from_snapshot[k]);
    CHECK(std::count(from_store.begin(), from_store.end(), '\n') >= 4);  // pages were listed
  }
}

TEST_CASE("one keep-alive connection carries many requests", "[api][read]") {
  auto& s = CorpusServer();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(s.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  const std::string request =
      "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port()) + "\r\n\r\n";
  int answered = 0;
  for (int k = 0; k < 50; ++k) {
    REQUIRE(send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size()));
    // Read one whole response: headers, then Content-Length bytes.
    std::string got;
    char buf[4096];
    size_t header_end = std::string::npos, length = 0;
    while (header_end == std::string::npos || got.size() < header_end + 4 + length) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;  // the server closed the connection
      got.append(buf, static_cast<size_t>(n));
      if (header_end == std::string::npos &&
          (header_end = got.find("\r\n\r\n")) != std::string::npos) {
        auto at = got.find("Content-Length: ");
        REQUIRE(at != std::string::npos);
        length = std::stoul(got.substr(at + 16));
      }
    }
    if (got.rfind("HTTP/1.1 200", 0) != 0) break;
    ++answered;
  }
  close(fd);
  CHECK(answered == 50);
}

TEST_CASE("the listening socket takes a burst of new connections", "[api][read]") {
  auto& s = CorpusServer();
  // Send-Q of a listening socket in `ss -ltn` is its accept backlog (cpp-httplib's own is 5).
  std::string line = Run("ss -ltnH 'sport = :" + std::to_string(s.port()) + "'");
  std::istringstream fields(line);
  std::string state, recv_q, send_q;
  fields >> state >> recv_q >> send_q;
  REQUIRE(state == "LISTEN");
  CHECK(std::stoul(send_q) >= 128);
}
