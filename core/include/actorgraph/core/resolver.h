// Entity resolution and ingestion of one article's facts into a GraphStore.
#pragma once

#include <string>
#include <vector>

#include "actorgraph/core/facts.h"
#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

struct ArticleFacts {
  std::string url;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string text;
  std::vector<EntityFact> entities;
  std::vector<RelationFact> relations;  // from/to index `entities`
  std::string extractor_version;
  std::string language;  // ISO 639-1 code, "und" when unrecognised, empty when not detected
  std::string author, canonical_url, site_name;  // as on core::Article
};

struct IngestResult {
  bool article_was_new = false;
  ArticleId article_id = 0;
  std::vector<NodeId> nodes;   // the resolved node of each entity fact (same order)
  std::vector<EdgeKey> edges;  // the edges the article supports (after curation filters)
  ApplyStats stats;
  // The extraction caps this article hit (Extraction::limits_hit), set by the importers'
  // pipeline; empty when it was read whole.
  std::vector<std::string> extraction_limits;
};

// The content hash that identifies an article (over its text, or its title when it has none).
std::string ArticleContentHash(const ArticleFacts& facts);

// Resolves the article's entities against the graph and writes the article, its nodes, edges,
// evidence and index entries as one atomic delta (under the store's write lock). The same
// article again changes nothing. Resolution rules:
// - an entity matches a node of the same type (company and agency match each other) indexed
//   under its folded name, one of its aliases or one of its reference names
//   (EntityFact::known_as); a person matches only on a name of two or more words, also with
//   the name order reversed, so two people sharing a surname stay apart;
// - an event never matches on a generic name (name_rules.h IsGenericEventName: "General
//   Meeting", "the Annual Summit 2024"); on a form that names one edition (NamesEventEdition:
//   "Acme Summit 2024") it matches like any entity; on another form (a series name, "Acme
//   Summit") only an event first seen within 90 days of the article's date (both dates
//   known), and never when another of its forms names an edition, so that two editions of a
//   series stay apart;
// - a company that matches no node by name matches a company node whose name or alias is
//   the same once legal forms are set aside on either side (name_rules.h LegalNameCore:
//   "Acme Corp." and "Acme Co., Ltd." and "Acme" are one company);
// - otherwise a node is created with id = hash(type, folded name), probing on collision (an
//   event whose name names no edition or is generic: hash(type, folded name and the
//   article's content hash), so that the next edition, or another association's meeting, in
//   a later article, gets a node of its own);
// - curation wins: edges and evidence that a curator deleted are not brought back, and a node
//   never takes a name (alias or index entry) under which a node that a curator judged a
//   different actor is indexed (judgements.h), so two actors judged distinct stay two nodes
//   even when an article ties their names together ("Acme Widgets (AW)").
// Relations whose endpoint types break the model's rules are dropped.
// With sync = false the write is visible but not yet durable: the caller must call
// GraphStore::Sync() before it acknowledges the article (group commit).
Result<IngestResult> IngestArticle(GraphStore& store, const ArticleFacts& facts, bool sync = true);

// Meta keys under which curation records deleted edges and evidence (see api/ curation); both
// start with kSuppressPrefix.
inline constexpr const char* kSuppressPrefix = "suppress/";
std::string SuppressedEdgeKey(const EdgeKey& edge);
std::string SuppressedEvidenceKey(EvidenceId id);

// Deterministic ids (storage/FORMAT.md).
NodeId NodeIdFor(NodeType type, const std::string& folded_name, uint32_t probe = 0);
EvidenceId EvidenceIdFor(ArticleId article, const EdgeKey& edge, uint32_t begin, uint32_t end);

}  // namespace actorgraph::core
