// Compact binary encodings of the stored records (storage/FORMAT.md): varints,
// length-prefixed strings, little-endian doubles. Decoders return false on truncated or
// malformed input and never read past the end.
#pragma once

#include <string>
#include <string_view>

#include "actorgraph/core/model.h"

namespace actorgraph::storage {

std::string EncodeNode(const core::Node& node);
void AppendNode(std::string& out, const core::Node& node);  // the same bytes, onto `out`
bool DecodeNode(std::string_view in, core::NodeId id, core::Node* node);

std::string EncodeEdge(const core::Edge& edge);
void AppendEdge(std::string& out, const core::Edge& edge);
bool DecodeEdge(std::string_view in, const core::EdgeKey& key, core::Edge* edge);

std::string EncodeEvidence(const core::Evidence& ev);
void AppendEvidence(std::string& out, const core::Evidence& ev);
bool DecodeEvidence(std::string_view in, core::EvidenceId id, core::Evidence* ev);

std::string EncodeArticle(const core::Article& article);
// Also decodes a version-1 article record (no trailing language; language comes out empty).
bool DecodeArticle(std::string_view in, core::ArticleId id, core::Article* article);

std::string EncodeCount(uint64_t count);
uint64_t DecodeCount(std::string_view in);  // 0 for a missing or malformed count

}  // namespace actorgraph::storage
