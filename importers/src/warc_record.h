// WARC framing (ISO 28500, WARC/1.0 and 1.1): the records of a web archive, one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "actorgraph/core/status.h"
#include "byte_stream.h"

namespace actorgraph::importers {

struct WarcRecord {
  std::string type;          // WARC-Type: "response", "resource", "request", "warcinfo", ...
  std::string target_uri;    // WARC-Target-URI (without the "<>" some writers put around it)
  std::string date;          // WARC-Date as written (ISO 8601)
  std::string content_type;  // Content-Type of the block ("application/http; msgtype=response")
  std::string block;         // the record's block: Content-Length bytes
};

// One outcome of ReadWarc.
struct WarcItem {
  uint64_t number = 0;  // the record's ordinal in the archive, 1-based
  // The record, or why it was refused:
  // - InvalidArgument: a header that is not WARC ("not a WARC record"), no or a bad
  //   Content-Length, a Content-Length that lies (the block is not followed by the record's
  //   CRLF CRLF end: the reader then looks for the next "WARC/" line and goes on), the archive
  //   cut inside the record ("truncated"; the last item), corrupt or truncated gzip data;
  // - ResourceExhausted: a block larger than `max_block` (skipped without being held in
  //   memory; reading goes on with the next record);
  // - IoError: the file could not be read (the last item).
  core::Result<WarcRecord> record;
  uint64_t consumed = 0;  // ByteStream::consumed() once the record is read (progress)
};

// Reads every record of `in`, in order, calling `fn` once per record (and once per error).
// Memory is bounded by one block of at most `max_block` bytes plus headers of at most 1 MiB.
void ReadWarc(BufferedStream& in, size_t max_block, const std::function<void(WarcItem&&)>& fn);

}  // namespace actorgraph::importers
