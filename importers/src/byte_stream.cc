// File and gzip byte streams, and the buffered reader over them.
#include "byte_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace actorgraph::importers {
namespace {

constexpr size_t kChunk = size_t{1} << 16;

class FileStream final : public ByteStream {
 public:
  explicit FileStream(std::FILE* f) : f_(f) {}
  ~FileStream() override { std::fclose(f_); }

  core::Result<size_t> Read(char* out, size_t n) override {
    if (!status_.ok()) return status_;
    size_t got = std::fread(out, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      status_ = core::Status::IoError(std::string("read error: ") + std::strerror(errno));
      return status_;
    }
    consumed_ += got;
    return got;
  }
  uint64_t consumed() const override { return consumed_; }

 private:
  std::FILE* f_;
  uint64_t consumed_ = 0;
  core::Status status_;
};

class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> in) : in_(std::move(in)), input_(kChunk, '\0') {
    std::memset(&z_, 0, sizeof z_);
    // 15 + 16: a gzip wrapper (not zlib, not raw deflate).
    if (inflateInit2(&z_, 15 + 16) != Z_OK) status_ = core::Status::Internal("zlib init failed");
  }
  ~GzipStream() override { inflateEnd(&z_); }

  core::Result<size_t> Read(char* out, size_t n) override {
    if (!status_.ok()) return status_;
    n = std::min<size_t>(n, UINT32_MAX);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {  // until a byte comes out, or the input ends
      if (z_.avail_in == 0) {
        if (input_done_) break;
        core::Result<size_t> got = in_->Read(input_.data(), input_.size());
        if (!got.ok()) return status_ = got.status();
        if (*got == 0) {
          input_done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(input_.data());
        z_.avail_in = static_cast<uInt>(*got);
      }
      in_member_ = true;
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {  // one member ends; another may follow (multi-member gzip)
        in_member_ = false;
        inflateReset(&z_);
        continue;
      }
      if (rc == Z_BUF_ERROR) continue;  // needs more input
      if (rc != Z_OK) {
        status_ = core::Status::InvalidArgument(std::string("corrupt gzip data: ") +
                                                (z_.msg ? z_.msg : "inflate failed"));
        size_t made = n - z_.avail_out;
        if (made > 0) return made;  // the bytes before the damage first
        return status_;
      }
    }
    size_t made = n - z_.avail_out;
    if (made == 0 && input_done_ && in_member_) {
      status_ = core::Status::InvalidArgument("truncated gzip data: the file ends inside a member");
      return status_;
    }
    return made;
  }
  uint64_t consumed() const override { return in_->consumed() - z_.avail_in; }

 private:
  std::unique_ptr<ByteStream> in_;
  std::string input_;
  z_stream z_;
  bool input_done_ = false;
  bool in_member_ = false;  // inside a member that has not reached its end
  core::Status status_;
};

class ViewStream final : public ByteStream {
 public:
  explicit ViewStream(std::string_view data) : data_(data) {}
  core::Result<size_t> Read(char* out, size_t n) override {
    size_t take = std::min(n, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, take);
    pos_ += take;
    return take;
  }
  uint64_t consumed() const override { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> StringStream(std::string_view data) {
  return std::make_unique<ViewStream>(data);
}

core::Result<std::string> GunzipString(std::string_view data, size_t max) {
  std::unique_ptr<ByteStream> in = GunzipStream(StringStream(data));
  std::string out;
  char buf[kChunk];
  while (true) {
    core::Result<size_t> got = in->Read(buf, sizeof buf);
    if (!got.ok()) return got.status();
    if (*got == 0) return out;
    if (out.size() + *got > max)
      return core::Status::ResourceExhausted("more than " + std::to_string(max >> 20) +
                                             " MiB once decompressed");
    out.append(buf, *got);
  }
}

core::Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return core::Status::IoError(std::string("unreadable: ") + std::strerror(errno));
  return std::unique_ptr<ByteStream>(new FileStream(f));
}

std::unique_ptr<ByteStream> GunzipStream(std::unique_ptr<ByteStream> compressed) {
  return std::make_unique<GzipStream>(std::move(compressed));
}

bool IsGzipPath(std::string_view path) {
  if (path.size() < 3) return false;
  std::string_view ext = path.substr(path.size() - 3);
  return ext[0] == '.' && (ext[1] | 0x20) == 'g' && (ext[2] | 0x20) == 'z';
}

bool BufferedStream::Fill() {
  if (!status_.ok()) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  core::Result<size_t> got = in_->Read(buf_.data() + old, kChunk);
  if (!got.ok()) {
    buf_.resize(old);
    status_ = got.status();
    return false;
  }
  buf_.resize(old + *got);
  return *got > 0;
}

bool BufferedStream::ReadLine(std::string* line, size_t max, bool* truncated) {
  line->clear();
  *truncated = false;
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    size_t take = std::min(end - pos_, max - std::min(max, line->size()));
    line->append(buf_, pos_, take);
    if (take < end - pos_) *truncated = true;
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
    pos_ = buf_.size();
    if (!Fill()) {
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return !line->empty() && status_.ok();
    }
  }
}

size_t BufferedStream::ReadExactly(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size() && !Fill()) break;
    size_t take = std::min(n - done, buf_.size() - pos_);
    out->append(buf_, pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

uint64_t BufferedStream::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size() && !Fill()) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, buf_.size() - pos_));
    pos_ += take;
    done += take;
  }
  return done;
}

void BufferedStream::Unread(std::string_view bytes) {
  buf_.erase(0, pos_);
  pos_ = 0;
  buf_.insert(0, bytes);
}

bool BufferedStream::AtEnd() { return pos_ == buf_.size() && !Fill(); }

}  // namespace actorgraph::importers
