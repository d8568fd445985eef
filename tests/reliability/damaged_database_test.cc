// A damaged database is never taken for a whole one: `check` names a deleted, truncated or
// altered table file and a database without its format record; a write-ahead log damaged in
// the middle makes every open refuse with a message that says what to do, and `recover`
// opens it, dropping only what is damaged, with a report.
#include <httplib.h>
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "actorgraph/storage/key_codec.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "articles.h"
#include "process.h"
#include "server.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The files of `dir` whose name ends with `ext`, in name order.
std::vector<fs::path> FilesEnding(const std::string& dir, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().string().size() > ext.size() && f.path().string().ends_with(ext))
      out.push_back(f.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A database of `n` imported articles; with `tables`, compacted into table files (no WAL).
std::string Imported(const testing::TempDir& tmp, const std::string& name, int n, bool tables) {
  const std::string db = tmp.Sub(name);
  testing::WriteGeneratedArticles(tmp.Sub(name + "-in"), n);
  REQUIRE(testing::Run({testing::ActorgraphBin(), "import", "--db", db, tmp.Sub(name + "-in")})
              .exit_code == 0);
  if (tables) {
    auto store = storage::RocksGraphStore::Open(db);
    REQUIRE(store.ok());
    REQUIRE((*store)->Compact().ok());
  }
  return db;
}

void FlipByte(const fs::path& file, uintmax_t at) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(at));
  char c = 0;
  f.read(&c, 1);
  f.seekp(static_cast<std::streamoff>(at));
  c = static_cast<char>(c ^ 0x5a);
  f.write(&c, 1);
}

// `check` on `db`: exit 1 and, when it got as far as a report, the named invariant broken.
void RequireCheckNames(const testing::TempDir& tmp, const std::string& db,
                       const std::string& invariant) {
  auto check = testing::Run({testing::ActorgraphBin(), "check", "--db", db}, tmp.Sub("check.err"));
  INFO(check.out << ReadAll(tmp.Sub("check.err")));
  REQUIRE(check.exit_code == 1);
  if (check.out.empty()) return;  // refused to open: the message says why
  bool named = false;
  const auto report = nlohmann::json::parse(check.out);
  for (const auto& inv : report["invariants"])
    if (inv["name"] == invariant) named = inv["ok"] == false;
  CHECK(named);
}

}  // namespace

TEST_CASE("check names deleted, truncated and altered table files", "[damaged]") {
  testing::TempDir tmp;
  const std::string base = Imported(tmp, "base", 30, true);
  REQUIRE_FALSE(FilesEnding(base, ".sst").empty());
  auto whole = testing::Run({testing::ActorgraphBin(), "check", "--db", base});
  REQUIRE(whole.exit_code == 0);

  const std::string deleted = tmp.Sub("deleted"), truncated = tmp.Sub("truncated"),
                    altered = tmp.Sub("altered");
  for (const auto& copy : {deleted, truncated, altered})
    fs::copy(base, copy, fs::copy_options::recursive);
  for (const auto& sst : FilesEnding(deleted, ".sst")) fs::remove(sst);
  RequireCheckNames(tmp, deleted, "table-files");
  const fs::path table = FilesEnding(truncated, ".sst").front();
  fs::resize_file(table, fs::file_size(table) / 2);
  RequireCheckNames(tmp, truncated, "table-files");
  const fs::path flipped = FilesEnding(altered, ".sst").front();
  FlipByte(flipped, fs::file_size(flipped) / 3);
  RequireCheckNames(tmp, altered, "table-files");
}

TEST_CASE("a WAL damaged in the middle is refused, and recover keeps what is whole", "[damaged]") {
  testing::TempDir tmp;
  const std::string db = Imported(tmp, "db", 40, false);
  const auto logs = FilesEnding(db, ".log");
  REQUIRE(logs.size() == 1);
  FlipByte(logs[0], fs::file_size(logs[0]) / 2);
  const std::string bin = testing::ActorgraphBin();

  for (const std::vector<std::string>& command :
       {std::vector<std::string>{bin, "stats", "--db", db},
        std::vector<std::string>{bin, "import", "--db", db, tmp.Sub("db-in")},
        std::vector<std::string>{bin, "serve", "--db", db, "--port", "0"}}) {
    auto refused = testing::Run(command, tmp.Sub("refused.err"));
    INFO(command[1]);
    CHECK(refused.exit_code == 1);
    const std::string err = ReadAll(tmp.Sub("refused.err"));
    CHECK(err.find("is damaged") != std::string::npos);
    CHECK(err.find("actorgraph recover --db " + db) != std::string::npos);
  }

  const std::string report = tmp.Sub("report.json");
  auto recovered = testing::Run({bin, "recover", "--db", db, "--report", report});
  REQUIRE(recovered.exit_code == 0);
  const auto j = nlohmann::json::parse(ReadAll(report));
  CHECK(j["damaged"] == true);
  CHECK_FALSE(j["dropped"].empty());
  CHECK(j["articles"].get<int>() < 40);  // the damaged records are gone, and said so
  CHECK(nlohmann::json::parse(recovered.out) == j);

  auto stats = testing::Run({bin, "stats", "--db", db});
  REQUIRE(stats.exit_code == 0);
  CHECK(nlohmann::json::parse(stats.out)["articles"] == j["articles"]);
  CHECK(testing::Run({bin, "check", "--db", db}).exit_code == 0);
  // The articles lost are imported again; nothing else changes.
  REQUIRE(testing::Run({bin, "import", "--db", db, tmp.Sub("db-in")}).exit_code == 0);
  CHECK(nlohmann::json::parse(testing::Run({bin, "stats", "--db", db}).out)["articles"] == 40);
}

TEST_CASE("a torn WAL tail is the trace of a crash: the database opens", "[damaged]") {
  testing::TempDir tmp;
  const std::string db = Imported(tmp, "db", 10, false);
  const auto logs = FilesEnding(db, ".log");
  REQUIRE(logs.size() == 1);
  fs::resize_file(logs[0], fs::file_size(logs[0]) - 7);
  auto stats = testing::Run({testing::ActorgraphBin(), "stats", "--db", db});
  REQUIRE(stats.exit_code == 0);
  CHECK(nlohmann::json::parse(stats.out)["articles"].get<int>() >= 9);
}

TEST_CASE("one undecodable node record fails only the requests that read it", "[damaged]") {
  testing::TempDir tmp;
  const std::string db = Imported(tmp, "db", 6, false);
  // Two nodes with edges: `damaged` gets a record that does not decode, `whole` stays.
  core::Node damaged, whole;
  {
    auto store = storage::RocksGraphStore::Open(db);
    REQUIRE(store.ok());
    auto reader = (*store)->Read();
    std::vector<core::Node> linked;
    REQUIRE(reader
                ->ForEachNode([&](const core::Node& n) {
                  if (reader->GetDegree(n.id).total() > 0) linked.push_back(n);
                  return true;
                })
                .ok());
    REQUIRE(linked.size() >= 2);
    damaged = linked.front();
    whole = linked.back();
  }
  {
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(rocksdb::Options(), db, &raw).ok());
    std::unique_ptr<rocksdb::DB> owned(raw);
    REQUIRE(raw->Put(rocksdb::WriteOptions(), storage::NodeKey(damaged.id), "\x07not a node").ok());
  }
  testing::ServerProcess server(db, tmp.Sub("serve.log"));
  httplib::Client client("127.0.0.1", server.port());
  auto get = [&](const std::string& path) {
    auto res = client.Get(path);
    REQUIRE(res);
    INFO(path << " -> " << res->status << " " << res->body);
    return std::pair{res->status, res->body};
  };
  const std::string whole_id = std::to_string(whole.id);
  // What does not read the damaged record answers as it would.
  CHECK(get("/api/v1/subgraph?center=" + whole_id).first == 200);
  CHECK(get("/api/v1/analytics/degree?limit=5").first == 200);
  CHECK(get("/api/v1/events").first == 200);
  CHECK(get("/api/v1/nodes/" + whole_id).first == 200);
  auto found = get("/api/v1/search?q=" + httplib::detail::encode_query_param(whole.name));
  CHECK(found.first == 200);
  CHECK(found.second.find("\"id\":\"" + whole_id + "\"") != std::string::npos);
  // The damaged node itself is a 500 with an error body, never a made-up answer.
  auto broken = get("/api/v1/nodes/" + std::to_string(damaged.id));
  CHECK(broken.first == 500);
  CHECK(nlohmann::json::parse(broken.second).contains("error"));
  CHECK(ReadAll(tmp.Sub("serve.log")).find("1 node record(s) do not decode") != std::string::npos);
  RequireCheckNames(tmp, db, "records");
}
