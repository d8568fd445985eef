-- Shared by the wrk scripts of bench/wrk: cycles through a list of values read from
-- $WRK_URLS_DIR/<file> (written by `bench_graph --export-urls DIR`), one request each,
-- every wrk thread starting at a different offset.
local M = {}

function M.load(file)
  local dir = os.getenv("WRK_URLS_DIR") or "/tmp/agbench/urls"
  local list = {}
  for line in io.lines(dir .. "/" .. file) do
    if #line > 0 then list[#list + 1] = line end
  end
  assert(#list > 0, "no values in " .. dir .. "/" .. file)
  return list
end

-- Installs request() cycling through format(value) for each value of the list.
function M.cycle(file, format)
  local list = M.load(file)
  local i = 0
  local counter = 0
  setup = function(thread)
    counter = counter + 1
    thread:set("start", counter * 97)
  end
  init = function(args)
    i = (start or 0) % #list
  end
  request = function()
    i = i % #list + 1
    return wrk.format("GET", format(list[i]))
  end
  response = function(status, headers, body)
    if status ~= 200 then
      errors_seen = (errors_seen or 0) + 1
      if errors_seen <= 3 then io.stderr:write("HTTP " .. status .. ": " .. body:sub(1, 200) .. "\n") end
    end
  end
end

-- Prints one JSON line with requests/s and latency percentiles (microseconds).
function M.done(summary, latency, requests)
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end

return M
