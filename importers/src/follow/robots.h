// robots.txt (RFC 9309): which paths of a host a crawler naming itself `agent` may fetch.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers::follow {

class RobotsRules {
 public:
  // Everything allowed (a host without robots.txt, or one answering 4xx for it).
  static RobotsRules AllowAll() { return RobotsRules(); }
  // Everything disallowed (RFC 9309 2.3.1.4: robots.txt unreachable, or a 5xx).
  static RobotsRules DisallowAll();
  // The rules of the group whose user-agent `agent` contains (case-insensitive; the longest
  // such name wins), else of the "*" group. Unknown lines are ignored.
  static RobotsRules Parse(std::string_view text, std::string_view agent);

  // Whether `path` (path and query, from "/") may be fetched: the longest matching Allow or
  // Disallow pattern decides ("*" matches any run, a final "$" the end), Allow on a tie.
  bool Allowed(std::string_view path) const;
  // The group's Crawl-delay in seconds (0 when none).
  double crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = 0;
};

}  // namespace actorgraph::importers::follow
