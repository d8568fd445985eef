// Reads the stems of a Hunspell .dic file.
#pragma once

#include <string>
#include <vector>

#include "actorgraph/core/status.h"

namespace actorgraph::importers::language {

// The lower-case stems of the .dic file at `path` (UTF-8): each line's text before '/', a tab
// or a space, kept when it is one lower-case word (IsLowercaseWord); the first line (the entry
// count) and every other entry are skipped. NotFound or IoError naming `path` when the file is
// missing or unreadable.
core::Result<std::vector<std::string>> ReadLowercaseStems(const std::string& path);

}  // namespace actorgraph::importers::language
