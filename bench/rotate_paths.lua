-- wrk script: every request asks for another device's file, rotating through a list of paths.
-- Arguments after "--": <paths file> <"close"|"keepalive">. Prints one machine-readable RESULT line.
local paths = {}
local counter = 0
local next_thread_id = 0

setup = function(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  if args[2] == "close" then
    wrk.headers["Connection"] = "close"
  end
  -- threads start at different places in the list so they do not ask for the same device at once
  counter = (thread_id or 0) * 499
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "status_errors": %d, "timeouts": %d, "p50_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
