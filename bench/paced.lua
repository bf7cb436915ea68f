-- wrk script: the same pace as bench/helpful.lua (DELAY_MS between requests on each connection), asking for the
-- path given on the command line: the control for the marks, the same side traffic without writing anything.
local pause = tonumber(os.getenv("DELAY_MS") or "40")

function delay()
  return pause
end
