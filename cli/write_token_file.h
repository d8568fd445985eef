// The write token `actorgraph serve` generates when none is given: 32 random bytes from
// /dev/urandom in hex, kept in <db>/api-token (mode 0600) and reused by the next start.
#pragma once

#include <string>

namespace actorgraph::cli {

inline constexpr const char* kTokenFileName = "api-token";

struct WriteTokenFile {
  std::string path;   // <db>/api-token
  std::string token;  // 64 hex digits
  bool created;       // false: read from an earlier start
};

// Reads <db_dir>/api-token, or creates it with a new token when it does not exist. A file
// others may read is narrowed to 0600. Throws CommandError when it cannot be read or written,
// or holds no token.
WriteTokenFile LoadOrCreateWriteToken(const std::string& db_dir);

}  // namespace actorgraph::cli
