// ArticleText (importers/document.h): the text evidence offsets point into.
#include <catch2/catch.hpp>

#include "actorgraph/importers/document.h"

using namespace actorgraph;

TEST_CASE("ArticleText does not repeat a headline the body already opens with", "[extract]") {
  importers::Document doc;
  doc.title = "Orvel Systems opens office";
  doc.text = "Orvel Systems opens office\n\nThe office is in Lyon.";
  CHECK(importers::ArticleText(doc) == doc.text);
  doc.title.clear();
  CHECK(importers::ArticleText(doc) == doc.text);
  doc.title = "Another headline";
  CHECK(importers::ArticleText(doc) == "Another headline\n\n" + doc.text);
}
