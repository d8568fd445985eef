// A real HTTP server on 127.0.0.1 for the follower's tests: serves the files of a folder
// (feeds, pages, robots.txt) with ETags and 304s, gzip when the client accepts it (cpp-httplib
// compresses text bodies), and the
// bad cases a crawler meets on the web: /status/404, /status/500, a redirect loop, a trickle
// of a byte every 200 ms, a connection reset mid-answer, a page of many megabytes. It logs
// every request (path, User-Agent, whether it was conditional).
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "actorgraph/core/hashing.h"
#include "support/temp_dir.h"

namespace actorgraph::testing {

class SiteServer {
 public:
  struct Hit {
    std::string path, user_agent;
    bool conditional = false;
    int status = 0;
    std::string content_encoding;  // of the answer
  };

  SiteServer() {
    http_.Get(R"(/status/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      res.status = std::stoi(req.matches[1]);
      res.set_content("<html><body>error page</body></html>", "text/html");
    });
    http_.Get("/loop/a",
              [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop/b"); });
    http_.Get("/loop/b",
              [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop/a"); });
    http_.Get("/trickle", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider(
          "application/rss+xml", [](size_t offset, httplib::DataSink& sink) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            if (offset > 200) {
              sink.done();
              return true;
            }
            return sink.write("<", 1);
          });
    });
    http_.Get("/reset", [](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(100000, "application/rss+xml",
                               [](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset > 0) return false;  // drops the connection
                                 std::string part(1000, ' ');
                                 return sink.write(part.data(), part.size());
                               });
    });
    http_.Get("/huge.html", [](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(size_t{64} << 20, "text/html",
                               [](size_t offset, size_t length, httplib::DataSink& sink) {
                                 std::string block(std::min<size_t>(length, 1 << 16), 'x');
                                 return sink.write(block.data(), block.size());
                               });
    });
    http_.Get(R"(/(.*))",
              [this](const httplib::Request& req, httplib::Response& res) { ServeFile(req, res); });
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      hits_.push_back({req.path, req.get_header_value("User-Agent"),
                       req.has_header("If-None-Match") || req.has_header("If-Modified-Since"),
                       res.status, res.get_header_value("Content-Encoding")});
    });
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~SiteServer() {
    http_.stop();
    thread_.join();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // Writes a file the server serves at "/" + name.
  void Put(const std::string& name, const std::string& content) {
    std::filesystem::path p = std::filesystem::path(root_.path()) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  // Every file answer waits this long first (a slow site, for killing a poll midway).
  void set_file_delay(std::chrono::milliseconds delay) { file_delay_ms_ = delay.count(); }
  std::vector<Hit> Hits() {
    std::lock_guard<std::mutex> lock(mu_);
    return hits_;
  }
  size_t HitsOf(const std::string& path) {
    size_t n = 0;
    for (const Hit& h : Hits()) n += h.path == path;
    return n;
  }

 private:
  void ServeFile(const httplib::Request& req, httplib::Response& res) {
    if (file_delay_ms_ > 0 && req.matches[1].str() != "robots.txt")
      std::this_thread::sleep_for(std::chrono::milliseconds(file_delay_ms_.load()));
    std::filesystem::path p = std::filesystem::path(root_.path()) / req.matches[1].str();
    std::ifstream in(p, std::ios::binary);
    if (req.matches[1].str().find("..") != std::string::npos || !in) {
      res.status = 404;
      res.set_content("not found", "text/plain");
      return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string body = ss.str();
    const std::string etag = "\"" + std::to_string(core::Hash64(body)) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
    std::string ext = p.extension().string();
    const char* type = ext == ".xml"   ? "application/rss+xml"
                       : ext == ".txt" ? "text/plain"
                       : ext == ".png" ? "image/png"
                                       : "text/html; charset=utf-8";
    // cpp-httplib's server gzips text bodies itself when the request accepts gzip.
    res.set_content(body, type);
  }

  TempDir root_;
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<Hit> hits_;
  std::atomic<int64_t> file_delay_ms_{0};
};

// An RSS 2.0 feed whose items link to `links`.
inline std::string RssFeed(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>";
  for (const auto& [title, link] : items)
    xml += "<item><title>" + title + "</title><link>" + link +
           "</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>Summary of " +
           title + ".</description></item>";
  return xml + "</channel></rss>";
}

// An Atom feed whose entries link to `links`.
inline std::string AtomFeed(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string xml =
      "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom "
      "wire</title>";
  for (const auto& [title, link] : items)
    xml += "<entry><title>" + title + "</title><link rel=\"alternate\" href=\"" + link +
           "\"/><updated>2024-03-06T09:00:00Z</updated><summary>About " + title +
           ".</summary></entry>";
  return xml + "</feed>";
}

// A news page naming actors the extractor finds.
inline std::string NewsPage(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html><head><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title +
         "</h1><p>" + body + "</p><p>" + body + "</p></article></body></html>";
}

}  // namespace actorgraph::testing
