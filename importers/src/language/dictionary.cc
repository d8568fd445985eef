#include "language/dictionary.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "language/lowercase_words.h"

namespace actorgraph::importers::language {

core::Result<std::vector<std::string>> ReadLowercaseStems(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return core::Status::NotFound("language dictionary " + path + " does not exist");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::Status::IoError("cannot read language dictionary " + path + ": " +
                                 std::strerror(errno));
  std::vector<std::string> stems;
  std::string line;
  std::getline(in, line);  // the entry count
  while (std::getline(in, line)) {
    std::string_view stem(line);
    stem = stem.substr(0, stem.find_first_of("/\t \r"));
    if (IsLowercaseWord(stem)) stems.emplace_back(stem);
  }
  if (in.bad()) return core::Status::IoError("error reading language dictionary " + path);
  return stems;
}

}  // namespace actorgraph::importers::language
