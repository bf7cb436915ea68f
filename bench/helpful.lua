-- wrk script: marks comments helpful and takes the marks back, at a fixed pace. Each connection waits DELAY_MS
-- (default 40) milliseconds between marks; measured here, a connection then sends about 13 a second, so -c4 sends
-- about 50. Without cookies, each mark comes from a new browser, as marks from many readers do. COMMENTS: how
-- many of the first comment ids to pick from.
local token = os.getenv("FORM_TOKEN")
local article = os.getenv("ARTICLE")
local comments = tonumber(os.getenv("COMMENTS") or "1000")
local pause = tonumber(os.getenv("DELAY_MS") or "40")
local counter = 0

function delay()
  return pause
end

function request()
  counter = counter + 1
  local id = math.random(1, comments)
  local helpful = (counter % 4 == 0) and "no" or "yes"
  local body = "helpful=" .. helpful .. "&form_token=" .. token
  return wrk.format("POST", article .. "/comments/" .. id .. "/helpful",
      {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json",
       ["Origin"] = wrk.scheme .. "://" .. wrk.host .. ":" .. wrk.port}, body)
end
