-- wrk -s bench/wrk/node.lua: GET /api/v1/nodes/... over $WRK_URLS_DIR/node_ids.txt
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local urls = require("urls")
urls.cycle("node_ids.txt", function(v) return "/api/v1/nodes/" .. v end)
done = urls.done
