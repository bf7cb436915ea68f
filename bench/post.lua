-- wrk script: each connection posts new top-level comments to the general discussion, every body unique.
local counter = 0
local thread_id = 0
local token = os.getenv("FORM_TOKEN")
local path = os.getenv("POST_PATH")
local run = os.getenv("BENCH_RUN") or ""

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  local body = "discussion=general&form_token=" .. token .. "&body=benchmark+comment+" .. run .. "-" .. id .. "-" .. counter
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
