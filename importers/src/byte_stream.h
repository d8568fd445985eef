// Byte streams for readers that take a file record by record in bounded memory: a file, and
// a gzip decompressor over it (multi-member gzip, as Common Crawl writes its WARC files: every
// record its own member).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "actorgraph/core/status.h"

namespace actorgraph::importers {

// A source of bytes read front to back. Not thread-safe.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `out`; returns how many (0 only at the end of the stream), or
  // the error that stopped it: IoError (the file), InvalidArgument (corrupt or truncated
  // compressed data). After an error every call returns it again.
  virtual core::Result<size_t> Read(char* out, size_t n) = 0;
  // Bytes of the underlying file consumed so far (compressed bytes for a gzip stream): a
  // position for progress displays.
  virtual uint64_t consumed() const = 0;
};

// The file at `path`, or IoError naming why it cannot be opened.
core::Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path);

// Decompresses `compressed` (gzip; members read one after another until its end). A stream
// that ends inside a member is an InvalidArgument "truncated gzip data" error, raised after
// every byte before the cut was returned.
std::unique_ptr<ByteStream> GunzipStream(std::unique_ptr<ByteStream> compressed);

// The bytes of `data` as a stream (the caller keeps `data` alive while the stream is used).
std::unique_ptr<ByteStream> StringStream(std::string_view data);

// Decompresses gzip `data` whole: InvalidArgument when it is corrupt or truncated,
// ResourceExhausted when it decompresses to more than `max` bytes.
core::Result<std::string> GunzipString(std::string_view data, size_t max);

// True when `path` names a gzip file by its extension (".gz", case-insensitive).
bool IsGzipPath(std::string_view path);

// A line and record reader over a ByteStream that can give bytes back (for resynchronising
// after a bad record). Not thread-safe.
class BufferedStream {
 public:
  explicit BufferedStream(std::unique_ptr<ByteStream> in) : in_(std::move(in)) {}

  // The next line without its "\n" (and "\r") in `line`; false at the end of the stream or on
  // an error (status()). A line longer than `max` is cut at `max` bytes and *truncated set.
  bool ReadLine(std::string* line, size_t max, bool* truncated);
  // Appends exactly `n` bytes to `out`, or fewer at the end of the stream (returns how many).
  size_t ReadExactly(size_t n, std::string* out);
  // Skips up to `n` bytes; returns how many were skipped.
  uint64_t Skip(uint64_t n);
  // Puts `bytes` back in front of the stream: the next reads return them first.
  void Unread(std::string_view bytes);
  // True at the end of the stream (or after an error).
  bool AtEnd();
  // Ok, or the error that ended the stream early.
  const core::Status& status() const { return status_; }
  // Bytes of the underlying file consumed (ByteStream::consumed).
  uint64_t consumed() const { return in_->consumed(); }

 private:
  bool Fill();  // reads more into buf_; false at the end or on an error

  std::unique_ptr<ByteStream> in_;
  std::string buf_;
  size_t pos_ = 0;
  core::Status status_;
};

}  // namespace actorgraph::importers
