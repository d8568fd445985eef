// Curation: a curator's changes to the graph — merge two nodes, edit a node, delete an edge or
// one piece of evidence — each applied as one atomic GraphDelta under the store's write lock,
// and each recorded (who, when, what, the state before and after) as a meta record, so that it
// can be listed and undone exactly.
//
// Curation outlives ingestion: a merged node's indexed names point to the survivor (so the
// resolver finds the survivor), deleted edges and evidence leave SuppressedEdgeKey /
// SuppressedEvidenceKey records, and distinct-actor judgements leave judgements.h records, all
// of which IngestArticle honours.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/core/graph_store.h"

namespace actorgraph::core {

using CurationId = uint64_t;

// Meta keys: "curation/<16 hex id>" -> the record (JSON); "merged/<16 hex id>" -> the decimal
// id of the node it was merged into.
inline constexpr const char* kCurationPrefix = "curation/";
inline constexpr const char* kMergedNodePrefix = "merged/";
std::string MergedNodeKey(NodeId merged);
// (merged node, survivor) of a "merged/" record, nullopt when malformed.
std::optional<std::pair<NodeId, NodeId>> ParseMergedNodeRecord(const MetaPut& record);

struct Curation {
  CurationId id = 0;
  std::string kind;  // "merge", "distinct", "edit-node", "delete-edge", "delete-evidence", "undo"
  std::string who;   // the curator (token name or "anonymous")
  std::string when;  // UTC, ISO 8601
  nlohmann::json what;       // the request: kind-specific parameters
  nlohmann::json before;     // the records touched, as they were ({"nodes","edges","index","meta"})
  nlohmann::json after;      // the same records as the step left them
  CurationId undone_by = 0;  // non-zero: this step was undone by that one
  CurationId undoes = 0;     // kind "undo": the step it reverted

  // The record as stored and served: ids as decimal strings.
  nlohmann::json ToJson() const;
};

// Merges node `from` into node `into` (types must be equal or both organisations): moves its
// edges (combining with the survivor's parallel edges; edges between the two are dropped),
// evidence, aliases and name index entries onto `into` and deletes `from`.
// NotFound for an unknown node, InvalidArgument for from == into, Conflict for types that
// cannot merge and for two nodes judged distinct (RecordDistinct). The judgements of `from`
// pass to `into`.
Result<Curation> MergeNodes(GraphStore& store, NodeId from, NodeId into, const std::string& who);

// Records that nodes `a` and `b` are different actors (judgements.h): later imports never give
// one of them a name under which the other is indexed, and duplicate suggestions leave the pair
// out. Undo removes the judgement. NotFound for an unknown node, InvalidArgument for a == b,
// Conflict when the pair is already judged distinct.
Result<Curation> RecordDistinct(GraphStore& store, NodeId a, NodeId b, const std::string& who);

struct NodeEdit {
  std::optional<std::string> name;
  std::optional<NodeType> type;
  std::optional<std::vector<std::string>> aliases;  // replaces the list
};
// Edits a node and its name index entries. Conflict when a new type breaks one of its edges'
// endpoint rules; InvalidArgument for an empty name.
Result<Curation> EditNode(GraphStore& store, NodeId id, const NodeEdit& edit,
                          const std::string& who);

// Deletes an edge with its evidence; ingestion will not bring it back.
Result<Curation> DeleteEdge(GraphStore& store, const EdgeKey& edge, const std::string& who);
// Deletes one piece of evidence and recomputes the edge (count, confidence, dates); an edge
// left without evidence is deleted. Ingestion will not bring the evidence back.
Result<Curation> DeleteEvidence(GraphStore& store, const EdgeKey& edge, EvidenceId evidence,
                                const std::string& who);

// Reverts a step exactly (nodes, edges, evidence, index entries, meta and so counts). Conflict
// when the step was already undone, is itself an undo, or when a later change touched the same
// records; the message names the later curation step that did (undo that one first), or says
// a later import did. One exception: a merge whose survivor later imports only added to (new
// aliases, first/last seen moved), none of it through the merged node's names, is undone
// keeping those additions on the survivor.
Result<Curation> UndoCuration(GraphStore& store, CurationId id, const std::string& who);

Result<Curation> GetCuration(GraphReader& reader, CurationId id);

struct CurationPage {
  std::vector<Curation> items;           // oldest first
  std::optional<CurationId> next_after;  // pass as `after` for the next page
};
CurationPage ListCurations(GraphReader& reader, CurationId after, size_t limit);

}  // namespace actorgraph::core
