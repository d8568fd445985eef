#include "actorgraph/api/export.h"

#include <memory>

#include "actorgraph/api/json_codec.h"
#include "actorgraph/core/paths.h"

namespace actorgraph::api {

namespace {

constexpr size_t kFlushBytes = 64 << 10;

std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids the other control characters.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

std::string Csv(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const auto& a : aliases) out += (out.empty() ? "" : "|") + a;
  return out;
}

std::string Number(double v) { return nlohmann::json(v).dump(); }

// One format: a header, then nodes, a separator, edges and a footer, appended to `out`.
class FormatWriter {
 public:
  virtual ~FormatWriter() = default;
  virtual void Begin(std::string& out) = 0;
  virtual void Node(const core::Node& n, std::string& out) = 0;
  virtual void BeginEdges(std::string& out) = 0;
  virtual void Edge(const core::Edge& e, std::string& out) = 0;
  virtual void End(std::string& out) = 0;
};

class GraphMlWriter : public FormatWriter {
 public:
  void Begin(std::string& out) override {
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (const char* k : {"name", "type", "aliases", "first_seen", "last_seen"})
      out += std::string("<key id=\"") + k + "\" for=\"node\" attr.name=\"" + k +
             "\" attr.type=\"string\"/>\n";
    out +=
        "<key id=\"e_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "<key id=\"e_title\" for=\"edge\" attr.name=\"title\" attr.type=\"string\"/>\n"
        "<key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
        "<key id=\"e_evidence_count\" for=\"edge\" attr.name=\"evidence_count\" "
        "attr.type=\"int\"/>\n"
        "<key id=\"e_first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n"
        "<key id=\"e_last_seen\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
        "<graph id=\"actorgraph\" edgedefault=\"directed\">\n";
  }
  void Node(const core::Node& n, std::string& out) override {
    out += "<node id=\"" + IdToString(n.id) + "\">" + Data("name", n.name) +
           Data("type", core::NodeTypeName(n.type)) + Data("aliases", JoinAliases(n.aliases)) +
           Data("first_seen", n.first_seen) + Data("last_seen", n.last_seen) + "</node>\n";
  }
  void BeginEdges(std::string&) override {}
  void Edge(const core::Edge& e, std::string& out) override {
    out += "<edge id=\"" + EdgeIdToString(e.key) + "\" source=\"" + IdToString(e.key.src) +
           "\" target=\"" + IdToString(e.key.dst) + "\">" +
           Data("e_type", core::EdgeTypeName(e.key.type)) + Data("e_title", e.title) +
           Data("e_confidence", Number(e.confidence)) +
           Data("e_evidence_count", std::to_string(e.evidence_count)) +
           Data("e_first_seen", e.first_seen) + Data("e_last_seen", e.last_seen) + "</edge>\n";
  }
  void End(std::string& out) override { out += "</graph>\n</graphml>\n"; }

 private:
  static std::string Data(const char* key, std::string_view value) {
    return std::string("<data key=\"") + key + "\">" + Xml(value) + "</data>";
  }
};

class GexfWriter : public FormatWriter {
 public:
  void Begin(std::string& out) override {
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
        "<graph mode=\"static\" defaultedgetype=\"directed\">\n"
        "<attributes class=\"node\">"
        "<attribute id=\"0\" title=\"type\" type=\"string\"/>"
        "<attribute id=\"1\" title=\"aliases\" type=\"string\"/>"
        "<attribute id=\"2\" title=\"first_seen\" type=\"string\"/>"
        "<attribute id=\"3\" title=\"last_seen\" type=\"string\"/></attributes>\n"
        "<attributes class=\"edge\">"
        "<attribute id=\"0\" title=\"type\" type=\"string\"/>"
        "<attribute id=\"1\" title=\"title\" type=\"string\"/>"
        "<attribute id=\"2\" title=\"evidence_count\" type=\"integer\"/>"
        "<attribute id=\"3\" title=\"first_seen\" type=\"string\"/>"
        "<attribute id=\"4\" title=\"last_seen\" type=\"string\"/></attributes>\n<nodes>\n";
  }
  void Node(const core::Node& n, std::string& out) override {
    out += "<node id=\"" + IdToString(n.id) + "\" label=\"" + Xml(n.name) + "\"><attvalues>" +
           Value(0, core::NodeTypeName(n.type)) + Value(1, JoinAliases(n.aliases)) +
           Value(2, n.first_seen) + Value(3, n.last_seen) + "</attvalues></node>\n";
  }
  void BeginEdges(std::string& out) override { out += "</nodes>\n<edges>\n"; }
  void Edge(const core::Edge& e, std::string& out) override {
    out += "<edge id=\"" + EdgeIdToString(e.key) + "\" source=\"" + IdToString(e.key.src) +
           "\" target=\"" + IdToString(e.key.dst) + "\" label=\"" + core::EdgeTypeName(e.key.type) +
           "\" weight=\"" + Number(e.confidence) + "\"><attvalues>" +
           Value(0, core::EdgeTypeName(e.key.type)) + Value(1, e.title) +
           Value(2, std::to_string(e.evidence_count)) + Value(3, e.first_seen) +
           Value(4, e.last_seen) + "</attvalues></edge>\n";
  }
  void End(std::string& out) override { out += "</edges>\n</graph>\n</gexf>\n"; }

 private:
  static std::string Value(int id, std::string_view v) {
    return "<attvalue for=\"" + std::to_string(id) + "\" value=\"" + Xml(v) + "\"/>";
  }
};

class CytoscapeWriter : public FormatWriter {
 public:
  void Begin(std::string& out) override { out += "{\"elements\":{\"nodes\":["; }
  void Node(const core::Node& n, std::string& out) override {
    nlohmann::json data = NodeToJson(n);
    data["label"] = n.name;
    Element(data, out);
  }
  void BeginEdges(std::string& out) override {
    out += "],\"edges\":[";
    first_ = true;
  }
  void Edge(const core::Edge& e, std::string& out) override { Element(EdgeToJson(e), out); }
  void End(std::string& out) override { out += "]}}\n"; }

 private:
  void Element(const nlohmann::json& data, std::string& out) {
    if (!first_) out += ",";
    first_ = false;
    out += nlohmann::json{{"data", data}}.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
  }
  bool first_ = true;
};

class CsvWriter : public FormatWriter {
 public:
  explicit CsvWriter(bool nodes) : nodes_(nodes) {}
  void Begin(std::string& out) override {
    out += nodes_ ? "id,type,name,aliases,first_seen,last_seen\n"
                  : "id,source,target,type,title,confidence,evidence_count,first_seen,last_seen\n";
  }
  void Node(const core::Node& n, std::string& out) override {
    if (!nodes_) return;
    out += IdToString(n.id) + "," + core::NodeTypeName(n.type) + "," + Csv(n.name) + "," +
           Csv(JoinAliases(n.aliases)) + "," + n.first_seen + "," + n.last_seen + "\n";
  }
  void BeginEdges(std::string&) override {}
  void Edge(const core::Edge& e, std::string& out) override {
    if (nodes_) return;
    out += EdgeIdToString(e.key) + "," + IdToString(e.key.src) + "," + IdToString(e.key.dst) + "," +
           core::EdgeTypeName(e.key.type) + "," + Csv(e.title) + "," + Number(e.confidence) + "," +
           std::to_string(e.evidence_count) + "," + e.first_seen + "," + e.last_seen + "\n";
  }
  void End(std::string&) override {}

 private:
  bool nodes_;
};

class JsonlWriter : public FormatWriter {
 public:
  void Begin(std::string&) override {}
  void Node(const core::Node& n, std::string& out) override { Line("node", NodeToJson(n), out); }
  void BeginEdges(std::string&) override {}
  void Edge(const core::Edge& e, std::string& out) override { Line("edge", EdgeToJson(e), out); }
  void End(std::string&) override {}

 private:
  static void Line(const char* kind, nlohmann::json j, std::string& out) {
    j["kind"] = kind;
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
};

std::unique_ptr<FormatWriter> MakeWriter(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return std::make_unique<GraphMlWriter>();
    case ExportFormat::kGexf:
      return std::make_unique<GexfWriter>();
    case ExportFormat::kCytoscape:
      return std::make_unique<CytoscapeWriter>();
    case ExportFormat::kCsvNodes:
      return std::make_unique<CsvWriter>(true);
    case ExportFormat::kCsvEdges:
      return std::make_unique<CsvWriter>(false);
    case ExportFormat::kJsonl:
      return std::make_unique<JsonlWriter>();
  }
  return nullptr;
}

// Buffers chunks and hands them to the sink once large enough.
class Buffer {
 public:
  explicit Buffer(const ChunkSink& sink) : sink_(sink) {}
  std::string& text() { return text_; }
  // False once the sink refused a chunk.
  bool Flush(bool force) {
    if (!ok_ || (!force && text_.size() < kFlushBytes) || text_.empty()) return ok_;
    ok_ = sink_(text_);
    text_.clear();
    return ok_;
  }

 private:
  const ChunkSink& sink_;
  std::string text_;
  bool ok_ = true;
};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view format, std::string_view table) {
  if (format == "graphml") return ExportFormat::kGraphMl;
  if (format == "gexf") return ExportFormat::kGexf;
  if (format == "cytoscape") return ExportFormat::kCytoscape;
  if (format == "jsonl") return ExportFormat::kJsonl;
  if (format == "csv") {
    if (table.empty() || table == "edges") return ExportFormat::kCsvEdges;
    if (table == "nodes") return ExportFormat::kCsvNodes;
  }
  return std::nullopt;
}

const char* ExportContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return "application/graphml+xml";
    case ExportFormat::kGexf:
      return "application/gexf+xml";
    case ExportFormat::kCytoscape:
      return "application/json";
    case ExportFormat::kCsvNodes:
    case ExportFormat::kCsvEdges:
      return "text/csv";
    case ExportFormat::kJsonl:
      return "application/x-ndjson";
  }
  return "application/octet-stream";
}

const char* ExportFileExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kCytoscape:
      return "cyjs";
    case ExportFormat::kCsvNodes:
    case ExportFormat::kCsvEdges:
      return "csv";
    case ExportFormat::kJsonl:
      return "jsonl";
  }
  return "txt";
}

core::Status WriteExport(core::GraphReader& reader, const core::GraphSnapshot* snapshot,
                         const ExportScope& scope, ExportFormat format, const ChunkSink& sink) {
  std::unique_ptr<FormatWriter> writer = MakeWriter(format);
  Buffer buf(sink);
  writer->Begin(buf.text());
  if (scope.center) {
    if (!snapshot) return core::Status::Internal("a subgraph export needs a snapshot");
    core::EgoQuery q;
    q.center = snapshot->Find(*scope.center);
    if (q.center == core::GraphSnapshot::kNone)
      return core::Status::NotFound("no node " + IdToString(*scope.center));
    q.depth = scope.depth;
    q.max_nodes = scope.max_nodes;
    core::EgoNetwork ego = core::Ego(*snapshot, q);
    for (auto i : ego.nodes) {
      writer->Node(snapshot->node(i), buf.text());
      if (!buf.Flush(false)) return core::Status::IoError("export cancelled");
    }
    writer->BeginEdges(buf.text());
    for (uint32_t e : ego.edges) {
      writer->Edge(snapshot->edge(e), buf.text());
      if (!buf.Flush(false)) return core::Status::IoError("export cancelled");
    }
  } else {
    AG_RETURN_IF_ERROR(reader.ForEachNode([&](const core::Node& n) {
      if (n.merged_into == 0) writer->Node(n, buf.text());
      return buf.Flush(false);
    }));
    writer->BeginEdges(buf.text());
    AG_RETURN_IF_ERROR(reader.ForEachEdge([&](const core::Edge& e) {
      writer->Edge(e, buf.text());
      return buf.Flush(false);
    }));
  }
  writer->End(buf.text());
  if (!buf.Flush(true)) return core::Status::IoError("export cancelled");
  return core::Status::Ok();
}

}  // namespace actorgraph::api
