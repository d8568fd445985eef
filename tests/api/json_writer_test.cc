// JsonWriter writes, byte for byte, what nlohmann's dump() writes for the same node and edge:
// the fast responses and the tree-built ones cannot drift apart.
#include <catch2/catch.hpp>
#include <random>

#include "actorgraph/api/json_codec.h"

using namespace actorgraph;
using nlohmann::json;

namespace {

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Text with the characters JSON must escape, multi-byte UTF-8 and invalid bytes.
std::string TrickyText(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"Acme",
                                                  " ",
                                                  "\"",
                                                  "\\",
                                                  "\n",
                                                  "\t",
                                                  "\r",
                                                  "\b",
                                                  "\f",
                                                  std::string(1, '\x01'),
                                                  "\x1f",
                                                  "/",
                                                  "\xC3\xA9",
                                                  "\xE2\x82\xAC",
                                                  "\xF0\x9F\x9A\x80",
                                                  "\xFF",
                                                  "\xC3",
                                                  "\xE2\x82",
                                                  "\xED\xA0\x80",
                                                  "\x7f",
                                                  "Zürich",
                                                  "北京",
                                                  "\xC0\xAF",
                                                  ""};
  std::string out;
  for (int k = rng() % 8; k >= 0; --k) out += pieces[rng() % pieces.size()];
  return out;
}

}  // namespace

TEST_CASE("JsonWriter encodes nodes and edges exactly as nlohmann does", "[api][json]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    core::Node node;
    node.id = (uint64_t{rng()} << 32) | rng();
    node.type = core::kAllNodeTypes[rng() % 5];
    node.name = TrickyText(rng);
    for (int a = rng() % 3; a > 0; --a) node.aliases.push_back(TrickyText(rng));
    node.first_seen = round % 2 ? "2024-01-02" : "";
    api::JsonWriter w;
    api::WriteNode(w, node);
    std::string written = w.Take();
    CHECK(written == Dump(api::NodeToJson(node)));
    CHECK(json::parse(written).is_object());

    core::Edge edge;
    edge.key = {node.id, core::kAllEdgeTypes[rng() % 7], rng()};
    static const double kConfidences[] = {0, 1, 0.5, 0.85, 0.1 + 0.2, 1.0 / 3, 0.999999, 1e-7};
    edge.confidence = kConfidences[rng() % 8];
    edge.evidence_count = rng() % 1000;
    edge.title = round % 3 ? TrickyText(rng) : "";
    api::WriteEdge(w, edge);
    CHECK(w.Take() == Dump(api::EdgeToJson(edge)));
  }
}

TEST_CASE("JsonWriter places commas and nests values", "[api][json]") {
  api::JsonWriter w;
  w.BeginObject()
      .Key("a")
      .BeginArray()
      .Uint(1)
      .Double(2.5)
      .Bool(true)
      .Null()
      .String("x")
      .EndArray();
  w.Key("b").BeginObject().EndObject().Key("c").BeginArray().EndArray();
  w.Key("d")
      .Json(json{{"k", {1, 2}}})
      .Key("e")
      .Double(std::nan(""))
      .Key("f")
      .Strings({"p", "q"})
      .EndObject();
  json expected = {{"a", {1, 2.5, true, nullptr, "x"}},
                   {"b", json::object()},
                   {"c", json::array()},
                   {"d", {{"k", {1, 2}}}},
                   {"e", nullptr},
                   {"f", {"p", "q"}}};
  CHECK(w.Take() == Dump(expected));
  CHECK(w.Take().empty());  // Take leaves the writer empty
}
