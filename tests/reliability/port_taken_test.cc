// A second `actorgraph serve` on a port another server holds exits 1 with a clear message,
// instead of sharing the port (SO_REUSEPORT) and taking part of the first one's connections.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;

TEST_CASE("serve on a taken port exits 1 and says the port is in use", "[port]") {
  testing::TempDir tmp;
  testing::ServerProcess first(tmp.Sub("a"), tmp.Sub("a.log"));
  const pid_t second = testing::Spawn({testing::ActorgraphBin(), "serve", "--db", tmp.Sub("b"),
                                       "--port", std::to_string(first.port())},
                                      tmp.Sub("b.log"));
  int status = 0;
  bool exited = false;
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
       !exited && std::chrono::steady_clock::now() < until;) {
    exited = ::waitpid(second, &status, WNOHANG) == second;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!exited) testing::Reap(second, /*kill=*/true);
  std::stringstream log;
  log << std::ifstream(tmp.Sub("b.log")).rdbuf();
  INFO(log.str());
  REQUIRE(exited);  // it did not start serving beside the first
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(log.str().find("in use") != std::string::npos);
}
