// Runs the real actorgraph binary ($ACTORGRAPH_BIN) with shell-quoted arguments and captures
// its exit code, standard output and standard error. A run longer than a minute is killed
// (exit code 124), so a command that should refuse to start cannot hang the suite.
#pragma once

#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_dir.h"

namespace actorgraph::testing {

struct Run {
  int exit_code;
  std::string out, err;
};

inline Run RunProgram(const std::string& args) {
  const char* bin = std::getenv("ACTORGRAPH_BIN");
  REQUIRE(bin != nullptr);
  TempDir dir;
  const std::string err_path = dir.Sub("stderr");
  std::string cmd = "timeout 60 " + std::string(bin) + " " + args + " 2>" + err_path;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  Run run{-1, "", ""};
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  return run;
}

}  // namespace actorgraph::testing
