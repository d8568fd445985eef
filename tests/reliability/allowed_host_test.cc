// `actorgraph serve --allowed-host NAME` (repeatable) adds the names a reverse proxy gives in
// the Host header; any other Host is refused with 403 bad_host (api/src/request_guard.h).
#include <httplib.h>

#include <catch2/catch.hpp>

#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;

TEST_CASE("serve takes the --allowed-host names and refuses other Hosts", "[guard]") {
  testing::TempDir tmp;
  testing::ServerProcess server(
      tmp.Sub("db"), tmp.Sub("serve.log"),
      {"--allowed-host", "graph.example.org", "--allowed-host", "proxy.example:8443"});
  httplib::Client client("127.0.0.1", server.port());
  auto status = [&](const std::string& host) {
    auto res = client.Get("/api/v1/health", {{"Host", host}});
    REQUIRE(res);
    if (res->status == 403) CHECK(res->body.find("bad_host") != std::string::npos);
    return res->status;
  };
  CHECK(status("127.0.0.1:" + std::to_string(server.port())) == 200);
  CHECK(status("graph.example.org") == 200);
  CHECK(status("proxy.example:8443") == 200);
  CHECK(status("proxy.example:8080") == 403);
  CHECK(status("evil.example") == 403);
}
