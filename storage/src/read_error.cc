#include "read_error.h"

#include <spdlog/spdlog.h>

namespace actorgraph::storage {

core::Status ReadFailure(const rocksdb::Status& s, const std::string& what) {
  spdlog::error("database read failed ({}): {}", what, s.ToString());
  if (s.IsCorruption())
    return core::Status::Corruption("the database is damaged: " + what +
                                    " failed (a table fails its checksum or cannot be decoded); "
                                    "`actorgraph check` tells what");
  return core::Status::IoError("the database could not be read: " + what +
                               " failed (an I/O error of its disk)");
}

}  // namespace actorgraph::storage
