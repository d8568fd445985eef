// HTTPS: the follower checks the server's certificate (a self-signed one is refused with a
// clear error), and trusts it when given as --ca-file.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "actorgraph/importers/feeds.h"
#include "actorgraph/importers/follower.h"
#include "follow/site_server.h"
#include "support/extractor.h"
#include "support/store_support.h"
#include "support/temp_dir.h"

using namespace actorgraph;

TEST_CASE("HTTPS feeds: the certificate is checked", "[follow][https]") {
  testing::TempDir tmp;
  const std::string cert = tmp.Sub("cert.pem"), key = tmp.Sub("key.pem");
  const std::string cmd =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      key + " -out " + cert + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  httplib::SSLServer https(cert.c_str(), key.c_str());
  REQUIRE(https.is_valid());
  https.Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(testing::RssFeed({}), "application/rss+xml");
  });
  const int port = https.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { https.listen_after_bind(); });
  while (!https.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  auto store = testing::OpenOrDie(tmp.Sub("db"));
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/feed.xml";
  auto added = importers::AddFeed(*store, url, 60, static_cast<int64_t>(std::time(nullptr)));
  REQUIRE(added.ok());
  importers::FollowOptions options;
  options.host_delay_seconds = 0;
  options.total_timeout_seconds = 5;
  {
    importers::Follower follower(*store, testing::SharedExtractor(), options);
    auto polled = follower.Poll(added->first.id);
    REQUIRE(polled.ok());
    CHECK(polled->last_error.find("the server's certificate did not verify") != std::string::npos);
  }
  options.ca_file = cert;
  {
    importers::Follower follower(*store, testing::SharedExtractor(), options);
    auto polled = follower.Poll(added->first.id);
    REQUIRE(polled.ok());
    CHECK(polled->last_error.empty());
    CHECK(polled->last_success > 0);
  }
  https.stop();
  thread.join();
}
