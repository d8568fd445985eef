// actorgraph check: a database built by the real importer passes; each kind of corruption,
// written with raw RocksDB calls, is named — and only the invariants it breaks are named.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <set>

#include "actorgraph/storage/integrity_check.h"
#include "actorgraph/storage/key_codec.h"
#include "process.h"
#include "support/temp_dir.h"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

std::set<std::string> Broken(const std::string& dir) {
  auto report = storage::CheckIntegrity(dir);
  REQUIRE(report.ok());
  std::set<std::string> broken;
  for (const auto& inv : report->invariants) {
    if (inv.ok()) continue;
    broken.insert(inv.name);
    CHECK(!inv.examples.empty());
  }
  return broken;
}

// Opens a copy of `base` as a raw RocksDB and lets `corrupt` write to it.
std::string Corrupted(const testing::TempDir& tmp, const std::string& base, const std::string& name,
                      const std::function<void(rocksdb::DB*)>& corrupt) {
  std::string dir = tmp.Sub(name);
  fs::copy(base, dir, fs::copy_options::recursive);
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::Options(), dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  corrupt(db.get());
  REQUIRE(db->Close().ok());
  return dir;
}

// The first key of a kind (and its value).
std::pair<std::string, std::string> First(rocksdb::DB* db, char kind) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
  it->Seek(std::string(1, kind));
  REQUIRE(it->Valid());
  REQUIRE(it->key()[0] == kind);
  return {it->key().ToString(), it->value().ToString()};
}

void Put(rocksdb::DB* db, const std::string& k, const std::string& v) {
  REQUIRE(db->Put(rocksdb::WriteOptions(), k, v).ok());
}
void Delete(rocksdb::DB* db, const std::string& k) {
  REQUIRE(db->Delete(rocksdb::WriteOptions(), k).ok());
}

}  // namespace

TEST_CASE("check passes on an imported database and names each corruption", "[check]") {
  testing::TempDir tmp;
  std::string base = tmp.Sub("base");
  auto import = testing::Run(
      {testing::ActorgraphBin(), "import", "--db", base, testing::SourceDir() + "/samples"});
  REQUIRE(import.exit_code == 0);

  auto clean = testing::Run({testing::ActorgraphBin(), "check", "--db", base});
  INFO(clean.out);
  REQUIRE(clean.exit_code == 0);
  REQUIRE(clean.out.find("\"ok\": true") != std::string::npos);
  auto report = storage::CheckIntegrity(base);
  REQUIRE(report.ok());
  REQUIRE(report->ok());
  REQUIRE(report->scanned["O"] > 0);
  REQUIRE(report->scanned["V"] >= report->scanned["O"]);

  SECTION("an I mirror deleted") {
    auto dir = Corrupted(tmp, base, "no-mirror",
                         [](rocksdb::DB* db) { Delete(db, First(db, 'I').first); });
    CHECK(Broken(dir) == std::set<std::string>{"edge-mirrors"});
    auto cli = testing::Run({testing::ActorgraphBin(), "check", "--db", dir});
    CHECK(cli.exit_code == 1);
    CHECK(cli.out.find("has no I mirror") != std::string::npos);
  }
  SECTION("an I mirror that differs from its O record") {
    auto dir = Corrupted(tmp, base, "bad-mirror", [](rocksdb::DB* db) {
      auto [key, value] = First(db, 'I');
      value.back() ^=
          1;  // a different last_seen byte (or length): still decodes or not, never equal
      Put(db, key, value);
    });
    CHECK(Broken(dir).count("edge-mirrors"));
  }
  SECTION("a dangling X entry") {
    auto dir = Corrupted(tmp, base, "dangling-index", [](rocksdb::DB* db) {
      Put(db, storage::IndexKey("nobody at all", 0x1234567890abcdefULL), "");
    });
    CHECK(Broken(dir) == std::set<std::string>{"index-entries"});
  }
  SECTION("a counter bumped") {
    auto dir = Corrupted(tmp, base, "counter", [](rocksdb::DB* db) {
      std::string v;
      REQUIRE(db->Get(rocksdb::ReadOptions(), storage::MetaKey("count/node/person"), &v).ok());
      v[0] = static_cast<char>(v[0] + 1);
      Put(db, storage::MetaKey("count/node/person"), v);
    });
    CHECK(Broken(dir) == std::set<std::string>{"counters"});
  }
  SECTION("a degree counter bumped") {
    auto dir = Corrupted(tmp, base, "degree", [](rocksdb::DB* db) {
      auto [key, value] = First(db, 'D');
      Put(db, key, std::string(1, static_cast<char>(value[0] + 1)));
    });
    CHECK(Broken(dir) == std::set<std::string>{"counters"});
  }
  SECTION("a piece of evidence removed") {
    auto dir = Corrupted(tmp, base, "no-evidence",
                         [](rocksdb::DB* db) { Delete(db, First(db, 'V').first); });
    // The edge's evidence_count no longer matches, and count/evidence is one too many.
    CHECK(Broken(dir) == std::set<std::string>{"edge-evidence", "counters"});
  }
  SECTION("a node with edges deleted") {
    auto dir = Corrupted(tmp, base, "no-node", [](rocksdb::DB* db) {
      auto edge = storage::DecodeAdjacencyKey(First(db, 'O').first);
      REQUIRE(edge);
      Delete(db, storage::NodeKey(edge->src));
    });
    auto broken = Broken(dir);
    CHECK(broken.count("edge-ends"));
    CHECK(broken.count("counters"));
  }
  SECTION("an article's hash entry deleted") {
    auto dir =
        Corrupted(tmp, base, "no-hash", [](rocksdb::DB* db) { Delete(db, First(db, 'H').first); });
    CHECK(Broken(dir) == std::set<std::string>{"articles"});
  }
  SECTION("a malformed node record") {
    auto dir = Corrupted(tmp, base, "bad-node",
                         [](rocksdb::DB* db) { Put(db, First(db, 'N').first, "\x09garbage"); });
    CHECK(Broken(dir).count("records"));
  }
}

TEST_CASE("check refuses what is not a database", "[check]") {
  testing::TempDir tmp;
  auto missing = storage::CheckIntegrity(tmp.Sub("nothing-here"));
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == core::StatusCode::kNotFound);
  auto cli = testing::Run({testing::ActorgraphBin(), "check", "--db", tmp.Sub("nothing-here")});
  CHECK(cli.exit_code == 1);
}
