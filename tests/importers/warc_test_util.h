// WARC and gzip writers for the tests: archives built record by record, as Common Crawl
// writes them (each record its own gzip member).
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::importers::testing {

// One gzip member holding `data`.
inline std::string GzipMember(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A WARC record: its header lines (with a Content-Length of `block`, or `length_override`
// when given, to make it lie), a blank line, the block, CRLF CRLF.
inline std::string WarcRecordText(std::string_view type, std::string_view uri,
                                  std::string_view date, std::string_view content_type,
                                  std::string_view block, long length_override = -1) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: " + std::string(date) + "\r\n";
  r +=
      "WARC-Record-ID: <urn:uuid:" + std::to_string(std::hash<std::string_view>{}(block)) + ">\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " +
       std::to_string(length_override >= 0 ? static_cast<size_t>(length_override) : block.size()) +
       "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

// An HTTP response message as a WARC response record's block.
inline std::string HttpResponseText(int status, std::string_view content_type,
                                    std::string_view body, std::string_view extra_headers = "") {
  std::string r = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += extra_headers;
  r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  r += body;
  return r;
}

// An HTML news page with a title and a body of a few sentences.
inline std::string NewsPage(std::string_view title, std::string_view sentence,
                            std::string_view date_meta = "") {
  std::string html = "<!DOCTYPE html><html><head><title>" + std::string(title) + "</title>";
  if (!date_meta.empty())
    html += "<meta property=\"article:published_time\" content=\"" + std::string(date_meta) + "\">";
  html += "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>" +
          std::string(title) + "</h1>";
  for (int i = 0; i < 4; ++i) html += "<p>" + std::string(sentence) + "</p>";
  html += "</article></body></html>";
  return html;
}

}  // namespace actorgraph::importers::testing
