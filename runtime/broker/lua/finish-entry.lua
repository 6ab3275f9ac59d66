-- KEYS: the finish layout (see finish.lua); ARGV: 1 done channel prefix, then the finish layout
-- Returns the ids of refused (superseded) outcomes.
local _, refused = finish(0, 1, now_ms(), ARGV[1])
return refused
