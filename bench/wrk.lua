-- wrk script of the scale benchmark: requests read from the file WRK_PERMINTAAN, one a line
-- (method, path, Host, bearer token, JSON body; tab-separated, empty fields allowed), taken
-- in turn from a different start per thread. Each thread stops after WRK_MAKS requests
-- (the count bound; -d is the time bound). With WRK_TUTUP=1 every request asks for its
-- connection to be closed (wrk opens a new one). done() prints one JSON line with the figures.
local permintaan = {}
local maks = tonumber(os.getenv("WRK_MAKS") or "1000000")
local nomor_thread = 0

for baris in io.lines(os.getenv("WRK_PERMINTAAN")) do
  local f = {}
  for kolom in (baris .. "\t"):gmatch("([^\t]*)\t") do table.insert(f, kolom) end
  local headers = {["Host"] = f[3]}
  if f[4] ~= "" then headers["Authorization"] = "Bearer " .. f[4] end
  if os.getenv("WRK_TUTUP") == "1" then headers["Connection"] = "close" end
  local body = nil
  if f[5] ~= nil and f[5] ~= "" then
    body = f[5]
    headers["Content-Type"] = "application/json"
  end
  table.insert(permintaan, wrk.format(f[1], f[2], headers, body))
end

function setup(thread)
  thread:set("mulai", nomor_thread * 7919)
  nomor_thread = nomor_thread + 1
end

local i, n = 0, 0
function init(args)
  i = mulai or 0
end

function request()
  i = i + 1
  return permintaan[(i % #permintaan) + 1]
end

function response(status, headers, body)
  n = n + 1
  if n >= maks then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "status_errors": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
