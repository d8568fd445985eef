// Graph exports for Gephi, Cytoscape, networkx and spreadsheets, written as a stream of chunks
// (the HTTP export endpoint and `actorgraph export` share this code).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::api {

enum class ExportFormat { kGraphMl, kGexf, kCytoscape, kCsvNodes, kCsvEdges, kJsonl };

// "graphml", "gexf", "cytoscape", "csv" (edges; with table "nodes" the node table), "jsonl".
std::optional<ExportFormat> ParseExportFormat(std::string_view format, std::string_view table = "");
const char* ExportContentType(ExportFormat format);
const char* ExportFileExtension(ExportFormat format);

// Receives successive chunks; returns false to stop (the client went away).
using ChunkSink = std::function<bool(std::string_view)>;

struct ExportScope {
  std::optional<core::NodeId> center;  // none: the whole graph
  size_t depth = 1;
  size_t max_nodes = 100000;
};

// Writes the whole graph (streamed from `reader`, nodes then edges in key order) or the ego
// network of `scope.center` (from `snapshot`). NotFound for an unknown center.
core::Status WriteExport(core::GraphReader& reader, const core::GraphSnapshot* snapshot,
                         const ExportScope& scope, ExportFormat format, const ChunkSink& sink);

}  // namespace actorgraph::api
