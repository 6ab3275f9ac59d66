-- Applies one slot's part of a deferred canvas effect (runtime/canvas/relay.ts splits an outbox
-- entry by slot). Every canvas step is idempotent, so a part applied twice (a sweeper repeating a
-- crashed relay) changes nothing.
-- KEYS: the part's keys as canvas_ok / canvas_fail take them (canvas.lua), then this slot's dead set
-- ARGV: 1 kind ('ok'|'fail'), 2 the part's canvas record JSON, 3 id, 4 name, 5 payload JSON,
--       6 result ttl ms, 7 done channel prefix, 8 the KEYS index of this slot's outbox when the part
--       counts a chord whose callbacks lie in other slots, else 0
-- Returns the entries it deferred in turn (a chord that fired with callbacks elsewhere).
local now = now_ms()
local cv = cjson.decode(ARGV[2])
local relay_at = tonumber(ARGV[8])
if relay_at == 0 then relay_at = nil end
if ARGV[1] == 'ok' then
  canvas_ok(cv, ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6]), 1, now, KEYS[#KEYS], ARGV[7], relay_at)
else
  canvas_fail(cv, ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6]), 1, now, ARGV[7])
end
return DEFERRED
