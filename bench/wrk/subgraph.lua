-- wrk -s bench/wrk/subgraph.lua: GET /api/v1/subgraph?depth=1&max_nodes=100&center=... over $WRK_URLS_DIR/node_ids.txt
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local urls = require("urls")
urls.cycle("node_ids.txt", function(v) return "/api/v1/subgraph?depth=1&max_nodes=100&center=" .. v end)
done = urls.done
