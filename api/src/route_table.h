// The API's routes in one table: every handler is registered through it with its method and
// path pattern, so that the server can answer a known path asked with a method it does not
// take with 405 and an Allow header (cpp-httplib alone answers 404, or 400 for a method it has
// no handler list for).
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

#include "http_util.h"

namespace actorgraph::api {

class RouteTable {
 public:
  // Registers on `http`, which must outlive the table.
  explicit RouteTable(httplib::Server& http) : http_(http) {}

  // Whether a route writes: its handler calls ApiContext::AuthorizeWrite.
  enum class Access { kRead, kWrite };

  // `pattern` is a cpp-httplib path pattern: a regular expression the whole path must match.
  // GET routes read; PATCH and DELETE routes write; a POST route writes unless it says kRead
  // (a query sent as a body).
  void Get(const std::string& pattern, Handler handler);
  void Post(const std::string& pattern, Handler handler, Access access = Access::kWrite);
  void Patch(const std::string& pattern, Handler handler);
  void Delete(const std::string& pattern, Handler handler);

  // The methods registered for the patterns that match `path`, in registration order, with
  // HEAD after GET (cpp-httplib answers HEAD with the GET handler); empty for an unknown path.
  std::vector<std::string> MethodsOf(const std::string& path) const;
  // True when a route that takes `method` on `path` writes.
  bool IsWrite(const std::string& method, const std::string& path) const;

 private:
  void Record(const std::string& pattern, const char* method, Access access);

  struct Entry {
    std::string pattern;
    std::regex regex;
    std::vector<std::string> methods;
    std::vector<std::string> write_methods;
  };
  httplib::Server& http_;
  std::vector<Entry> routes_;
};

}  // namespace actorgraph::api
