// The source walker: files, folders and standard input to Documents.
#include "actorgraph/importers/sources.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "byte_stream.h"
#include "reader_sniff.h"
#include "warc_documents.h"
#include "warc_record.h"

namespace actorgraph::importers {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffWindow = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

void Fail(const SourceCallback& fn, const std::string& origin, core::Status status,
          uint64_t bytes_done = 0) {
  fn(SourceItem{origin, std::move(status), bytes_done});
}

void Emit(const SourceCallback& fn, const std::string& origin, core::Result<Document> doc,
          uint64_t bytes_done) {
  if (doc.ok() && doc->url.empty()) doc->url = origin;
  fn(SourceItem{origin, std::move(doc), bytes_done});
}

void ReadFeedItems(std::string_view data, const std::string& origin, const SourceCallback& fn) {
  core::Result<std::vector<Document>> items = ReadFeed(data);
  if (!items.ok()) return Fail(fn, origin, items.status(), data.size());
  if (items->empty())
    return Fail(fn, origin, core::Status::InvalidArgument("empty: the feed has no items"),
                data.size());
  for (size_t i = 0; i < items->size(); ++i) {
    Emit(fn, origin + "#" + std::to_string(i + 1), std::move((*items)[i]),
         data.size() * (i + 1) / items->size());
  }
}

void ReadJsonLinesItems(std::string_view data, const std::string& origin,
                        const SourceCallback& fn) {
  ReadJsonLines(data, [&](JsonLine&& line) {
    std::string where = origin + ":" + std::to_string(line.line);
    if (line.doc.ok() && line.doc->url.empty()) line.doc->url = origin;
    fn(SourceItem{std::move(where), std::move(line.doc), line.end_offset});
  });
}

// Reads a whole file, refusing it before reading when it is too large.
core::Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return core::Status::IoError("unreadable: " + ec.message());
  if (size > kMaxSourceFileBytes) {
    return core::Status::ResourceExhausted("too large: " + std::to_string(size) +
                                           " bytes (limit 64 MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::IoError(std::string("unreadable: ") + std::strerror(errno));
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.bad()) return core::Status::IoError("unreadable: read error");
  data.resize(static_cast<size_t>(in.gcount()));
  return data;
}

// A WARC file (plain or gzip), record by record.
void ReadWarcItems(std::unique_ptr<ByteStream> in, const std::string& origin,
                   const SourceCallback& fn) {
  BufferedStream stream(std::move(in));
  ReadWarc(stream, kMaxSourceFileBytes, [&](WarcItem&& item) {
    std::string where = origin + "#" + std::to_string(item.number);
    if (!item.record.ok()) return Fail(fn, where, item.record.status(), item.consumed);
    core::Result<std::optional<Document>> doc = DocumentFromWarcRecord(*item.record);
    if (!doc.ok()) {
      std::string uri = item.record->target_uri.empty() ? "" : " (" + item.record->target_uri + ")";
      return Fail(fn, where, core::Status(doc.status().code(), doc.status().message() + uri),
                  item.consumed);
    }
    if (!doc->has_value()) return;
    Emit(fn, where, std::move(**doc), item.consumed);
  });
}

// A JSON Lines stream (a gzip dump), line by line.
void ReadJsonLinesStream(std::unique_ptr<ByteStream> in, const std::string& origin,
                         const SourceCallback& fn) {
  BufferedStream stream(std::move(in));
  std::string line;
  bool truncated = false;
  size_t number = 0;
  while (stream.ReadLine(&line, kMaxReaderInputBytes, &truncated)) {
    ++number;
    std::string where = origin + ":" + std::to_string(number);
    if (truncated) {
      Fail(fn, where, core::Status::ResourceExhausted("line longer than 64 MiB"),
           stream.consumed());
      continue;
    }
    if (IsBlankLine(line)) continue;
    core::Result<Document> doc = ReadJsonLine(line, number);
    if (doc.ok() && doc->url.empty()) doc->url = origin;
    fn(SourceItem{std::move(where), std::move(doc), stream.consumed()});
  }
  if (!stream.status().ok())
    Fail(fn, origin + ":" + std::to_string(number + 1), stream.status(), stream.consumed());
}

// A gzip file of another format: decompressed whole (at most kMaxSourceFileBytes).
void ReadCompressedWhole(std::unique_ptr<ByteStream> in, const std::string& origin,
                         SourceFormat format, const SourceCallback& fn) {
  std::string data;
  char buf[1 << 16];
  while (true) {
    core::Result<size_t> got = in->Read(buf, sizeof buf);
    if (!got.ok()) return Fail(fn, origin, got.status(), in->consumed());
    if (*got == 0) break;
    if (data.size() + *got > kMaxSourceFileBytes)
      return Fail(fn, origin,
                  core::Status::ResourceExhausted("too large: more than 64 MiB once decompressed"),
                  in->consumed());
    data.append(buf, *got);
  }
  const uint64_t consumed = in->consumed();
  ForEachDocumentInData(data, origin, format, [&](SourceItem&& item) {
    item.bytes_done = consumed;
    fn(std::move(item));
  });
}

// Reads a streamed file (a WARC file, a gzip file); false when `path` is neither.
bool ReadStreamed(const fs::path& path, SourceFormat format, const SourceCallback& fn) {
  const std::string origin = path.string();
  const bool gzip = IsCompressed(origin);
  if (!gzip && format != SourceFormat::kWarc) return false;
  core::Result<std::unique_ptr<ByteStream>> file = OpenFileStream(origin);
  if (!file.ok()) {
    Fail(fn, origin, file.status());
    return true;
  }
  std::unique_ptr<ByteStream> in = std::move(file).value();
  if (gzip) in = GunzipStream(std::move(in));
  if (format == SourceFormat::kWarc)
    ReadWarcItems(std::move(in), origin, fn);
  else if (format == SourceFormat::kJsonLines)
    ReadJsonLinesStream(std::move(in), origin, fn);
  else
    ReadCompressedWhole(std::move(in), origin, format, fn);
  return true;
}

// Reads one file of a walk whose earlier files came to `bytes_before`; returns the bytes the
// walk has read after it (its size counts even when it is refused).
uint64_t ReadOneFile(const fs::path& path, SourceFormat format, const SourceCallback& fn,
                     uint64_t bytes_before) {
  const std::string origin = path.string();
  std::error_code ec;
  const uint64_t bytes_after = bytes_before + fs::file_size(path, ec);
  auto counted = [&](SourceItem&& item) {
    item.bytes_done = std::min(bytes_before + item.bytes_done, bytes_after);
    fn(std::move(item));
  };
  if (ReadStreamed(path, format, counted)) return bytes_after;
  core::Result<std::string> data = ReadFile(path);
  if (!data.ok()) {
    fn(SourceItem{origin, data.status(), bytes_after});
    return bytes_after;
  }
  ForEachDocumentInData(*data, origin, format, counted);
  return bytes_after;
}

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// The files of a folder that a walk reads, in its order; why the listing stopped, if it did.
std::vector<fs::path> FolderFiles(const fs::path& root, core::Status* stopped) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    *stopped = core::Status::IoError("unreadable folder: " + ec.message());
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      *stopped = core::Status::IoError("folder walk stopped: " + ec.message());
      break;
    }
    if (IsHidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) &&
        FormatFromExtension(it->path().string()) != SourceFormat::kUnknown) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void WalkFolder(const fs::path& root, const SourceCallback& fn) {
  core::Status stopped;
  std::vector<fs::path> files = FolderFiles(root, &stopped);
  if (!stopped.ok()) Fail(fn, root.string(), stopped);
  uint64_t bytes = 0;
  for (const fs::path& f : files)
    bytes = ReadOneFile(f, FormatFromExtension(f.string()), fn, bytes);
}

}  // namespace

bool IsCompressed(std::string_view path) { return IsGzipPath(path); }

SourceFormat FormatFromExtension(std::string_view path) {
  if (IsGzipPath(path)) path.remove_suffix(3);
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".warc") return SourceFormat::kWarc;
  if (ext == ".txt" || ext == ".text") return SourceFormat::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return SourceFormat::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return SourceFormat::kJsonLines;
  if (ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".feed")
    return SourceFormat::kFeed;
  return SourceFormat::kUnknown;
}

SourceFormat SniffFormat(std::string_view data) {
  if (data.starts_with("WARC/1.")) return SourceFormat::kWarc;  // payloads may be binary
  if (LooksBinary(data)) return SourceFormat::kUnknown;
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  size_t start = data.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return SourceFormat::kText;
  const std::string head = Lower(data.substr(start, kSniffWindow));
  if (head[0] == '{') return SourceFormat::kJsonLines;
  if (head[0] != '<') return SourceFormat::kText;
  for (std::string_view root : {"<rss", "<feed", "<rdf:rdf"}) {
    size_t at = head.find(root);
    if (at != std::string::npos && head.find("<html") > at) return SourceFormat::kFeed;
  }
  return SourceFormat::kHtml;
}

void ForEachDocumentInData(std::string_view data, const std::string& origin, SourceFormat format,
                           const SourceCallback& fn) {
  if (data.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Fail(fn, origin, core::Status::InvalidArgument("empty"), data.size());
  }
  if (format == SourceFormat::kUnknown && data.starts_with("WARC/1.")) format = SourceFormat::kWarc;
  if (format == SourceFormat::kWarc) return ReadWarcItems(StringStream(data), origin, fn);
  if (LooksBinary(data))
    return Fail(fn, origin, core::Status::InvalidArgument("binary file, not text"), data.size());
  if (data.size() > kMaxSourceFileBytes) {
    return Fail(fn, origin, core::Status::ResourceExhausted("too large: more than 64 MiB"),
                data.size());
  }
  if (format == SourceFormat::kUnknown) format = SniffFormat(data);
  switch (format) {
    case SourceFormat::kText:
      return Emit(fn, origin, ReadText(data), data.size());
    case SourceFormat::kHtml:
      return Emit(fn, origin, ReadHtml(data), data.size());
    case SourceFormat::kJsonLines:
      return ReadJsonLinesItems(data, origin, fn);
    case SourceFormat::kFeed:
      return ReadFeedItems(data, origin, fn);
    case SourceFormat::kWarc:  // read above
    case SourceFormat::kUnknown:
      return Fail(fn, origin, core::Status::InvalidArgument("unknown format"), data.size());
  }
}

core::Status ForEachDocument(const std::string& path, const SourceCallback& fn) {
  if (path == "-") {
    std::string data;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      data.append(buffer, static_cast<size_t>(std::cin.gcount()));
      if (data.size() > kMaxSourceFileBytes) {
        Fail(fn, path, core::Status::ResourceExhausted("too large: more than 64 MiB"));
        return core::Status::Ok();
      }
    }
    if (std::cin.bad()) return core::Status::IoError("cannot read standard input");
    ForEachDocumentInData(data, path, SourceFormat::kUnknown, fn);
    return core::Status::Ok();
  }
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return core::Status::NotFound("no such file or folder: " + path);
  if (fs::is_directory(status)) {
    WalkFolder(path, fn);
  } else {
    SourceFormat format = FormatFromExtension(path);
    ReadOneFile(path, format, fn, 0);
  }
  return core::Status::Ok();
}

uint64_t SourceBytes(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    core::Status stopped;
    uint64_t bytes = 0;
    for (const fs::path& f : FolderFiles(path, &stopped)) {
      uintmax_t size = fs::file_size(f, ec);
      if (!ec) bytes += size;
    }
    return bytes;
  }
  uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace actorgraph::importers
