// GET /api/v1/export (streamed, chunked) and GET /api/v1/openapi.json.
#include "actorgraph/api/export.h"
#include "actorgraph/api/json_codec.h"
#include "api_context.h"
#include "node_param.h"

namespace actorgraph::api {

namespace {

void Export(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string format_name = RequiredParam(req, "format");
  auto format = ParseExportFormat(format_name, Param(req, "table").value_or(""));
  if (!format)
    Fail(400, "invalid_format",
         "'format' must be graphml, gexf, cytoscape, csv (table=nodes|edges) or jsonl");
  ExportScope scope;
  std::shared_ptr<const core::GraphSnapshot> snap;
  std::shared_ptr<core::GraphReader> reader = ctx.store.Read();
  if (Param(req, "center")) {
    scope.center = NodeParam(*reader, req, "center").id;
    scope.depth = SizeParam(req, "depth", 1, 0, kMaxSubgraphDepth);
    scope.max_nodes = SizeParam(req, "max_nodes", scope.max_nodes, 1, scope.max_nodes);
    snap = ctx.Snapshot();
    if (snap->Find(*scope.center) == core::GraphSnapshot::kNone)
      Fail(404, "not_found", "no node " + IdToString(*scope.center));
  }
  res.set_header("Content-Disposition", std::string("attachment; filename=\"actorgraph.") +
                                            ExportFileExtension(*format) + "\"");
  res.set_chunked_content_provider(
      ExportContentType(*format),
      [reader, snap, scope, format = *format](size_t, httplib::DataSink& sink) {
        core::Status st = WriteExport(
            *reader, snap.get(), scope, format,
            [&sink](std::string_view chunk) { return sink.write(chunk.data(), chunk.size()); });
        if (!st.ok()) return false;  // the client sees a truncated chunked body
        sink.done();
        return true;
      });
}

void OpenApi(ApiContext&, const httplib::Request&, httplib::Response& res) {
  res.set_content(OpenApiDocument(), "application/json");
}

}  // namespace

void AddExportRoutes(RouteTable& routes, ApiContext& ctx) {
  routes.Get("/api/v1/export", Bound(ctx, Export));
  routes.Get("/api/v1/openapi.json", Bound(ctx, OpenApi));
}

}  // namespace actorgraph::api
