// What the extractor finds in one document: typed actors and relations with their evidence,
// and the Extractor that finds them, opened from its data folder (models, word lists).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/core/facts.h"
#include "actorgraph/core/status.h"
#include "actorgraph/importers/document.h"
#include "actorgraph/importers/language.h"

namespace actorgraph::importers {

using ExtractedEntity = core::EntityFact;
using ExtractedRelation = core::RelationFact;  // from/to index Extraction::entities

struct Extraction {
  std::string title;     // the document's title (Document::title, or found in the text)
  std::string date;      // YYYY-MM-DD, from the document or its dateline, or empty
  std::string dateline;  // "HAMBURG, 14 March 2021" when the text opens with one
  // ISO 639-1 code of the text's language (LanguageIdentifier::Detect on ArticleText), "und"
  // when unrecognised.
  std::string language;
  std::string extractor_version;  // the models that produced this: Extractor::version()
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedRelation> relations;
  // The ExtractionLimits caps this extraction hit, each at most once, in this order:
  // "sentence_split" (a sentence longer than max_sentence_tokens was read in pieces) and
  // "mentions_capped" (mentions past max_mentions were not extracted). The rest is complete.
  std::vector<std::string> limits_hit;
  // Extraction passed ExtractionLimits::cpu_budget and stopped: the other fields are empty and
  // the article must be refused, not stored half-read. too_complex_reason says how far it got.
  bool too_complex = false;
  std::string too_complex_reason;
};

// Bounds on one article's extraction, so that no single article can hold an importer or the
// server for long. The defaults leave every article of the dev corpus untouched.
struct ExtractionLimits {
  // A sentence longer than this many tokens is read as consecutive pieces of this many. The
  // longest sentence of the dev corpus has 140 tokens (99th percentile: 74), so real prose is
  // never cut; what gets cut is a table, a list or text without sentence punctuation.
  size_t max_sentence_tokens = 200;
  // Mentions past this many in one article (in text order) are not extracted. The busiest
  // dev corpus article has about 100 capitalised names; 2000 is a long report's worth.
  size_t max_mentions = 2000;
  // CPU time of the extracting thread one article may take; past it extraction stops with
  // Extraction::too_complex. Most articles take milliseconds, 400 KB of prose well under 2 s on
  // one core. Zero: no budget.
  std::chrono::milliseconds cpu_budget{2000};
};

struct ExtractorOptions {
  // The data folder: tagger.model, kind.model, org.model, relation.model and the word lists
  // (cities.txt, places.txt, given_names.txt, surnames.txt, demonyms.txt). Empty: DataDir().
  std::string data_dir;
  std::string iso_codes_dir = "/usr/share/iso-codes/json";   // Debian's iso-codes
  std::string dictionary = "/usr/share/hunspell/en_US.dic";  // Debian's hunspell-en-us
  // The language identifier's dictionaries (language.h); empty: DefaultLanguageDictionaries().
  std::vector<LanguageDictionary> language_dictionaries;
  ExtractionLimits limits;
};

// The default data folder: $ACTORGRAPH_DATA when set, else `actorgraph-data` beside the running
// executable (where the build and `cmake --install` put it).
std::string DataDir();

class Extractor {
 public:
  // Loads every model and list. A missing or corrupt file is an error naming it; there is no
  // weaker fallback.
  static core::Result<std::unique_ptr<Extractor>> Open(const ExtractorOptions& options);
  ~Extractor();

  // Runs the pipeline on one document (read -> clean -> segment -> rule features -> learned
  // mentions and types -> coreference -> relations), within the options' ExtractionLimits.
  // Pure and thread-safe.
  Extraction Extract(const Document& doc) const;

  // "learned-<tagger>-<kind>-<org>-<relation>": hashes of the models' weights; every
  // evidence record stores it.
  const std::string& version() const;
  // Memory held by the loaded models and lists (approximate bytes).
  size_t memory_bytes() const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::importers
