// The HTTP graph API (JSON under /api/v1) and the dashboard's static files.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/core/status.h"
#include "actorgraph/importers/extraction.h"

namespace actorgraph::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;    // 0: pick a free port (see Server::port())
  std::string token;  // non-empty: writes need "Authorization: Bearer <token>"
  // More names the Host header may give (a reverse proxy's): "name" takes any port,
  // "name:port" that port only. The listening address is always allowed (request_guard.h).
  std::vector<std::string> allowed_hosts;
  bool read_only = false;  // refuse every write
  int threads = 64;        // worker threads
  // The whole request, head and body, must arrive within this many seconds of its first byte
  // (408 otherwise).
  int request_timeout_seconds = 30;
  // Open connections at most; one more is answered 503 (overloaded) and closed.
  int max_connections = 1024;
  std::string static_dir;  // the built dashboard, served at /; empty: none
  // Extracts the articles POSTed to /api/v1/articles; not owned, must outlive the server.
  // Null: that route answers 503 (a server that only reads).
  const importers::Extractor* extractor = nullptr;
};

// 127.0.0.1 (any 127.x.y.z), localhost or ::1.
bool IsLoopbackHost(const std::string& host);

class Server {
 public:
  // `store` must outlive the server.
  Server(core::GraphStore& store, ServerOptions options);
  ~Server();

  // Binds the socket. Refuses a non-loopback host without a token.
  core::Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop() is called (from another thread or a signal handler).
  core::Status Listen();
  // Async-signal-safe; a no-op before Bind.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::api
