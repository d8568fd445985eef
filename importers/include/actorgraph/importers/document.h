// A document as the readers see it: the input of extraction.
#pragma once

#include <string>

namespace actorgraph::importers {

struct Document {
  std::string url;    // link or source path; may be empty
  std::string title;  // headline; may be empty
  std::string date;   // publication date as YYYY-MM-DD, or empty when unknown
  std::string text;   // the body as plain UTF-8 text, paragraphs separated by "\n\n"
};

}  // namespace actorgraph::importers
