#include "route_table.h"

#include <algorithm>
#include <iterator>

namespace actorgraph::api {

void RouteTable::Get(const std::string& pattern, Handler handler) {
  Record(pattern, "GET", Access::kRead);
  http_.Get(pattern, std::move(handler));
}

void RouteTable::Post(const std::string& pattern, Handler handler, Access access) {
  Record(pattern, "POST", access);
  http_.Post(pattern, std::move(handler));
}

void RouteTable::Patch(const std::string& pattern, Handler handler) {
  Record(pattern, "PATCH", Access::kWrite);
  http_.Patch(pattern, std::move(handler));
}

void RouteTable::Delete(const std::string& pattern, Handler handler) {
  Record(pattern, "DELETE", Access::kWrite);
  http_.Delete(pattern, std::move(handler));
}

void RouteTable::Record(const std::string& pattern, const char* method, Access access) {
  auto it = std::find_if(routes_.begin(), routes_.end(),
                         [&](const Entry& e) { return e.pattern == pattern; });
  if (it == routes_.end()) {
    routes_.push_back(Entry{pattern, std::regex(pattern), {}, {}});
    it = std::prev(routes_.end());
  }
  it->methods.push_back(method);
  if (access == Access::kWrite) it->write_methods.push_back(method);
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

bool RouteTable::IsWrite(const std::string& method, const std::string& path) const {
  for (const Entry& e : routes_) {
    if (std::find(e.write_methods.begin(), e.write_methods.end(), method) !=
            e.write_methods.end() &&
        std::regex_match(path, e.regex))
      return true;
  }
  return false;
}

}  // namespace actorgraph::api
