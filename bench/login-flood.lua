-- wrk script for bench/login-flood.sh: every request signs in as a random, made-up username with a wrong
-- password, and the answers are counted by status.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  c200, c401, c429, c5xx, cother = 0, 0, 0, 0, 0
end

request = function()
  local name = string.format("flood.%08x%04x", math.random(0, 0x7fffffff), math.random(0, 0xffff))
  return wrk.format("POST", "/api/auth/login", { ["Content-Type"] = "application/json" },
    '{"username":"' .. name .. '","password":"wrong-password-2026"}')
end

response = function(status, headers, body)
  if status == 200 then c200 = c200 + 1
  elseif status == 401 then c401 = c401 + 1
  elseif status == 429 then c429 = c429 + 1
  elseif status >= 500 then c5xx = c5xx + 1
  else cother = cother + 1 end
end

done = function(summary, latency, requests)
  local t = { c200 = 0, c401 = 0, c429 = 0, c5xx = 0, cother = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(t) do
      t[name] = t[name] + (thread:get(name) or 0)
    end
  end
  io.write(string.format("flood answers by status: 200=%d 401=%d 429=%d 5xx=%d other=%d\n",
    t.c200, t.c401, t.c429, t.c5xx, t.cother))
end
