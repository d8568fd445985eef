#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "actorgraph/importers/readers.h"
#include "importers/readers_test_util.h"

namespace ai = actorgraph::importers;
namespace at = actorgraph::importers::testing;

namespace {

std::vector<ai::JsonLine> ReadAll(std::string_view data) {
  std::vector<ai::JsonLine> lines;
  ai::ReadJsonLines(data, [&](ai::JsonLine&& line) { lines.push_back(std::move(line)); });
  return lines;
}

}  // namespace

TEST_CASE("ReadJsonLines reads each article and reports each bad line", "[readers][jsonl]") {
  auto lines = ReadAll(at::Slurp(at::DataDir() / "articles.jsonl"));
  REQUIRE(lines.size() == 7);  // the blank line 3 is skipped

  const auto& text = lines[0];
  CHECK(text.line == 1);
  REQUIRE(text.doc.ok());
  CHECK(text.doc->url == "https://news.example.com/1");
  CHECK(text.doc->title == "Acme signs MoU with Beta Corp");
  CHECK(text.doc->date == "2021-06-03");
  CHECK(text.doc->text ==
        "Acme Industries signed a memorandum of understanding with Beta Corp on Thursday.\n\n"
        "The agreement covers joint research in Hamburg, Germany.");

  const auto& html = lines[1];
  CHECK(html.line == 2);
  REQUIRE(html.doc.ok());
  CHECK(html.doc->title == "Forum opens in Vienna");
  CHECK(html.doc->date == "2021-06-04");
  CHECK(html.doc->text.find("The Vienna Energy Forum opened on Friday") != std::string::npos);
  CHECK(html.doc->text.find("Copyright") == std::string::npos);
  CHECK(html.doc->text.find("World") == std::string::npos);

  auto reason = [&](size_t i) {
    REQUIRE_FALSE(lines[i].doc.ok());
    return lines[i].doc.status().message();
  };
  CHECK(lines[2].line == 4);
  CHECK(reason(2) == "line 4: invalid JSON");
  CHECK(reason(3) == "line 5: not a JSON object");
  CHECK(reason(4) == "line 6: \"title\" is not a string");
  CHECK(reason(5) == "line 7: no \"text\" or \"html\"");

  // Without a title in the object, the text's own title line is used.
  const auto& own_title = lines[6];
  REQUIRE(own_title.doc.ok());
  CHECK(own_title.doc->title == "Plain text with its own title line");
  CHECK(own_title.doc->text.starts_with("Plant opening in Tromso\n\nVarnholt"));
}

TEST_CASE("ReadJsonLines handles empty input, CRLF and a missing final newline",
          "[readers][jsonl]") {
  CHECK(ReadAll("").empty());
  CHECK(ReadAll("\n\n  \n").empty());
  auto lines = ReadAll("{\"text\": \"One.\"}\r\n{\"text\": \"Two.\"}");
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[0].doc.ok());
  REQUIRE(lines[1].doc.ok());
  CHECK(lines[0].doc->text == "One.");
  CHECK(lines[1].doc->text == "Two.");
  CHECK(lines[1].line == 2);
}
