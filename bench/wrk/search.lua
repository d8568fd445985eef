-- wrk -s bench/wrk/search.lua: GET /api/v1/search?limit=10&q=... over $WRK_URLS_DIR/names.txt
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local urls = require("urls")
urls.cycle("names.txt", function(v) return "/api/v1/search?limit=10&q=" .. v end)
done = urls.done
