// The articles of a web archive: WARC response and resource records whose payload is an HTML
// page (or plain text), read with the HTML (text) reader, with the record's URL and date.
#pragma once

#include <optional>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"
#include "warc_record.h"

namespace actorgraph::importers {

// The article of one record, or nullopt for a record that holds none (a request, warcinfo,
// metadata or revisit record; a response that is not 2xx; a payload that is neither HTML nor
// text: an image, a script). An HTTP response is parsed (status line, headers; chunked
// transfer coding and gzip/deflate content coding undone); the article's url is the record's
// WARC-Target-URI and its date, when the page gives none, the day of its WARC-Date. Errors:
// what the reader refused, or a content coding that cannot be undone.
core::Result<std::optional<Document>> DocumentFromWarcRecord(const WarcRecord& record);

}  // namespace actorgraph::importers
