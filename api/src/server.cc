#include "actorgraph/api/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <thread>

#include "api_context.h"
#include "http_front.h"
#include "request_guard.h"

namespace actorgraph::api {

namespace {

constexpr int kWriteTimeoutSeconds = 30;
constexpr int kKeepAliveSeconds = 2;
// Requests one keep-alive connection may carry before the server closes it. cpp-httplib's
// default (5) made clients reconnect every 5 requests: accept, handshake and close cost more
// than a neighbour page (bench/README.md).
constexpr size_t kKeepAliveMaxRequests = 1000;

// cpp-httplib's server with its processing of one request opened to the front
// (http_front.h says why there is one): parsing the framed request, routing, the handlers and
// writing the answer.
class RoutingServer : public httplib::Server {
 public:
  bool Process(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
  }
};

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  ServerOptions options;
  ApiContext ctx;
  RoutingServer http;
  RouteTable routes{http};
  int port = 0;

  std::thread snapshot_warmer;
  int listen_fd = -1;                 // the listening socket, once bound
  std::optional<RequestGuard> guard;  // set by Bind, once the port is known
  std::unique_ptr<HttpFront> front;   // set by Bind; owns listen_fd

  Impl(core::GraphStore& store, ServerOptions o) : options(std::move(o)), ctx(store, options) {}
  ~Impl() {
    if (snapshot_warmer.joinable()) snapshot_warmer.join();
  }

  // 405 with an Allow header when routes other than `req.method` take the path; false (and
  // nothing answered) when no route takes the path or one takes this method.
  bool AnswerMethodNotAllowed(const httplib::Request& req, httplib::Response& res) const {
    std::vector<std::string> methods = routes.MethodsOf(req.path);
    if (methods.empty() || std::find(methods.begin(), methods.end(), req.method) != methods.end())
      return false;
    std::string allow;
    for (const auto& m : methods) allow += (allow.empty() ? "" : ", ") + m;
    res.set_header("Allow", allow);
    SendError(res, 405, "method_not_allowed",
              req.method + " is not allowed on " + req.path + "; it takes " + allow,
              {{"allow", methods}});
    return true;
  }

  // The checks on a request's head, before its body is read (HttpFront::HeadCheck): requests
  // from other sites (request_guard.h), compressed bodies (no decompression bombs), and writes
  // without the right token or on a read-only server (ApiContext::AuthorizeWrite).
  bool RefuseHead(const FramedRequest& head, httplib::Response& res) const {
    httplib::Request req;
    req.method = head.method;
    req.target = head.target;
    req.path = httplib::detail::decode_url(head.target.substr(0, head.target.find('?')), false);
    for (const auto& [name, value] : head.headers) req.headers.emplace(name, value);
    if (guard->Refuse(req, res)) return true;
    std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "identity") {
      SendError(res, 415, "unsupported_encoding",
                "compressed request bodies (" + encoding + ") are not accepted");
      return true;
    }
    if (!routes.IsWrite(req.method, req.path)) return false;
    try {
      ctx.AuthorizeWrite(req);
    } catch (const HttpError& e) {
      SendError(res, e.status, e.code, e.what(), e.details);
      return true;
    }
    return false;
  }

  void Routes() {
    // What the answers' Keep-Alive header states; the front (http_front.h) enforces both.
    http.set_keep_alive_timeout(kKeepAliveSeconds);
    http.set_keep_alive_max_count(kKeepAliveMaxRequests);
    // cpp-httplib listens with a backlog of 5 (compiled into Debian's library): bursts of new
    // connections overflowed it and waited a SYN retransmission (1 s). The socket is
    // remembered here and listened on again with the system's backlog once bound.
    //
    // SO_REUSEADDR only (a restarted server binds while its old connections linger in
    // TIME_WAIT), never the SO_REUSEPORT of cpp-httplib's default options: with it a second
    // server on a taken port starts and takes part of the first one's connections.
    http.set_socket_options([this](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_fd = sock;
    });
    AddReadRoutes(routes, ctx);
    AddGraphRoutes(routes, ctx);
    AddArticleRoutes(routes, ctx);
    AddSuggestionRoutes(routes, ctx);
    AddWriteRoutes(routes, ctx);
    AddExportRoutes(routes, ctx);
    AddQueryRoutes(routes, ctx);
    AddFeedRoutes(routes, ctx);
    if (!options.static_dir.empty()) http.set_mount_point("/", options.static_dir);
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      // cpp-httplib found no handler for the method: 404, or 400 for a method it keeps no
      // handler list for (TRACE, CONNECT). A path that other methods take is a 405.
      if (res.status == 404 || res.status == 400)
        if (AnswerMethodNotAllowed(req, res)) return;
      if (res.status == 404)
        SendError(res, 404, "no_route", "no route " + req.method + " " + req.path);
      else
        SendError(res, res.status, "http_error", "HTTP status " + std::to_string(res.status));
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
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
  const ServerOptions& o = impl_->options;
  if (!IsLoopbackHost(o.host) && o.token.empty())
    return core::Status::InvalidArgument("refusing to listen on " + o.host +
                                         " without --token: only loopback may be open");
  if (!o.token.empty() && o.token.back() == '=')
    return core::Status::InvalidArgument("--token NAME=SECRET needs a secret");
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port <= 0) return core::Status::IoError("cannot bind " + o.host);
  } else {
    errno = 0;
    if (!impl_->http.bind_to_port(o.host, o.port)) {
      const std::string where = o.host + ":" + std::to_string(o.port);
      if (errno == EADDRINUSE)
        return core::Status::IoError("cannot listen on " + where +
                                     ": the port is in use (another server?)");
      return core::Status::IoError("cannot bind " + where);
    }
    impl_->port = o.port;
  }
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  impl_->guard.emplace(o, impl_->port);
  FrontLimits limits;
  limits.max_body = kMaxBodyBytes;
  limits.request_timeout_seconds = std::max(1, o.request_timeout_seconds);
  limits.keep_alive_seconds = kKeepAliveSeconds;
  limits.keep_alive_max_requests = kKeepAliveMaxRequests;
  limits.write_timeout_seconds = kWriteTimeoutSeconds;
  limits.max_connections = static_cast<size_t>(std::max(1, o.max_connections));
  limits.threads = o.threads;
  Impl* impl = impl_.get();
  impl_->front = std::make_unique<HttpFront>(
      impl_->listen_fd, limits,
      [impl](const FramedRequest& head, httplib::Response& res) {
        return impl->RefuseHead(head, res);
      },
      [impl](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
        return impl->http.Process(stream, close_connection, connection_closed);
      });
  return core::Status::Ok();
}

int Server::port() const { return impl_->port; }

core::Status Server::Listen() {
  // Build the snapshot in the background: the graph routes need it, and neighbour pages are
  // answered from it while it is current.
  impl_->snapshot_warmer = std::thread([this] {
    if (auto snap = impl_->ctx.snapshots.Get(); !snap.ok())
      spdlog::warn("snapshot not built: {}", snap.status().ToString());
  });
  if (!impl_->front) return core::Status::InvalidArgument("Listen before Bind");
  if (!impl_->front->Run()) return core::Status::IoError("server stopped with an error");
  return core::Status::Ok();
}

void Server::Stop() {
  if (impl_->front) impl_->front->Stop();
}

}  // namespace actorgraph::api
