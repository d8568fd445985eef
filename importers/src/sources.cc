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

#include "reader_sniff.h"

namespace actorgraph::importers {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffWindow = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

void Fail(const SourceCallback& fn, const std::string& origin, core::Status status) {
  fn(SourceItem{origin, std::move(status)});
}

void Emit(const SourceCallback& fn, const std::string& origin, core::Result<Document> doc) {
  if (doc.ok() && doc->url.empty()) doc->url = origin;
  fn(SourceItem{origin, std::move(doc)});
}

void ReadFeedItems(std::string_view data, const std::string& origin, const SourceCallback& fn) {
  core::Result<std::vector<Document>> items = ReadFeed(data);
  if (!items.ok()) return Fail(fn, origin, items.status());
  if (items->empty())
    return Fail(fn, origin, core::Status::InvalidArgument("empty: the feed has no items"));
  for (size_t i = 0; i < items->size(); ++i) {
    Emit(fn, origin + "#" + std::to_string(i + 1), std::move((*items)[i]));
  }
}

void ReadJsonLinesItems(std::string_view data, const std::string& origin,
                        const SourceCallback& fn) {
  ReadJsonLines(data, [&](JsonLine&& line) {
    std::string where = origin + ":" + std::to_string(line.line);
    if (line.doc.ok() && line.doc->url.empty()) line.doc->url = origin;
    fn(SourceItem{std::move(where), std::move(line.doc)});
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

void ReadOneFile(const fs::path& path, SourceFormat format, const SourceCallback& fn) {
  const std::string origin = path.string();
  core::Result<std::string> data = ReadFile(path);
  if (!data.ok()) return Fail(fn, origin, data.status());
  ForEachDocumentInData(*data, origin, format, fn);
}

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

void WalkFolder(const fs::path& root, const SourceCallback& fn) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec)
    return Fail(fn, root.string(), core::Status::IoError("unreadable folder: " + ec.message()));
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      Fail(fn, root.string(), core::Status::IoError("folder walk stopped: " + ec.message()));
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
  for (const fs::path& f : files) ReadOneFile(f, FormatFromExtension(f.string()), fn);
}

}  // namespace

SourceFormat FormatFromExtension(std::string_view path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return SourceFormat::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return SourceFormat::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return SourceFormat::kJsonLines;
  if (ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".feed")
    return SourceFormat::kFeed;
  return SourceFormat::kUnknown;
}

SourceFormat SniffFormat(std::string_view data) {
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
    return Fail(fn, origin, core::Status::InvalidArgument("empty"));
  }
  if (LooksBinary(data))
    return Fail(fn, origin, core::Status::InvalidArgument("binary file, not text"));
  if (data.size() > kMaxSourceFileBytes) {
    return Fail(fn, origin, core::Status::ResourceExhausted("too large: more than 64 MiB"));
  }
  if (format == SourceFormat::kUnknown) format = SniffFormat(data);
  switch (format) {
    case SourceFormat::kText:
      return Emit(fn, origin, ReadText(data));
    case SourceFormat::kHtml:
      return Emit(fn, origin, ReadHtml(data));
    case SourceFormat::kJsonLines:
      return ReadJsonLinesItems(data, origin, fn);
    case SourceFormat::kFeed:
      return ReadFeedItems(data, origin, fn);
    case SourceFormat::kUnknown:
      return Fail(fn, origin, core::Status::InvalidArgument("unknown format"));
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
    ReadOneFile(path, format, fn);
  }
  return core::Status::Ok();
}

}  // namespace actorgraph::importers
