// Crash safety of `actorgraph import` and of `actorgraph serve` under POST /api/v1/articles:
// one or the other is SIGKILLed at a random moment, ACTORGRAPH_CRASH_CYCLES times (default
// 100, alternating), on the same database. After every kill: `check` passes, every acknowledged
// article is in the database, and every article in it is whole (exactly the evidence a clean import
// gives it; no evidence of an article that is not there). At the end, importing to completion gives
// the clean import's database, and importing again adds nothing.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "articles.h"
#include "db_view.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

// Article ids of the ack log's lines (a torn last line cannot happen: one write(2) per line).
std::set<core::ArticleId> AckedArticles(const std::string& path) {
  std::set<core::ArticleId> ids;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string origin, id, state;
    REQUIRE(std::getline(fields, origin, '\t'));
    REQUIRE(std::getline(fields, id, '\t'));
    REQUIRE(std::getline(fields, state));
    ids.insert(std::stoull(id));
  }
  return ids;
}

// Posts the articles in order (as text/plain) until the server stops answering; the ids of
// the articles it acknowledged (200 or 201) go to `acked`.
void PostUntilDown(int port, const std::vector<std::string>& texts,
                   std::set<core::ArticleId>* acked) {
  httplib::Client client("127.0.0.1", port);
  client.set_bearer_token_auth(testing::kTestToken);
  for (const auto& text : texts) {
    auto res = client.Post("/api/v1/articles", text, "text/plain");
    if (!res) return;
    REQUIRE((res->status == 200 || res->status == 201));
    acked->insert(
        std::stoull(nlohmann::json::parse(res->body).at("article_id").get<std::string>()));
  }
}

}  // namespace

TEST_CASE("import killed at random moments loses no acknowledged article", "[crash]") {
  const int cycles = EnvInt("ACTORGRAPH_CRASH_CYCLES", 100);
  testing::TempDir tmp;
  std::string articles = tmp.Sub("articles"), ref = tmp.Sub("ref"), db = tmp.Sub("db"),
              acks = tmp.Sub("acks");
  testing::WriteGeneratedArticles(articles, 300);
  const std::string bin = testing::ActorgraphBin();

  auto start = std::chrono::steady_clock::now();
  REQUIRE(testing::Run({bin, "import", "--db", ref, articles}).exit_code == 0);
  auto clean_run = std::chrono::steady_clock::now() - start;
  const testing::DbView expected = testing::ReadDbView(ref);
  REQUIRE(expected.evidence_by_article.size() == 300);

  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(testing::GeneratedArticle(i));
  std::mt19937 rng(EnvInt("ACTORGRAPH_CRASH_SEED", 7));
  auto window_us = std::chrono::duration_cast<std::chrono::microseconds>(clean_run).count() * 5 / 4;
  std::set<core::ArticleId> acked;  // by the importer's ack log, and by the server's answers
  int kills_mid_import = 0;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    INFO("cycle " << cycle);
    if (cycle % 2 == 0) {
      pid_t pid = testing::Spawn({bin, "import", "--db", db, "--ack-log", acks, articles});
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % window_us));
      if (WIFSIGNALED(testing::Reap(pid, true))) ++kills_mid_import;
      for (core::ArticleId id : AckedArticles(acks)) acked.insert(id);
    } else {
      testing::ServerProcess server(db, tmp.Sub("server.log"));
      std::set<core::ArticleId> posted;
      std::thread client([&] { PostUntilDown(server.port(), texts, &posted); });
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % (2 * window_us)));
      server.Kill();
      client.join();
      acked.insert(posted.begin(), posted.end());
    }
    if (!fs::exists(fs::path(db) / "CURRENT")) continue;  // killed before the database existed
    testing::RequireClean(db);

    testing::DbView got = testing::ReadDbView(db);
    for (core::ArticleId id : acked) REQUIRE(got.evidence_by_article.count(id));
    for (const auto& [id, evidence] : got.evidence_by_article) {
      INFO("article " << id);
      REQUIRE(expected.evidence_by_article.count(id));           // no evidence of an absent article
      REQUIRE(evidence == expected.evidence_by_article.at(id));  // whole
    }
    if (got.evidence_by_article.size() == expected.evidence_by_article.size()) {
      fs::remove_all(db);  // start over, so that later kills still hit a running import
      fs::remove(acks);
      acked.clear();
    }
  }
  WARN(cycles << " cycles, " << kills_mid_import << " kills while importing");
  // How many kills land mid-import depends on the machine's speed; a tenth still shows the
  // test exercises partial imports rather than only finished ones.
  CHECK(kills_mid_import >= cycles / 10);

  // Finish the import, then import again: the clean import's database, and no duplicates.
  REQUIRE(testing::Run({bin, "import", "--db", db, articles}).exit_code == 0);
  auto again = testing::Run({bin, "import", "--db", db, "--json", articles});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("\"articles_new\": 0") != std::string::npos);
  testing::RequireClean(db);
  testing::DbView final_view = testing::ReadDbView(db);
  CHECK(final_view.evidence_by_article == expected.evidence_by_article);
  CHECK(final_view.counts == expected.counts);
}
