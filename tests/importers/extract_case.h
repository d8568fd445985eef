// One hand-written extraction case, read from a JSON file of tests/importers/data/extract_cases/:
//   {"name": "what the case shows",
//    "title": "an optional headline (Document::title)",
//    "text": "the article text",
//    "expect": {"entities": [{"type", "name", "aliases"?: [names of the same entity]}],
//               "relations": [{"type", "from", "to", "title"?: "as written"}],
//               "counts": {"<node type>": how many entities of that type, exactly}},
//    "forbid": {"entities": [{"type", "name"}], "relations": [{"type", "from", "to"}]},
//    "known_miss": "why the extractor gets it wrong today" (optional)}
// Names match folded (case, punctuation, space), a name or an alias of the extracted entity;
// symmetric relations match in either order. Misses() lists every expectation not met.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "actorgraph/importers/extraction.h"
#include "importers/extract_test_util.h"

namespace actorgraph::importers::testing {

struct ExtractCase {
  std::string file;  // for messages
  nlohmann::json spec;

  Document doc() const {
    Document d;
    d.title = spec.value("title", "");
    d.text = spec.at("text").get<std::string>();
    return d;
  }
  std::string name() const { return spec.at("name").get<std::string>(); }
  // Empty when the case is expected to pass.
  std::string known_miss() const { return spec.value("known_miss", ""); }
};

// The keys a case file may hold (a misspelt key is an error, not an ignored check).
inline std::vector<std::string> UnknownKeys(const nlohmann::json& spec) {
  static const std::vector<std::string> top = {"name",   "title",  "text",
                                               "expect", "forbid", "known_miss"};
  static const std::vector<std::string> sub = {"entities", "relations", "counts"};
  std::vector<std::string> bad;
  auto allowed = [](const std::vector<std::string>& keys, const std::string& k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  for (const auto& [k, v] : spec.items()) {
    if (!allowed(top, k)) bad.push_back(k);
    if ((k == "expect" || k == "forbid") && v.is_object())
      for (const auto& [s, _] : v.items())
        if (!allowed(sub, s) || (k == "forbid" && s == "counts")) bad.push_back(k + "." + s);
  }
  return bad;
}

inline core::NodeType NodeTypeOf(const nlohmann::json& j) {
  auto t = core::ParseNodeType(j.at("type").get<std::string>());
  if (!t) throw std::invalid_argument("unknown node type " + j.at("type").dump());
  return *t;
}

inline core::EdgeType EdgeTypeOf(const nlohmann::json& j) {
  auto t = core::ParseEdgeType(j.at("type").get<std::string>());
  if (!t) throw std::invalid_argument("unknown edge type " + j.at("type").dump());
  return *t;
}

// Every expectation of `spec` that `x` does not meet, one line each.
inline std::vector<std::string> Misses(const nlohmann::json& spec, const Extraction& x) {
  std::vector<std::string> out;
  const auto none = nlohmann::json::object();
  const auto& expect = spec.contains("expect") ? spec["expect"] : none;
  const auto& forbid = spec.contains("forbid") ? spec["forbid"] : none;
  auto list = [](const nlohmann::json& group, const char* key) {
    return group.contains(key) ? group[key] : nlohmann::json::array();
  };
  for (const auto& e : list(expect, "entities")) {
    const std::string name = e.at("name").get<std::string>();
    int i = FindEntity(x, NodeTypeOf(e), name);
    if (i < 0) {
      out.push_back("missing entity " + e.dump());
      continue;
    }
    for (const auto& alias : e.value("aliases", nlohmann::json::array()))
      if (FindEntity(x, NodeTypeOf(e), alias.get<std::string>()) != i)
        out.push_back("\"" + alias.get<std::string>() + "\" is not the same entity as \"" + name +
                      "\"");
  }
  for (const auto& r : list(expect, "relations")) {
    const auto* found = FindRelation(x, EdgeTypeOf(r), r.at("from").get<std::string>(),
                                     r.at("to").get<std::string>());
    if (!found)
      out.push_back("missing relation " + r.dump());
    else if (r.contains("title") && found->title != r["title"].get<std::string>())
      out.push_back("relation " + r.dump() + " has title \"" + found->title + "\"");
  }
  const auto counts = list(expect, "counts");
  for (const auto& [type, want] : counts.items()) {
    auto t = core::ParseNodeType(type);
    if (!t) throw std::invalid_argument("unknown node type " + type);
    int have = 0;
    for (const auto& e : x.entities) have += e.type == *t;
    if (have != want.get<int>())
      out.push_back(std::to_string(have) + " entities of type " + type + ", expected " +
                    want.dump());
  }
  for (const auto& e : list(forbid, "entities"))
    if (FindEntity(x, NodeTypeOf(e), e.at("name").get<std::string>()) >= 0)
      out.push_back("forbidden entity " + e.dump());
  for (const auto& r : list(forbid, "relations"))
    if (FindRelation(x, EdgeTypeOf(r), r.at("from").get<std::string>(),
                     r.at("to").get<std::string>()))
      out.push_back("forbidden relation " + r.dump());
  return out;
}

}  // namespace actorgraph::importers::testing
