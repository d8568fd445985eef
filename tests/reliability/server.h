// `actorgraph serve` as a child process for the reliability tests: started on a free port
// with a token, ready when /api/v1/health answers; killed (SIGKILL) or stopped (SIGTERM).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace actorgraph::testing {

inline constexpr const char* kTestToken = "reliability-secret";

class ServerProcess {
 public:
  // Starts `actorgraph serve --db db --port 0 --token kTestToken <extra>` (the program at
  // `bin`; empty: ActorgraphBin(); without --token when not `test_token`); fails the test when
  // it does not answer within 20 s.
  ServerProcess(const std::string& db, const std::string& log_path,
                const std::vector<std::string>& extra = {}, const std::string& bin = "",
                bool test_token = true);
  ~ServerProcess();  // SIGTERM and reap when still running

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  void Kill();  // SIGKILL and reap
  // The process's resident set size in KiB (from /proc), 0 when gone.
  long RssKiB() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace actorgraph::testing
