#include "actorgraph/api/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "actorgraph/api/json_codec.h"

namespace actorgraph::api {

using nlohmann::json;

namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  SendJson(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

}  // namespace

struct Server::Impl {
  core::GraphStore& store;
  ServerOptions options;
  httplib::Server http;
  int port = 0;

  Impl(core::GraphStore& s, ServerOptions o) : store(s), options(std::move(o)) {}

  void Routes() {
    http.new_task_queue = [threads = options.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    http.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& res) {
      SendJson(res, 200, {{"status", "ok"}});
    });
    http.Get("/api/v1/stats", [this](const httplib::Request&, httplib::Response& res) {
      SendJson(res, 200, CountsToJson(store.Read()->Counts()));
    });
    if (!options.static_dir.empty()) http.set_mount_point("/", options.static_dir);
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) SendError(res, res.status, "not_found", "no such route");
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      }
      spdlog::error("request failed: {}", what);
      SendError(res, 500, "internal", what);
    });
  }
};

Server::Server(core::GraphStore& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {
  impl_->Routes();
}

Server::~Server() = default;

core::Status Server::Bind() {
  if (!IsLoopback(impl_->options.host) && impl_->options.token.empty())
    return core::Status::InvalidArgument("refusing to listen on " + impl_->options.host +
                                         " without --token: only loopback may be open");
  if (impl_->options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(impl_->options.host);
    if (impl_->port <= 0) return core::Status::IoError("cannot bind " + impl_->options.host);
  } else {
    if (!impl_->http.bind_to_port(impl_->options.host, impl_->options.port))
      return core::Status::IoError("cannot bind " + impl_->options.host + ":" +
                                   std::to_string(impl_->options.port));
    impl_->port = impl_->options.port;
  }
  return core::Status::Ok();
}

int Server::port() const { return impl_->port; }

core::Status Server::Listen() {
  if (!impl_->http.listen_after_bind()) return core::Status::IoError("server stopped with an error");
  return core::Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace actorgraph::api
