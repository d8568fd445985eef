// Where `serve` finds the dashboard without --static-dir: in actorgraph-viz/ beside the program
// (where an install puts it), wherever the program was built; an explicit --static-dir without
// an index.html is refused with its path.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

TEST_CASE("serve finds the dashboard beside the program", "[dashboard]") {
  testing::TempDir tmp;
  const fs::path installed = tmp.Sub("bin");
  fs::create_directories(installed / "actorgraph-viz");
  fs::copy_file(testing::ActorgraphBin(), installed / "actorgraph");
  const std::string marker = "<!doctype html><title>dashboard beside the program</title>";
  std::ofstream(installed / "actorgraph-viz" / "index.html") << marker;

  testing::ServerProcess server(tmp.Sub("db"), tmp.Sub("serve.log"), {},
                                (installed / "actorgraph").string());
  httplib::Client client("127.0.0.1", server.port());
  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body == marker);
}

TEST_CASE("serve refuses a --static-dir without a dashboard", "[dashboard]") {
  testing::TempDir tmp;
  fs::create_directories(tmp.Sub("empty"));
  const std::string err = tmp.Sub("serve.err");
  auto run = testing::Run({testing::ActorgraphBin(), "serve", "--db", tmp.Sub("db"), "--port", "0",
                           "--static-dir", tmp.Sub("empty")},
                          err);
  CHECK(run.exit_code == 1);
  std::ifstream in(err);
  std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(message.find("no dashboard at " + tmp.Sub("empty")) != std::string::npos);
}
