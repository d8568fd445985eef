// A catalogue of malformed inputs: each one is answered with a specific 4xx (HTTP) or a clear
// CLI error, within a second, stores nothing, and the server keeps serving others meanwhile.
// Authentication: no token 401, a wrong token 403, a write to a --read-only server 403.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "articles.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
using Clock = std::chrono::steady_clock;

namespace {

struct Case {
  std::string name;
  std::function<httplib::Result(httplib::Client&)> send;
  int expected;  // the status the API must answer
};

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

httplib::Headers Auth() {
  return {{"Authorization", std::string("Bearer ") + testing::kTestToken}};
}

httplib::Result PostArticle(httplib::Client& c, const std::string& body, const std::string& type,
                            httplib::Headers headers = Auth()) {
  return c.Post("/api/v1/articles", headers, body, type);
}

// A gzip stream of `mb` MiB of zeros (about 1 KiB per MiB), made by python3's zlib.
std::string GzipBomb(const testing::TempDir& tmp, int mb) {
  std::string path = tmp.Sub("bomb.gz");
  auto r = testing::Run({"/usr/bin/python3", "-c",
                         "import gzip,sys; sys.stdout.buffer.write(gzip.compress(b'\\0' * (" +
                             std::to_string(mb) + " << 20), 9))"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Sends the first line and one header, then one byte every 300 ms for `seconds`; returns
// how long the server kept the connection open.
double SlowHeaders(int port, int seconds) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  auto start = Clock::now();
  std::string head = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  while (Clock::now() - start < std::chrono::seconds(seconds)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (send(fd, "a", 1, MSG_NOSIGNAL) != 1) break;
  }
  close(fd);
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Hang guards, not speed measurements (those live in bench/): a refusal that waits for a
// timeout (10 s) or reads a whole bomb takes far longer than these, while a loaded CI machine
// may take a second to start the program and load its models.
constexpr double kServerAnswerSeconds = 5.0;
constexpr double kImportRefusalSeconds = 8.0;

// Sends each case; checks its status, its error body and that it was answered without a hang.
void RunCases(httplib::Client& client, const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO(c.name);
    auto start = Clock::now();
    auto res = c.send(client);
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    REQUIRE(res);
    INFO("answer " << res->status << " " << res->body.substr(0, 200));
    CHECK(res->status == c.expected);
    CHECK(secs < kServerAnswerSeconds);
    if (res->status >= 400) CHECK(res->body.find("\"error\"") != std::string::npos);
  }
}

// A database in `tmp` with the samples imported; returns its folder.
std::string ImportSamples(const testing::TempDir& tmp) {
  std::string db = tmp.Sub("db");
  REQUIRE(testing::Run(
              {testing::ActorgraphBin(), "import", "--db", db, testing::SourceDir() + "/samples"})
              .exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("malformed requests get a specific 4xx fast, store nothing, and others are served",
          "[bad-input]") {
  testing::TempDir tmp;
  const std::string db = ImportSamples(tmp);
  testing::ServerProcess server(db, tmp.Sub("server.log"));
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(5, 0);
  auto stats_before = client.Get("/api/v1/stats");
  REQUIRE(stats_before);
  const std::string text = testing::GeneratedArticle(1, 77);

  std::vector<Case> cases = {
      {"oversized body (9 MiB)",
       [&](httplib::Client& c) { return PostArticle(c, std::string(9 << 20, 'a'), "text/plain"); },
       413},
      {"deep JSON (10,000 levels)",
       [&](httplib::Client& c) {
         return PostArticle(c, Repeat("[", 10000) + Repeat("]", 10000), "application/json");
       },
       400},
      {"deep JSON object in a field",
       [&](httplib::Client& c) {
         return PostArticle(
             c,
             "{\"text\":\"x\",\"meta\":" + Repeat("{\"a\":", 5000) + "1" + Repeat("}", 5000) + "}",
             "application/json");
       },
       400},
      {"invalid UTF-8 in a JSON string",
       [&](httplib::Client& c) {
         return PostArticle(c, "{\"text\":\"Ana \xff\xfe Lima, CEO of Norda.\"}",
                            "application/json");
       },
       400},
      {"JSON that is not an object",
       [&](httplib::Client& c) { return PostArticle(c, "[1,2,3]", "application/json"); }, 400},
      {"invalid JSON",
       [&](httplib::Client& c) { return PostArticle(c, "{\"text\": ", "application/json"); }, 400},
      {"text of the wrong type",
       [&](httplib::Client& c) { return PostArticle(c, "{\"text\": 5}", "application/json"); },
       400},
      {"bad date",
       [&](httplib::Client& c) {
         return PostArticle(c, nlohmann::json{{"text", text}, {"date", "yesterday"}}.dump(),
                            "application/json");
       },
       400},
      {"empty body", [&](httplib::Client& c) { return PostArticle(c, "", "text/plain"); }, 400},
      {"binary body",
       [&](httplib::Client& c) {
         return PostArticle(c,
                            std::string("\x7f"
                                        "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                        16) +
                                Repeat(std::string("\0\x01\x02\x03", 4), 1000),
                            "text/plain");
       },
       400},
      {"unsupported media type",
       [&](httplib::Client& c) { return PostArticle(c, text, "application/octet-stream"); }, 415},
      {"negative limit", [&](httplib::Client& c) { return c.Get("/api/v1/search?q=nor&limit=-1"); },
       400},
      {"huge limit",
       [&](httplib::Client& c) {
         return c.Get("/api/v1/search?q=nor&limit=99999999999999999999999");
       },
       400},
      {"limit above the maximum",
       [&](httplib::Client& c) { return c.Get("/api/v1/search?q=nor&limit=1000000"); }, 400},
      {"limit not a number",
       [&](httplib::Client& c) { return c.Get("/api/v1/search?q=nor&limit=ten"); }, 400},
      {"path depth 1,000",
       [&](httplib::Client& c) { return c.Get("/api/v1/nodes/" + Repeat("a/", 1000)); }, 404},
      {"bad node id", [&](httplib::Client& c) { return c.Get("/api/v1/nodes/not-an-id"); }, 400},
      {"node id overflowing 64 bits",
       [&](httplib::Client& c) { return c.Get("/api/v1/nodes/99999999999999999999999"); }, 400},
      {"unknown node", [&](httplib::Client& c) { return c.Get("/api/v1/nodes/12345"); }, 404},
      {"bad edge id", [&](httplib::Client& c) { return c.Get("/api/v1/edges/1-x-2"); }, 400},
      {"unknown node type filter",
       [&](httplib::Client& c) { return c.Get("/api/v1/search?q=nor&type=robot"); }, 400},
      {"subgraph depth too large",
       [&](httplib::Client& c) { return c.Get("/api/v1/subgraph?node=1&depth=1000"); }, 400},
      {"URI of 100 KB",
       [&](httplib::Client& c) { return c.Get("/api/v1/search?q=" + std::string(100000, 'a')); },
       414},
      {"no route", [&](httplib::Client& c) { return c.Get("/api/v1/nope"); }, 404},
      {"write without a token",
       [&](httplib::Client& c) {
         return PostArticle(c, nlohmann::json{{"text", text}}.dump(), "application/json", {});
       },
       401},
      {"text/plain write without a token (a cross-site form could send it)",
       [&](httplib::Client& c) { return PostArticle(c, text, "text/plain", {}); }, 415},
      {"write with a wrong token",
       [&](httplib::Client& c) {
         return PostArticle(c, text, "text/plain", {{"Authorization", "Bearer wrong"}});
       },
       403},
  };

  // Meanwhile a client keeps reading; every one of its requests must succeed quickly.
  std::atomic<bool> done{false};
  std::atomic<int> probe_failures{0}, probes{0};
  double probe_worst = 0;
  std::thread prober([&] {
    httplib::Client probe("127.0.0.1", server.port());
    while (!done) {
      auto start = Clock::now();
      auto res = probe.Get("/api/v1/health");
      double secs = std::chrono::duration<double>(Clock::now() - start).count();
      probe_worst = std::max(probe_worst, secs);
      ++probes;
      if (!res || res->status != 200 || secs > 1.0) ++probe_failures;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  std::thread slow([&] { SlowHeaders(server.port(), 4); });

  RunCases(client, cases);
  slow.join();
  done = true;
  prober.join();
  CHECK(probes > 10);
  INFO("worst probe " << probe_worst << " s");
  CHECK(probe_failures == 0);

  auto stats_after = client.Get("/api/v1/stats");
  REQUIRE(stats_after);
  CHECK(stats_after->body == stats_before->body);  // nothing stored
}

TEST_CASE("a read-only server refuses writes", "[bad-input]") {
  testing::TempDir tmp;
  const std::string db = ImportSamples(tmp);
  testing::ServerProcess server(db, tmp.Sub("server.log"), {"--read-only"});
  httplib::Client client("127.0.0.1", server.port());
  auto res = PostArticle(client, testing::GeneratedArticle(3, 77), "text/plain");
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(res->body.find("read_only") != std::string::npos);
}

TEST_CASE("the importer refuses bad files with a clear error, fast, storing nothing",
          "[bad-input]") {
  testing::TempDir tmp;
  namespace fs = std::filesystem;
  const std::string db = ImportSamples(tmp);
  auto counts = [&] { return testing::Run({testing::ActorgraphBin(), "stats", "--db", db}).out; };
  const std::string before = counts();

  struct FileCase {
    std::string name, file, expected_reason;
    std::function<void(const std::string&)> make;
  };
  std::vector<FileCase> cases = {
      {"a 1 GB (sparse) file", "huge.txt", "too large",
       [](const std::string& p) {
         std::ofstream(p).close();
         fs::resize_file(p, uintmax_t{1} << 30);
       }},
      {"a binary file", "binary.txt", "binary",
       [](const std::string& p) {
         std::ofstream(p) << std::string(
                                 "\x7f"
                                 "ELF\x02\x01\x01\0\0\0\0",
                                 11)
                          << std::string(4096, '\0');
       }},
      {"an empty file", "empty.txt", "empty",
       [](const std::string& p) { std::ofstream(p).close(); }},
      {"a feed with an XML entity bomb", "bomb.xml", "entit",
       [](const std::string& p) {
         std::ofstream(p) << "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                             "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
                             "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                             "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
                             "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                             "<rss "
                             "version=\"2.0\"><channel><item><title>&e;</"
                             "title><description>&e;&e;&e;</description>"
                             "</item></channel></rss>\n";
       }},
      {"a JSON Lines file of bad lines", "bad.jsonl", "",
       [](const std::string& p) {
         std::ofstream(p) << "{\"text\": 5}\nnot json\n[1]\n{\"url\":\"x\"}\n";
       }},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    std::string path = tmp.Sub(c.file);
    c.make(path);
    auto start = Clock::now();
    std::string err = tmp.Sub(c.file + ".err");
    auto r = testing::Run({testing::ActorgraphBin(), "import", "--db", db, path}, err);
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::ifstream e(err);
    std::string message((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
    INFO("exit " << r.exit_code << "\n" << r.out << message);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("refused: " + path) != std::string::npos);
    if (!c.expected_reason.empty()) CHECK(r.out.find(c.expected_reason) != std::string::npos);
    CHECK(secs < kImportRefusalSeconds);
  }
  CHECK(counts() == before);
}

// Unknown fields, compressed bodies and HTML bombs: refused with a specific 4xx, nothing stored.
TEST_CASE("unknown fields, gzip bodies and HTML bombs are refused", "[bad-input]") {
  testing::TempDir tmp;
  const std::string db = ImportSamples(tmp);
  testing::ServerProcess server(db, tmp.Sub("server.log"));
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(5, 0);
  auto stats_before = client.Get("/api/v1/stats");
  REQUIRE(stats_before);
  const std::string gzip_bomb = GzipBomb(tmp, 64);
  const std::string text = testing::GeneratedArticle(2, 77);
  RunCases(client, {
                       {"unknown fields",
                        [&](httplib::Client& c) {
                          return PostArticle(c, nlohmann::json{{"text", text}, {"bogus", 1}}.dump(),
                                             "application/json");
                        },
                        400},
                       {"gzip bomb (64 MiB of zeros)",
                        [&](httplib::Client& c) {
                          auto h = Auth();
                          h.emplace("Content-Encoding", "gzip");
                          return c.Post("/api/v1/articles", h, gzip_bomb, "text/plain");
                        },
                        415},
                       {"HTML bomb (200,000 nested divs)",
                        [&](httplib::Client& c) {
                          return PostArticle(c, "<html><body>" + Repeat("<div>", 200000) + "x",
                                             "text/html");
                        },
                        400},
                   });
  auto stats_after = client.Get("/api/v1/stats");
  REQUIRE(stats_after);
  CHECK(stats_after->body == stats_before->body);  // nothing stored

  // The importer refuses an HTML bomb with a clear message, without a hang.
  std::string path = tmp.Sub("bomb.html");
  std::ofstream(path) << "<html><body>" << Repeat("<div>", 200000) << "x";
  auto start = Clock::now();
  auto r = testing::Run(
      {testing::ActorgraphBin(), "import", "--db", tmp.Sub("db2"), path});  // db is served
  CHECK(r.exit_code == 1);
  CHECK(std::chrono::duration<double>(Clock::now() - start).count() < kImportRefusalSeconds);
}
