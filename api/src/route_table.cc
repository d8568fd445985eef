#include "route_table.h"

#include <algorithm>
#include <iterator>

namespace actorgraph::api {

void RouteTable::Get(const std::string& pattern, Handler handler) {
  Record(pattern, "GET");
  http_.Get(pattern, std::move(handler));
}

void RouteTable::Post(const std::string& pattern, Handler handler) {
  Record(pattern, "POST");
  http_.Post(pattern, std::move(handler));
}

void RouteTable::Patch(const std::string& pattern, Handler handler) {
  Record(pattern, "PATCH");
  http_.Patch(pattern, std::move(handler));
}

void RouteTable::Delete(const std::string& pattern, Handler handler) {
  Record(pattern, "DELETE");
  http_.Delete(pattern, std::move(handler));
}

void RouteTable::Record(const std::string& pattern, const char* method) {
  auto it = std::find_if(routes_.begin(), routes_.end(),
                         [&](const Entry& e) { return e.pattern == pattern; });
  if (it == routes_.end()) {
    routes_.push_back(Entry{pattern, std::regex(pattern), {}});
    it = std::prev(routes_.end());
  }
  it->methods.push_back(method);
  if (std::string(method) == "GET") it->methods.push_back("HEAD");
}

std::vector<std::string> RouteTable::MethodsOf(const std::string& path) const {
  std::vector<std::string> out;
  for (const Entry& e : routes_) {
    if (!std::regex_match(path, e.regex)) continue;
    for (const auto& m : e.methods)
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

}  // namespace actorgraph::api
