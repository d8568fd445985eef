// A real api::Server on 127.0.0.1 (port 0) over a real RocksDB store in a temp dir, loaded by
// the real importer and the shared extractor from the dev corpus, and helpers to call it with
// cpp-httplib's Client.
#pragma once

#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "actorgraph/api/server.h"
#include "actorgraph/importers/pipeline.h"
#include "actorgraph/importers/readers.h"
#include "actorgraph/storage/rocks_graph_store.h"
#include "support/extractor.h"
#include "support/temp_dir.h"

namespace actorgraph::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string CorpusDir() {
  const char* dir = std::getenv("ACTORGRAPH_CORPUS_DIR");
  return std::string(dir ? dir : "/work/shared/corpus") + "/dev";
}

// Imports every dev/*.txt article with the real readers and extractor; returns how many.
inline size_t ImportDevCorpus(core::GraphStore& store) {
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusDir())) {
    if (entry.path().extension() != ".txt") continue;
    auto doc = importers::ReadText(ReadFile(entry.path().string()), entry.path().string());
    if (!doc.ok()) continue;
    if (importers::IngestDocument(store, SharedExtractor(), doc.value()).ok()) ++n;
  }
  return n;
}

class LiveServer {
 public:
  // The server extracts POSTed articles with the shared extractor unless `options` names one.
  explicit LiveServer(api::ServerOptions options = {}, bool load_corpus = true) {
    auto store = storage::RocksGraphStore::Open(dir_.Sub("db"));
    if (!store.ok()) throw std::runtime_error(store.status().ToString());
    store_ = std::move(store.value());
    if (load_corpus) articles_ = ImportDevCorpus(*store_);
    options.port = 0;
    options.static_dir.clear();
    if (!options.extractor) options.extractor = &SharedExtractor();
    server_ = std::make_unique<api::Server>(*store_, options);
    auto st = server_->Bind();
    if (!st.ok()) throw std::runtime_error(st.ToString());
    thread_ = std::thread([this] { server_->Listen(); });
  }
  ~LiveServer() {
    server_->Stop();
    thread_.join();
  }

  storage::RocksGraphStore& store() { return *store_; }
  size_t articles() const { return articles_; }
  std::unique_ptr<httplib::Client> Client(const std::string& token = "") const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    c->set_read_timeout(60);
    if (!token.empty()) c->set_bearer_token_auth(token.c_str());
    return c;
  }
  const TempDir& dir() const { return dir_; }
  int port() const { return server_->port(); }

 private:
  TempDir dir_;
  std::unique_ptr<storage::RocksGraphStore> store_;
  std::unique_ptr<api::Server> server_;
  std::thread thread_;
  size_t articles_ = 0;
};

// The corpus server shared by the read-only tests (never written to).
inline LiveServer& CorpusServer() {
  static LiveServer server;
  return server;
}

struct Reply {
  int status = 0;
  nlohmann::json body;
  std::string text;
};

inline Reply ToReply(const httplib::Result& r) {
  Reply out;
  if (!r) throw std::runtime_error("request failed: " + httplib::to_string(r.error()));
  out.status = r->status;
  out.text = r->body;
  out.body = nlohmann::json::parse(r->body, nullptr, false);
  return out;
}

inline Reply Get(const LiveServer& s, const std::string& path) {
  return ToReply(s.Client()->Get(path));
}

inline Reply Send(const LiveServer& s, const std::string& method, const std::string& path,
                  const std::string& body = "{}", const std::string& token = "",
                  const std::string& type = "application/json") {
  auto c = s.Client(token);
  if (method == "POST") return ToReply(c->Post(path, body, type));
  if (method == "PATCH") return ToReply(c->Patch(path, body, type));
  if (method == "DELETE") return ToReply(c->Delete(path));
  throw std::runtime_error("unknown method " + method);
}

// The error code of an error reply ("" when the body is no error object).
inline std::string ErrorCode(const Reply& r) {
  if (!r.body.is_object() || !r.body.contains("error")) return "";
  return r.body["error"].value("code", "");
}

// Runs a shell command, returning its standard output; throws on a non-zero exit.
inline std::string Run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (rc != 0)
    throw std::runtime_error("command failed (" + std::to_string(rc) + "): " + command + "\n" +
                             out);
  return out;
}

}  // namespace actorgraph::testing
