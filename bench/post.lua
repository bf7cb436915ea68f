-- wrk script: each connection posts new top-level comments to the general discussion, every body unique.
-- With COOKIES set (author cookies, comma-separated), the posts take turns among those browsers.
local counter = 0
local thread_id = 0
local token = os.getenv("FORM_TOKEN")
local path = os.getenv("POST_PATH")
local run = (os.getenv("BODY_TAG") or "") .. (os.getenv("BENCH_RUN") or "")
local cookies = {}
for cookie in string.gmatch(os.getenv("COOKIES") or "", "[^,]+") do
  table.insert(cookies, cookie)
end

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  local body = "discussion=general&form_token=" .. token .. "&body=benchmark+comment+" .. run .. "-" .. id .. "-" .. counter
  -- A browser sends Origin with every POST, and the server refuses a form without one.
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded",
                   ["Origin"] = wrk.scheme .. "://" .. wrk.host .. ":" .. wrk.port}
  if #cookies > 0 then
    headers["Cookie"] = cookies[(counter + id) % #cookies + 1]
  end
  return wrk.format("POST", path, headers, body)
end
