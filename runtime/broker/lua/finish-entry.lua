-- KEYS: the finish layout (see finish.lua); ARGV: 1 done channel prefix, then the finish layout
-- Returns {ids of refused (superseded) outcomes, deferred canvas outbox entries}.
local _, refused, deferred = finish(0, 1, now_ms(), ARGV[1])
return { refused, deferred }
