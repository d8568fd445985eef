// A full disk and read-only media (issue 12, point 5), on a real tmpfs of 3 MiB mounted by the
// test (root only: skipped with a warning where mount is not allowed):
// - `import` on a disk that fills up exits 1 with a clear message, no abort (--no-sync too),
//   and acknowledges nothing it did not store;
// - `serve` answers 507 storage_full (no file path in the body) and /health?writes=1 503 while
//   the disk is full; once a file is deleted, writes work again without a restart and
//   /health?writes=1 answers 200; after a restart every acknowledged article is there;
// - `serve --read-only` serves a database on a read-only mount;
// - a damaged table makes the name index lookups fail, never answer a shorter list.
#include <fcntl.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "articles.h"
#include "db_view.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A tmpfs of `size` mounted on `dir` for the test's lifetime (lazily unmounted after).
class Tmpfs {
 public:
  Tmpfs(const std::string& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = testing::Run({"/usr/bin/mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir})
                   .exit_code == 0;
  }
  ~Tmpfs() {
    if (mounted_) testing::Run({"/usr/bin/umount", "-l", dir_});
  }
  bool mounted() const { return mounted_; }
  bool RemountReadOnly() {
    return testing::Run({"/usr/bin/mount", "-o", "remount,ro", dir_}).exit_code == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
};

#define REQUIRE_TMPFS(t)                                                           \
  if (!(t).mounted()) {                                                            \
    WARN("skipped: cannot mount a tmpfs here (the test needs root and mount(8))"); \
    return;                                                                        \
  }

// Writes zeros to `path` until the disk is full; returns the bytes written.
size_t FillDisk(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  REQUIRE(fd >= 0);
  std::string chunk(4096, '\0');
  size_t total = 0;
  for (;;) {
    ssize_t n = ::write(fd, chunk.data(), chunk.size());
    if (n <= 0) break;
    total += static_cast<size_t>(n);
  }
  ::close(fd);
  return total;
}

void WriteFile(const std::string& path, size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  out << std::string(bytes, '\0');
  REQUIRE(out.good());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Article ids of the ack log's lines.
std::set<core::ArticleId> AckedArticles(const std::string& path) {
  std::set<core::ArticleId> ids;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string origin, id;
    REQUIRE(std::getline(fields, origin, '\t'));
    REQUIRE(std::getline(fields, id, '\t'));
    ids.insert(std::stoull(id));
  }
  return ids;
}

// Every article of `acked` answers 200 from the server on `port`.
void RequireServed(int port, const std::set<core::ArticleId>& acked) {
  httplib::Client client("127.0.0.1", port);
  for (core::ArticleId id : acked) {
    auto res = client.Get("/api/v1/articles/" + std::to_string(id));
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}

testing::RunResult Import(const std::string& db, const std::vector<std::string>& extra,
                          const std::string& stderr_path) {
  std::vector<std::string> argv = {testing::ActorgraphBin(), "import", "--db", db};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return testing::Run(argv, stderr_path);
}

}  // namespace

TEST_CASE("import on a disk that fills up exits 1 with a clear message and stores what it acked",
          "[disk-full]") {
  for (const std::string mode : {"sync", "--no-sync"}) {
    INFO(mode);
    testing::TempDir tmp;
    Tmpfs disk(tmp.Sub("disk"), "3m");
    REQUIRE_TMPFS(disk);
    const std::string db = tmp.Sub("disk") + "/db";
    testing::WriteGeneratedArticles(tmp.Sub("first"), 20, 11);
    testing::WriteGeneratedArticles(tmp.Sub("more"), 600, 12);
    std::vector<std::string> flags = {"--ack-log", tmp.Sub("acks")};
    if (mode != "sync") flags.push_back(mode);

    auto first = flags;
    first.push_back(tmp.Sub("first"));
    REQUIRE(Import(db, first, tmp.Sub("first.err")).exit_code == 0);
    const size_t acked_first = AckedArticles(tmp.Sub("acks")).size();
    REQUIRE(acked_first == 20);

    // Full, but for 300 KB: the import opens the database, writes some articles, then fails.
    WriteFile(tmp.Sub("disk") + "/slack", 300 << 10);
    FillDisk(tmp.Sub("disk") + "/filler");
    fs::remove(tmp.Sub("disk") + "/slack");

    auto more = flags;
    more.push_back(tmp.Sub("more"));
    auto run = Import(db, more, tmp.Sub("more.err"));
    const std::string err = ReadFile(tmp.Sub("more.err"));
    INFO(err);
    CHECK(run.exit_code == 1);  // -1: killed by a signal (the abort this test was written for)
    CHECK(err.find("no space left on the disk holding " + db) != std::string::npos);
    CHECK(err.find("nothing after") != std::string::npos);
    CHECK(err.find("Assertion") == std::string::npos);
    const std::set<core::ArticleId> acked = AckedArticles(tmp.Sub("acks"));
    CHECK(acked.size() < 620);

    // Space again: every acknowledged article is there, the database is whole, and the same
    // import completes.
    fs::remove(tmp.Sub("disk") + "/filler");
    testing::DbView view = testing::ReadDbView(db);
    for (core::ArticleId id : acked) CHECK(view.evidence_by_article.count(id) == 1);
    testing::RequireClean(db);
  }
}

TEST_CASE("serve answers 507 on a full disk and writes again once space is freed", "[disk-full]") {
  testing::TempDir tmp;
  Tmpfs disk(tmp.Sub("disk"), "3m");
  REQUIRE_TMPFS(disk);
  const std::string db = tmp.Sub("disk") + "/db";
  testing::WriteGeneratedArticles(tmp.Sub("first"), 10, 21);
  REQUIRE(Import(db, {tmp.Sub("first")}, "").exit_code == 0);

  std::set<core::ArticleId> acked;
  int next_article = 0;
  auto post = [&](httplib::Client& client) {
    auto res = client.Post("/api/v1/articles", testing::GeneratedArticle(next_article++, 22),
                           "text/plain");
    REQUIRE(res);
    if (res->status == 200 || res->status == 201)
      acked.insert(std::stoull(json::parse(res->body).at("article_id").get<std::string>()));
    return *res;
  };
  {
    testing::ServerProcess server(db, tmp.Sub("server.log"));
    httplib::Client client("127.0.0.1", server.port());
    client.set_bearer_token_auth(testing::kTestToken);
    REQUIRE(post(client).status == 201);
    auto health = client.Get("/api/v1/health?writes=1");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body).at("writes") == "ok");

    FillDisk(tmp.Sub("disk") + "/filler");
    // Writes go on until the disk refuses one (the first, or one a few pages later).
    httplib::Response refused;
    for (int i = 0; i < 200; ++i) {
      refused = post(client);
      if (refused.status != 201) break;
    }
    INFO(refused.body);
    REQUIRE(refused.status == 507);
    json error = json::parse(refused.body).at("error");
    CHECK(error.at("code") == "storage_full");
    CHECK(refused.body.find('/') == std::string::npos);  // no path
    // Every write after it is refused the same way, and nothing of it is stored.
    auto again = post(client);
    CHECK(again.status == 507);
    CHECK(again.body.find('/') == std::string::npos);

    health = client.Get("/api/v1/health?writes=1");
    REQUIRE(health);
    CHECK(health->status == 503);
    json h = json::parse(health->body);
    CHECK(h.at("writes") == "degraded");
    CHECK(h.at("writes_error").at("code") == "storage_full");
    CHECK(health->body.find('/') == std::string::npos);
    health = client.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);  // alive: reads are answered
    auto stats = client.Get("/api/v1/stats");
    REQUIRE(stats);
    CHECK(stats->status == 200);

    // A file deleted: writes come back by themselves (a resume at most once a second).
    fs::remove(tmp.Sub("disk") + "/filler");
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      status = post(client).status;
      if (status == 201) break;
      REQUIRE(status == 507);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    REQUIRE(status == 201);
    for (int i = 0; i < 5; ++i) CHECK(post(client).status == 201);
    health = client.Get("/api/v1/health?writes=1");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body).at("writes") == "ok");
  }
  // After a restart: every acknowledged article.
  testing::ServerProcess server(db, tmp.Sub("server2.log"));
  REQUIRE(acked.size() >= 7);
  RequireServed(server.port(), acked);
}

TEST_CASE("health asks again: writes resume once space is freed even with no write coming",
          "[disk-full]") {
  testing::TempDir tmp;
  Tmpfs disk(tmp.Sub("disk"), "3m");
  REQUIRE_TMPFS(disk);
  const std::string db = tmp.Sub("disk") + "/db";
  testing::WriteGeneratedArticles(tmp.Sub("first"), 5, 31);
  REQUIRE(Import(db, {tmp.Sub("first")}, "").exit_code == 0);
  testing::ServerProcess server(db, tmp.Sub("server.log"));
  httplib::Client client("127.0.0.1", server.port());
  client.set_bearer_token_auth(testing::kTestToken);
  FillDisk(tmp.Sub("disk") + "/filler");
  int status = 201;
  for (int i = 0; i < 200 && status == 201; ++i) {
    auto res = client.Post("/api/v1/articles", testing::GeneratedArticle(i, 32), "text/plain");
    REQUIRE(res);
    status = res->status;
  }
  REQUIRE(status == 507);
  fs::remove(tmp.Sub("disk") + "/filler");
  int health = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline && health != 200) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto res = client.Get("/api/v1/health?writes=1");
    REQUIRE(res);
    health = res->status;
  }
  CHECK(health == 200);
  auto res = client.Post("/api/v1/articles", testing::GeneratedArticle(999, 32), "text/plain");
  REQUIRE(res);
  INFO(res->body);
  INFO(ReadFile(tmp.Sub("server.log")));
  CHECK(res->status == 201);
}

TEST_CASE("concurrent writers on a disk that fills up: 201 or 507, never a crash", "[disk-full]") {
  testing::TempDir tmp;
  Tmpfs disk(tmp.Sub("disk"), "3m");
  REQUIRE_TMPFS(disk);
  const std::string db = tmp.Sub("disk") + "/db";
  testing::WriteGeneratedArticles(tmp.Sub("first"), 5, 61);
  REQUIRE(Import(db, {tmp.Sub("first")}, "").exit_code == 0);
  std::optional<testing::ServerProcess> server;
  server.emplace(db, tmp.Sub("server.log"), std::vector<std::string>{"--threads", "8"});
  const int port = server->port();
  // Full but for 200 KB: four writers fill the rest, then each gets 507s.
  WriteFile(tmp.Sub("disk") + "/slack", 200 << 10);
  FillDisk(tmp.Sub("disk") + "/filler");
  fs::remove(tmp.Sub("disk") + "/slack");
  std::atomic<int> ok{0}, full{0}, other{0};
  std::mutex mu;
  std::set<core::ArticleId> acked;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      httplib::Client client("127.0.0.1", port);
      client.set_bearer_token_auth(testing::kTestToken);
      int full_here = 0;
      for (int i = 0; i < 400 && full_here < 5; ++i) {
        auto res =
            client.Post("/api/v1/articles", testing::GeneratedArticle(i * 4 + w, 62), "text/plain");
        if (!res) {
          ++other;
          return;
        }
        if (res->status == 201) {
          ++ok;
          std::lock_guard<std::mutex> lock(mu);
          acked.insert(std::stoull(json::parse(res->body).at("article_id").get<std::string>()));
        } else if (res->status == 507) {
          ++full;
          ++full_here;
        } else {
          ++other;
        }
      }
    });
  for (auto& t : writers) t.join();
  CHECK(other == 0);
  CHECK(full >= 4);
  CHECK(ok > 0);
  auto health = httplib::Client("127.0.0.1", port).Get("/api/v1/health?writes=1");
  REQUIRE(health);  // alive
  CHECK(health->status == 503);
  // Space again: every acknowledged article is there after a restart.
  fs::remove(tmp.Sub("disk") + "/filler");
  server.reset();
  server.emplace(db, tmp.Sub("server2.log"));
  RequireServed(server->port(), acked);
}

TEST_CASE("serve --read-only serves a database on a read-only mount", "[disk-full]") {
  testing::TempDir tmp;
  Tmpfs disk(tmp.Sub("disk"), "8m");
  REQUIRE_TMPFS(disk);
  const std::string db = tmp.Sub("disk") + "/db";
  testing::WriteGeneratedArticles(tmp.Sub("articles"), 12, 41);
  REQUIRE(Import(db, {tmp.Sub("articles")}, "").exit_code == 0);
  std::set<std::string> files_before;
  for (const auto& e : fs::directory_iterator(db)) files_before.insert(e.path().filename());
  REQUIRE(disk.RemountReadOnly());
  // The mount refuses writes now (root included).
  REQUIRE(::access(db.c_str(), W_OK) != 0);

  testing::ServerProcess server(db, tmp.Sub("server.log"), {"--read-only"});
  httplib::Client client("127.0.0.1", server.port());
  auto stats = client.Get("/api/v1/stats");
  REQUIRE(stats);
  CHECK(stats->status == 200);
  CHECK(json::parse(stats->body).at("articles") == 12);
  auto articles = client.Get("/api/v1/articles?limit=5");
  REQUIRE(articles);
  CHECK(articles->status == 200);
  auto health = client.Get("/api/v1/health?writes=1");
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(json::parse(health->body).at("writes") == "read_only");
  std::set<std::string> files_after;
  for (const auto& e : fs::directory_iterator(db)) files_after.insert(e.path().filename());
  CHECK(files_after == files_before);
}

TEST_CASE("a damaged table makes index lookups fail, never answer a shorter list", "[disk-full]") {
  testing::TempDir tmp;
  const std::string db = tmp.Sub("db");
  testing::WriteGeneratedArticles(tmp.Sub("articles"), 30, 51);
  REQUIRE(Import(db, {tmp.Sub("articles")}, "").exit_code == 0);
  std::string name;
  {
    auto store = storage::RocksGraphStore::Open(db);
    REQUIRE(store.ok());
    REQUIRE((*store)->Compact().ok());  // every key in table files
    for (const auto& entry : (*store)->Read()->LookupPrefix("", 1000))
      if (entry.folded_name.size() >= 10) {
        name = entry.folded_name;
        break;
      }
    REQUIRE(!name.empty());
    REQUIRE(!(*store)->Read()->LookupExact(name).empty());
  }
  // A flipped byte where the name's index key is (the first place the folded name appears:
  // a data block, which precedes the index): that block fails its checksum.
  bool damaged = false;
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().extension() != ".sst") continue;
    std::string bytes = ReadFile(e.path());
    size_t at = bytes.find(name);
    if (at == std::string::npos) continue;
    bytes[at + 1] ^= 0x20;
    std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << bytes;
    damaged = true;
    break;
  }
  REQUIRE(damaged);
  storage::RocksStoreOptions read_only;
  read_only.read_only = true;
  auto store = storage::RocksGraphStore::Open(db, read_only);
  REQUIRE(store.ok());
  auto reader = (*store)->Read();
  try {
    auto ids = reader->LookupExact(name);
    FAIL("LookupExact answered " << ids.size() << " node(s) from a damaged table");
  } catch (const std::exception& e) {
    CHECK(std::string(e.what()).find("damaged") != std::string::npos);
    CHECK(std::string(e.what()).find('/') == std::string::npos);
  }
  CHECK_THROWS(reader->LookupPrefix(name.substr(0, 3), 1000));
  // And `check` names the damage (beside the read-only open, which takes no lock).
  CHECK(testing::Run({testing::ActorgraphBin(), "check", "--db", db}).exit_code == 1);
}
