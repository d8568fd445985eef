// The plain-text reader with its options, for the readers that embed plain text (JSON Lines).
// Implemented in text_reader.cc.
#pragma once

#include <string>
#include <string_view>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"

namespace actorgraph::importers {

// ReadText, except that with find_title false no line is taken as the title (the caller
// has one) and leading page chrome stays in the body.
core::Result<Document> ReadPlainText(std::string_view text, std::string url, bool find_title);

}  // namespace actorgraph::importers
