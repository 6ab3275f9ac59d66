-- A canvas task that ended without a run to record (revoked before it started, expired, poison,
-- its acks_late=false worker lost): set off what its failure sets off, as finish.lua does after a
-- FAILURE (doom the results that can no longer come, fail its chord, send its error links).
-- Idempotent: every part of canvas_fail is, so a repeat (a revoke racing a start) changes nothing.
-- KEYS: 1 record, then the fail keys (canvas_fail in canvas.lua), or with ARGV[3] = 'r' this slot's
-- canvas outbox (the fail keys lie in other slots); ARGV: 1 done channel prefix, 2 id, 3 'r' or ''
-- Returns the deferred outbox entries (none when it acted in place, or when the task is not failed
-- or revoked, or has no canvas record).
local rec = redis.call('HMGET', KEYS[1], 's', 'cv', 'n', 'err', 'why', 'rx')
if rec[1] ~= 'FAILURE' and rec[1] ~= 'REVOKED' then return DEFERRED end
local ok, cv = pcall(cjson.decode, rec[2] or '')
if not ok or type(cv) ~= 'table' then return DEFERRED end
local err = rec[4]
if not err or err == '' or not pcall(cjson.decode, err) then
  local name = rec[1] == 'REVOKED' and 'TaskRevokedError' or 'TaskFailedError'
  err = cjson.encode({ name = name, message = 'task ' .. string.lower(rec[1]) .. ': ' .. tostring(rec[5] or '') })
end
local ttl = tonumber(rec[6]) or 86400000
if ARGV[3] == 'r' then canvas_defer(KEYS[2], 'fail', ARGV[2], rec[3] or '', err, ttl, rec[2], now_ms())
else canvas_fail(cv, ARGV[2], rec[3] or '', err, ttl, 2, now_ms(), ARGV[1]) end
return DEFERRED
