// Fetcher on cpp-httplib's client: redirects by hand (each hop checked against robots.txt and
// the limits), a watchdog that stops a request at its deadline.
#include "follow/fetcher.h"

#include <httplib.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace actorgraph::importers::follow {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxRobotsBytes = 500 << 10;  // RFC 9309: at least 500 KiB are read
constexpr auto kRobotsMaxAge = std::chrono::hours(1);

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Stops `client` if the request is still running at `deadline`.
class Watchdog {
 public:
  Watchdog(httplib::Client& client, Clock::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock<std::mutex> lock(mu_);
          if (!cv_.wait_until(lock, deadline, [this] { return done_; })) {
            fired_ = true;
            client.stop();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool fired() {
    std::lock_guard<std::mutex> lock(mu_);
    return fired_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false, fired_ = false;
  std::thread thread_;
};

template <typename Duration>
void SetTimeout(Duration seconds, const std::function<void(time_t, time_t)>& set) {
  auto whole = static_cast<time_t>(seconds);
  set(whole, static_cast<time_t>((seconds - static_cast<double>(whole)) * 1e6));
}

core::Status Error(core::StatusCode code, const std::string& url, const std::string& why) {
  return core::Status(code, url + ": " + why);
}

// cpp-httplib's error as a reader would say it.
std::string Why(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection:
      return "could not connect (refused or unreachable)";
    case httplib::Error::ConnectionTimeout:
      return "the connection timed out";
    case httplib::Error::Read:
      return "the connection was closed or reset before the answer was complete";
    case httplib::Error::Write:
      return "the request could not be sent";
    case httplib::Error::SSLConnection:
      return "the TLS handshake failed";
    case httplib::Error::SSLServerVerification:
      return "the server's certificate did not verify";
    case httplib::Error::SSLLoadingCerts:
      return "the CA certificates could not be loaded";
    default:
      return httplib::to_string(e);
  }
}

}  // namespace

bool SplitUrl(const std::string& url, std::string* origin, std::string* path) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  std::string scheme = Lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return false;
  size_t host_start = scheme_end + 3;
  size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == std::string::npos) host_end = url.size();
  if (host_end == host_start) return false;
  std::string authority = url.substr(host_start, host_end - host_start);
  if (authority.find('@') != std::string::npos) return false;
  *origin = scheme + "://" + Lower(authority);
  std::string rest = url.substr(host_end);
  rest = rest.substr(0, rest.find('#'));
  if (rest.empty() || rest[0] != '/') rest = "/" + rest;
  *path = rest;
  return true;
}

std::string ResolveUrl(const std::string& base, const std::string& location) {
  if (location.find("://") != std::string::npos) return location;
  std::string origin, path;
  if (!SplitUrl(base, &origin, &path)) return location;
  if (location.starts_with("//")) return origin.substr(0, origin.find("://") + 1) + location;
  if (location.starts_with("/")) return origin + location;
  std::string dir = path.substr(0, path.find('?'));
  dir = dir.substr(0, dir.rfind('/') + 1);
  return origin + dir + location;
}

bool IsTransient(const core::Status& status) {
  return status.code() == core::StatusCode::kIoError ||
         status.code() == core::StatusCode::kDeadlineExceeded;
}

void Fetcher::Pace(HostState& host) {
  double delay = std::max(options_.host_delay_seconds,
                          std::min(host.robots.crawl_delay(), options_.max_crawl_delay_seconds));
  auto next = host.last_request + std::chrono::microseconds(static_cast<int64_t>(delay * 1e6));
  if (host.last_request != Clock::time_point{} && Clock::now() < next)
    std::this_thread::sleep_until(next);
  host.last_request = Clock::now();
}

void Fetcher::LoadRobots(const std::string& origin, HostState& host, Clock::time_point deadline) {
  if (host.robots_known && Clock::now() - host.robots_fetched < kRobotsMaxAge) return;
  host.robots_known = true;
  host.robots_fetched = Clock::now();
  host.robots_error.clear();
  std::string location;
  Pace(host);
  core::Result<FetchResponse> r =
      Once(origin, "/robots.txt", "", "", kMaxRobotsBytes, deadline, &location);
  if (r.ok() && r->status >= 200 && r->status < 300) {
    host.robots = RobotsRules::Parse(r->body, options_.user_agent);
  } else if (r.ok() || !IsTransient(r.status())) {
    // A redirect or a 4xx: no rules (RFC 9309 2.3.1.3). A body over the cap: its start would
    // do, but it is refused whole, so none either.
    host.robots = RobotsRules::AllowAll();
  } else {
    host.robots = RobotsRules::DisallowAll();
    host.robots_error = r.status().message();
    host.robots_known = false;  // asked again on the next fetch
  }
}

core::Result<FetchResponse> Fetcher::Once(const std::string& origin, const std::string& path,
                                          const std::string& etag, const std::string& last_modified,
                                          size_t max_bytes, Clock::time_point deadline,
                                          std::string* location) {
  const std::string url = origin + path;
  httplib::Client client(origin);
  if (!client.is_valid()) return Error(core::StatusCode::kInvalidArgument, url, "bad url");
  SetTimeout(options_.connect_timeout_seconds,
             [&](time_t s, time_t us) { client.set_connection_timeout(s, us); });
  SetTimeout(options_.read_timeout_seconds,
             [&](time_t s, time_t us) { client.set_read_timeout(s, us); });
  SetTimeout(options_.read_timeout_seconds,
             [&](time_t s, time_t us) { client.set_write_timeout(s, us); });
  client.set_follow_location(false);
  client.set_keep_alive(false);
  client.set_decompress(true);
  if (origin.starts_with("https://")) {
    client.enable_server_certificate_verification(true);
    if (!options_.ca_file.empty()) client.set_ca_cert_path(options_.ca_file.c_str());
  }
  httplib::Headers headers = {{"User-Agent", options_.user_agent},
                              {"Accept-Encoding", "gzip, deflate"}};
  if (!etag.empty()) headers.emplace("If-None-Match", etag);
  if (!last_modified.empty()) headers.emplace("If-Modified-Since", last_modified);

  FetchResponse out;
  out.url = url;
  bool too_large = false;
  std::optional<httplib::Result> result;
  bool timed_out = false;
  {
    Watchdog watchdog(client, deadline);
    result.emplace(client.Get(
        path.c_str(), headers,
        [&](const httplib::Response& r) {
          // Redirects and errors keep no body beyond the cap either.
          if (r.has_header("Content-Length")) {
            unsigned long long declared =
                std::strtoull(r.get_header_value("Content-Length").c_str(), nullptr, 10);
            if (declared > max_bytes && r.status >= 200 && r.status < 300) {
              too_large = true;
              return false;
            }
          }
          return true;
        },
        [&](const char* data, size_t n) {
          if (out.body.size() + n > max_bytes) {
            too_large = true;
            return false;
          }
          out.body.append(data, n);
          return Clock::now() < deadline;
        }));
    timed_out = watchdog.fired() || Clock::now() >= deadline;
  }
  if (too_large)
    return Error(core::StatusCode::kResourceExhausted, url,
                 "larger than " + std::to_string(max_bytes) + " bytes");
  if (timed_out)
    return Error(core::StatusCode::kDeadlineExceeded, url,
                 "timed out: not answered in full within " +
                     std::to_string(static_cast<int>(options_.total_timeout_seconds)) + " s");
  httplib::Result& res = *result;
  if (!res) {
    return Error(core::StatusCode::kIoError, url, "connection failed: " + Why(res.error()));
  }
  out.status = res->status;
  out.content_type = res->get_header_value("Content-Type");
  out.etag = res->get_header_value("ETag");
  out.last_modified = res->get_header_value("Last-Modified");
  if (res->status >= 300 && res->status < 400 && res->status != 304) {
    *location = res->get_header_value("Location");
    if (location->empty())
      return Error(core::StatusCode::kInvalidArgument, url,
                   "HTTP " + std::to_string(res->status) + " without a Location");
  }
  return out;
}

core::Result<FetchResponse> Fetcher::Get(const std::string& start_url, const std::string& etag,
                                         const std::string& last_modified) {
  const auto deadline =
      Clock::now() +
      std::chrono::microseconds(static_cast<int64_t>(options_.total_timeout_seconds * 1e6));
  std::string url = start_url;
  for (int hop = 0; hop <= options_.max_redirects; ++hop) {
    std::string origin, path;
    if (!SplitUrl(url, &origin, &path))
      return Error(core::StatusCode::kInvalidArgument, url, "not an http(s) url");
    HostState& host = hosts_[origin];
    LoadRobots(origin, host, deadline);
    if (!host.robots_error.empty())
      return Error(core::StatusCode::kIoError, url,
                   "robots.txt unreachable (" + host.robots_error + ")");
    if (!host.robots.Allowed(path))
      return Error(core::StatusCode::kPermissionDenied, url, "robots.txt disallows it");
    Pace(host);
    std::string location;
    core::Result<FetchResponse> r =
        Once(origin, path, hop == 0 ? etag : "", hop == 0 ? last_modified : "", options_.max_bytes,
             deadline, &location);
    if (!r.ok()) return r.status();
    if (!location.empty()) {
      url = ResolveUrl(url, location);
      continue;
    }
    if (r->status == 304 || (r->status >= 200 && r->status < 300)) {
      if (start_url != url)
        r->url = url;
      else
        r->url = start_url;
      return r;
    }
    const std::string why = "HTTP " + std::to_string(r->status);
    bool transient = r->status >= 500 || r->status == 429 || r->status == 408;
    return Error(transient ? core::StatusCode::kIoError : core::StatusCode::kInvalidArgument, url,
                 why);
  }
  return Error(
      core::StatusCode::kInvalidArgument, start_url,
      "more than " + std::to_string(options_.max_redirects) + " redirects (a redirect loop?)");
}

}  // namespace actorgraph::importers::follow
