-- wrk script for bench/trace-page.sh: GET each path of $PATHS_FILE in turn (one path a line), Accept text/html.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local i = math.random(#paths)

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept"] = "text/html", ["Accept-Language"] = "vi" })
end
