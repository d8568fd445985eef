// actorgraph backup: a checkpoint of a free database, and a live copy of a database that a
// server holds while clients write to it. Each copy opens (restore = use it as --db), passes
// `actorgraph check`, and holds whole articles: every one acknowledged before the backup began,
// each with exactly the evidence it has in the source.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "actorgraph/storage/integrity_check.h"
#include "articles.h"
#include "db_view.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;

namespace {

void RequireCheckPasses(const std::string& db) {
  auto check = testing::Run({testing::ActorgraphBin(), "check", "--db", db});
  INFO(check.out);
  REQUIRE(check.exit_code == 0);
}

}  // namespace

TEST_CASE("backup of a free database is a checkpoint equal to the source", "[backup]") {
  testing::TempDir tmp;
  std::string db = tmp.Sub("db"), copy = tmp.Sub("copy");
  const std::string bin = testing::ActorgraphBin();
  REQUIRE(testing::Run({bin, "import", "--db", db, testing::SourceDir() + "/samples"}).exit_code ==
          0);
  auto backup = testing::Run({bin, "backup", "--db", db, "--to", copy});
  REQUIRE(backup.exit_code == 0);
  CHECK(backup.out.find("\"checkpoint\"") != std::string::npos);
  RequireCheckPasses(copy);
  auto source = testing::ReadDbView(db), restored = testing::ReadDbView(copy);
  CHECK(restored.counts == source.counts);
  CHECK(restored.evidence_by_article == source.evidence_by_article);
  // Never over an existing folder.
  CHECK(testing::Run({bin, "backup", "--db", db, "--to", copy}).exit_code == 1);
}

TEST_CASE("backup while the server writes is a consistent live copy", "[backup]") {
  testing::TempDir tmp;
  std::string db = tmp.Sub("db"), copy = tmp.Sub("copy");
  const std::string bin = testing::ActorgraphBin();
  std::set<core::ArticleId> acked_before;
  {
    testing::ServerProcess server(db, tmp.Sub("server.log"));
    std::atomic<int> acked{0};
    std::atomic<bool> stop{false};
    std::mutex mu;
    std::set<core::ArticleId> acked_ids;
    std::thread writer([&] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_bearer_token_auth(testing::kTestToken);
      for (int i = 0; i < 2000 && !stop; ++i) {
        auto res = client.Post("/api/v1/articles", testing::GeneratedArticle(i, 5), "text/plain");
        REQUIRE(res);
        REQUIRE(res->status == 201);
        std::lock_guard<std::mutex> lock(mu);
        acked_ids.insert(
            std::stoull(nlohmann::json::parse(res->body).at("article_id").get<std::string>()));
        ++acked;
      }
    });
    while (acked < 50) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    {
      std::lock_guard<std::mutex> lock(mu);
      acked_before = acked_ids;
    }
    auto backup = testing::Run({bin, "backup", "--db", db, "--to", copy});
    int acked_after = acked;
    stop = true;
    writer.join();
    INFO(backup.out);
    REQUIRE(backup.exit_code == 0);
    CHECK(backup.out.find("\"live-copy\"") != std::string::npos);
    CHECK(acked_after >
          static_cast<int>(acked_before.size()));  // the server wrote during the backup
  }
  RequireCheckPasses(copy);
  auto source = testing::ReadDbView(db), restored = testing::ReadDbView(copy);
  for (core::ArticleId id : acked_before) CHECK(restored.evidence_by_article.count(id));
  for (const auto& [id, evidence] : restored.evidence_by_article) {
    REQUIRE(source.evidence_by_article.count(id));
    CHECK(evidence == source.evidence_by_article.at(id));
  }
  CHECK(restored.counts.at("articles") == restored.evidence_by_article.size());
  // The restored copy is a working database: it takes new articles.
  testing::TempDir more;
  testing::WriteGeneratedArticles(more.Sub("a"), 3, 9);
  REQUIRE(testing::Run({bin, "import", "--db", copy, more.Sub("a")}).exit_code == 0);
  RequireCheckPasses(copy);
}
