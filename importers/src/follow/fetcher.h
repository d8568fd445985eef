// Fetcher: HTTP(S) GET for the feed follower, polite and bounded. Every fetch has a connect
// and a read timeout, a deadline for the whole exchange (a server that trickles a byte a
// second is cut off), a size cap on the (decompressed) body and a redirect limit; HTTPS
// checks the server's certificate against the system's CAs; robots.txt of every host is
// fetched once an hour and obeyed; requests to one host are spaced by a politeness delay
// (or the host's Crawl-delay, when longer). Uses cpp-httplib's client (Debian's build has
// OpenSSL and zlib support). Not thread-safe: one Fetcher per following thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "actorgraph/core/status.h"
#include "follow/robots.h"

namespace actorgraph::importers::follow {

struct FetchOptions {
  std::string user_agent = "actorgraph";  // sent as User-Agent, and matched in robots.txt
  double connect_timeout_seconds = 10;
  double read_timeout_seconds = 10;   // between two reads of the socket
  double total_timeout_seconds = 30;  // the whole exchange, redirects included
  size_t max_bytes = size_t{16} << 20;
  int max_redirects = 5;
  double host_delay_seconds = 1.0;  // between two requests to one host
  double max_crawl_delay_seconds = 60;
  std::string ca_file;  // empty: the system's CA store
};

struct FetchResponse {
  int status = 0;   // 200 (or another 2xx), or 304 for a conditional GET that found no change
  std::string url;  // the final url, after redirects
  std::string body;
  std::string content_type, etag, last_modified;
};

// Whether a failed fetch may succeed later: a timeout, a refused or reset connection, a 5xx,
// 429, robots.txt unreachable (true); a 4xx, a body too large, a redirect loop, robots.txt
// disallowing the url, a bad url (false).
bool IsTransient(const core::Status& status);

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options) : options_(std::move(options)) {}

  // GETs `url`, following redirects, with If-None-Match / If-Modified-Since when `etag` /
  // `last_modified` are given. Errors name the url and the reason: "HTTP 404", "timed out",
  // "more than N redirects", "larger than N bytes", "robots.txt disallows", "connection
  // failed: ...", "certificate ...".
  core::Result<FetchResponse> Get(const std::string& url, const std::string& etag = "",
                                  const std::string& last_modified = "");

 private:
  struct HostState {
    std::chrono::steady_clock::time_point last_request{};
    bool robots_known = false;
    std::chrono::steady_clock::time_point robots_fetched{};
    RobotsRules robots;
    std::string robots_error;  // robots.txt unreachable: why
  };

  // One request without redirects; `deadline` bounds it.
  core::Result<FetchResponse> Once(const std::string& origin, const std::string& path,
                                   const std::string& etag, const std::string& last_modified,
                                   size_t max_bytes, std::chrono::steady_clock::time_point deadline,
                                   std::string* location);
  // Waits the politeness delay for `origin`, then records the request.
  void Pace(HostState& host);
  // Fetches robots.txt of `origin` when not known (or older than an hour).
  void LoadRobots(const std::string& origin, HostState& host,
                  std::chrono::steady_clock::time_point deadline);

  FetchOptions options_;
  std::map<std::string, HostState> hosts_;  // by "scheme://host:port"
};

// Splits an absolute http(s) url into "scheme://host[:port]" and the path with its query
// ("/" when empty; the fragment dropped). False when it is not one.
bool SplitUrl(const std::string& url, std::string* origin, std::string* path);
// `location` (a redirect's Location) resolved against `base`.
std::string ResolveUrl(const std::string& base, const std::string& location);

}  // namespace actorgraph::importers::follow
