-- wrk script for bench/trace-abuse.sh: the attacker's load. GET one genuine stamp URL ($ABUSE_PATH, already with
-- ?8030=...) with a junk query parameter that is different on every request (thread number + counter, padded to
-- $JUNK_CHARS characters), Accept text/html. $ABUSE_DELAY_MS paces each connection so the abuse is a steady rate,
-- not a second saturating load: what is measured is the memory it leaves behind, not the CPU it takes.
local path = os.getenv("ABUSE_PATH")
local pad = string.rep("x", tonumber(os.getenv("JUNK_CHARS") or "1000"))
local pause = tonumber(os.getenv("ABUSE_DELAY_MS") or "0")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", path .. "&junk=" .. tid .. "-" .. n .. "-" .. pad,
    { ["Accept"] = "text/html", ["Accept-Language"] = "vi" })
end

delay = function()
  return pause
end
