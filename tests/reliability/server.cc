#include "server.h"

#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "process.h"

namespace actorgraph::testing {

ServerProcess::ServerProcess(const std::string& db, const std::string& log_path,
                             const std::vector<std::string>& extra, const std::string& bin,
                             bool test_token) {
  std::vector<std::string> argv = {bin.empty() ? ActorgraphBin() : bin,
                                   "serve",
                                   "--db",
                                   db,
                                   "--host",
                                   "127.0.0.1",
                                   "--port",
                                   "0"};
  if (test_token) argv.insert(argv.end(), {"--token", kTestToken});
  argv.insert(argv.end(), extra.begin(), extra.end());
  std::ofstream(log_path, std::ios::trunc);  // the port is read from this run's log
  pid_ = Spawn(argv, log_path);
  const std::regex bound(R"(on http://127\.0\.0\.1:(\d+)/)");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream log(log_path);
    std::stringstream text;
    text << log.rdbuf();
    std::smatch m;
    std::string s = text.str();
    if (std::regex_search(s, m, bound)) {
      port_ = std::stoi(m[1]);
      httplib::Client client("127.0.0.1", port_);
      if (auto res = client.Get("/api/v1/health"); res && res->status == 200) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  Kill();
  FAIL("the server did not start; see " << log_path);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    Reap(pid_, false);
  }
}

void ServerProcess::Kill() {
  if (pid_ > 0) Reap(pid_, true);
  pid_ = -1;
}

long ServerProcess::RssKiB() const {
  if (pid_ <= 0) return 0;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

}  // namespace actorgraph::testing
