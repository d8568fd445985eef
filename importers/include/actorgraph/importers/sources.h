// Sources: walk a file, a folder or standard input and hand over every Document in it.
//
// The walker is built for bulk imports that must not stop at the first bad file: each
// document and each failure (a file that is unreadable, binary, empty, too large or not valid
// in its format; a bad JSON line; a broken feed) is one SourceItem passed to the callback, in
// a deterministic order, on the calling thread. Only a path that does not exist at all, or
// standard input that cannot be read, ends the walk with a non-ok Status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"
#include "actorgraph/importers/readers.h"

namespace actorgraph::importers {

enum class SourceFormat {
  kUnknown,
  kText,       // .txt
  kHtml,       // .html, .htm
  kJsonLines,  // .jsonl, .ndjson
  kFeed,       // .xml, .rss, .atom, .feed
  kWarc,       // .warc (web archives, ISO 28500)
};

// One outcome of a walk.
struct SourceItem {
  // Where it comes from: the file path ("-" for standard input), with ":LINE" for a line of
  // a JSON Lines file, "#N" (1-based) for the Nth item of a feed and the Nth record of a WARC
  // file.
  std::string origin;
  // The document (its url is the source's own, or the file path when it has none), or why
  // there is none: kIoError (unreadable), kResourceExhausted (larger than
  // kMaxSourceFileBytes), kInvalidArgument (binary, empty, malformed).
  core::Result<Document> doc;
  // How much of the walk's input is read once this item is handed over, in bytes: exact at
  // the end of each file, proportional inside a file of several documents (a JSON Lines
  // dump: the line's end; a feed: its share of the items). For progress displays; it never
  // exceeds SourceBytes() of the walked path (standard input: the bytes read from it).
  uint64_t bytes_done = 0;
};

using SourceCallback = std::function<void(SourceItem&&)>;

inline constexpr size_t kMaxSourceFileBytes = kMaxReaderInputBytes;  // 64 MiB

// The format named by a path's extension (case-insensitive), or kUnknown. A ".gz" ending is
// looked through: "a.warc.gz" is kWarc, "a.jsonl.gz" kJsonLines (IsCompressed says it is
// gzip).
SourceFormat FormatFromExtension(std::string_view path);

// The format `data` looks like: a WARC file (it opens with "WARC/1."), a feed (an <rss>, <feed> or
// <rdf:RDF> root), HTML, JSON Lines (a first line that opens an object) or else text; kUnknown for
// binary data.
SourceFormat SniffFormat(std::string_view data);

// Reads the documents in `data`, in `format` (kUnknown: sniffed), reporting each under
// `origin`. Empty or binary data is reported as one failure.
void ForEachDocumentInData(std::string_view data, const std::string& origin, SourceFormat format,
                           const SourceCallback& fn);

// True when `path` ends in ".gz": its content is gzip (one member or several), decompressed
// as it is read.
bool IsCompressed(std::string_view path);

// Walks `path`:
// - a file: read by its extension's format, sniffed when the extension is unknown;
//   a WARC file and a JSON Lines file compressed with gzip are streamed, record by record
//   (line by line) in bounded memory, whatever their size; the other formats in gzip are
//   decompressed whole, up to kMaxSourceFileBytes. A WARC record gives an article when it is
//   an HTTP response (or resource) with an HTML or text payload (warc_documents.h), with the
//   record's WARC-Target-URI as url and its WARC-Date as the date the page does not give;
//   other records are skipped silently; a bad record (a Content-Length that lies, a record
//   larger than 64 MiB) is one failure and the walk goes on; a truncated file is a failure
//   after every record before the cut;
// - a folder: every file below it, recursively, in sorted path order, by extension; files
//   with an unknown extension and hidden entries (".name") are skipped silently;
// - "-": standard input, sniffed.
// Returns NotFound when `path` does not exist, IoError when standard input cannot be read;
// otherwise Ok, with every failure reported through `fn`.
core::Status ForEachDocument(const std::string& path, const SourceCallback& fn);

// The bytes ForEachDocument(path) will read: the file's size, or the sum over the files of a
// folder that the walk reads; 0 for standard input or a path that does not exist.
uint64_t SourceBytes(const std::string& path);

}  // namespace actorgraph::importers
