// What every route handler shares: the store, the server options and the caches over the
// graph (snapshot, analytics, name search). Route files register their handlers with Add*Routes.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "actorgraph/api/server.h"
#include "actorgraph/core/analytics.h"
#include "actorgraph/core/duplicates.h"
#include "actorgraph/core/graph_snapshot.h"
#include "actorgraph/core/search.h"
#include "http_util.h"
#include "route_table.h"

namespace actorgraph::api {

class ApiContext {
 public:
  ApiContext(core::GraphStore& store, const ServerOptions& options)
      : store(store),
        options(options),
        snapshots(store),
        analytics(snapshots),
        searcher(snapshots),
        duplicates(snapshots) {}

  // The snapshot of the current graph (500 when it cannot be built).
  std::shared_ptr<const core::GraphSnapshot> Snapshot();
  // Checks that the request may write: 403 "read_only" on a read-only server, 401 without and
  // 403 with a wrong bearer token when a token is set. Returns who writes: the token's name
  // (--token NAME=SECRET; "token" for a bare secret) or "anonymous".
  std::string AuthorizeWrite(const httplib::Request& req) const;

  core::GraphStore& store;
  const ServerOptions& options;
  core::SnapshotCache snapshots;
  core::AnalyticsCache analytics;
  core::NameSearcher searcher;
  core::DuplicateSuggester duplicates;
};

// A handler over the context, guarded (HttpError answered as JSON).
using Route = void (*)(ApiContext&, const httplib::Request&, httplib::Response&);
Handler Bound(ApiContext& ctx, Route fn);

void AddReadRoutes(RouteTable& routes, ApiContext& ctx);     // search, nodes, edges
void AddGraphRoutes(RouteTable& routes, ApiContext& ctx);    // paths, subgraph, analytics, events
void AddArticleRoutes(RouteTable& routes, ApiContext& ctx);  // articles: list, one with its graph
void AddWriteRoutes(RouteTable& routes, ApiContext& ctx);    // ingesting articles, curation
// duplicate suggestions and distinct-actor judgements
void AddSuggestionRoutes(RouteTable& routes, ApiContext& ctx);
void AddExportRoutes(RouteTable& routes, ApiContext& ctx);  // export, openapi.json
void AddQueryRoutes(RouteTable& routes, ApiContext& ctx);   // the query language (core/query.h)
void AddFeedRoutes(RouteTable& routes, ApiContext& ctx);    // followed feeds: list, add, remove

// The OpenAPI 3 document of the API.
const std::string& OpenApiDocument();

}  // namespace actorgraph::api
