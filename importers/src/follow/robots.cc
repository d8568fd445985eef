// RobotsRules: groups, longest-match rules and wildcards of RFC 9309.
#include "follow/robots.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace actorgraph::importers::follow {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Whether `pattern` ("*" any run, final "$" the end) matches a prefix of `path`.
bool Matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match with backtracking to the last '*'.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
      if (star == std::string_view::npos) return false;
      p = star + 1;
      s = ++mark;
      if (s > path.size()) return false;
      continue;
    }
    if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    }
    if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos) return false;
    p = star + 1;
    s = ++mark;
    if (s > path.size()) return false;
  }
}

}  // namespace

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back({"/", false});
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  const std::string me = Lower(agent);
  // Groups: the agents named, then their rules. A group's agents are the user-agent lines
  // before its first rule.
  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    double delay = 0;
  };
  std::vector<Group> groups;
  bool in_agents = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? text.size() + 1 : eol + 1;
    line = line.substr(0, line.find('#'));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      in_agents = true;
      groups.back().agents.push_back(Lower(value));
      continue;
    }
    if (groups.empty()) continue;
    in_agents = false;
    if (key == "allow" || key == "disallow") {
      if (value.empty()) continue;  // "Disallow:" allows everything
      groups.back().rules.push_back({std::string(value), key == "allow"});
    } else if (key == "crawl-delay") {
      groups.back().delay = std::atof(std::string(value).c_str());
    }
  }
  const Group* best = nullptr;
  size_t best_len = 0;
  const Group* star = nullptr;
  for (const Group& g : groups) {
    for (const std::string& a : g.agents) {
      if (a == "*") {
        if (!star) star = &g;
      } else if (!a.empty() && me.find(a) != std::string::npos && a.size() > best_len) {
        best = &g;
        best_len = a.size();
      }
    }
  }
  RobotsRules r;
  if (const Group* g = best ? best : star) {
    r.rules_ = g->rules;
    r.crawl_delay_ = std::max(0.0, g->delay);
  }
  return r;
}

bool RobotsRules::Allowed(std::string_view path) const {
  size_t best = 0;
  bool allowed = true, matched = false;
  for (const Rule& rule : rules_) {
    if (!Matches(rule.pattern, path)) continue;
    size_t len = rule.pattern.size();
    if (!matched || len > best || (len == best && rule.allow)) {
      best = len;
      allowed = rule.allow;
      matched = true;
    }
  }
  return allowed;
}

}  // namespace actorgraph::importers::follow
