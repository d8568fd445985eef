// Running the actorgraph binary from tests: synchronously with captured output, or in the
// background (to be killed). Test support only.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace actorgraph::testing {

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;     // standard output
};

// The actorgraph binary: $ACTORGRAPH_BIN, as set by CTest.
std::string ActorgraphBin();
std::string SourceDir();  // $ACTORGRAPH_SOURCE_DIR

// Runs `argv` to completion; standard error goes to `stderr_path` ("" = /dev/null).
RunResult Run(const std::vector<std::string>& argv, const std::string& stderr_path = "");

// Starts `argv` in the background with output to /dev/null (or `log_path`); returns its pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log_path = "");
// SIGKILLs (when `kill`) and reaps the process; returns its wait status.
int Reap(pid_t pid, bool kill);

}  // namespace actorgraph::testing
