-- Revoke one task. PENDING/RETRY (or unknown) -> REVOKED at once and never runs; STARTED with
-- terminate -> flagged, workers are told to abort it; final states are left alone.
-- KEYS: 1 record, then its canvas failure keys (canvas_fail in canvas.lua; none outside a canvas),
--       or with ARGV[6] = 'r' this slot's canvas outbox (its canvas keys lie in other slots)
-- ARGV: 1 done channel prefix, 2 id, 3 terminate ('1'/'0'), 4 control channel, 5 ttl ms, 6 'r' or ''
-- Returns the state, or for a canvas task revoked here {state, deferred outbox entries}.
local key, now, id = KEYS[1], now_ms(), ARGV[2]
local state = redis.call('HGET', key, 's')
if state and FINAL[state] then return state end
if state == 'STARTED' then
  if ARGV[3] == '1' then
    redis.call('HSET', key, 'rv', 'terminate')
    redis.call('PUBLISH', ARGV[4], cjson.encode({ op = 'revoke', id = id }))
  end
  return state
end
-- Unknown ids get a REVOKED record too, so a later enqueue with this id is refused like Celery's revoked set.
finish_final(key, 'REVOKED', 'err', '', now, ARGV[1], id, 'revoked')
-- A record without rx has the default ttl (enqueue leaves it out); ARGV[5] is for ids never enqueued.
local ttl = tonumber(redis.call('HGET', key, 'rx')) or (state and 86400000) or tonumber(ARGV[5])
redis.call('PEXPIRE', key, ttl)
-- Part of a canvas: in the same call, its chain stops and its chord fails.
if #KEYS > 1 then
  local rec = redis.call('HMGET', key, 'cv', 'n')
  local ok, cv = pcall(cjson.decode, rec[1] or '')
  local err = '{"name":"TaskRevokedError","message":"task revoked: revoked"}'
  if ok and type(cv) == 'table' then
    if ARGV[6] == 'r' then canvas_defer(KEYS[2], 'fail', id, rec[2] or '', err, ttl, rec[1], now)
    else canvas_fail(cv, id, rec[2] or '', err, ttl, 2, now, ARGV[1]) end
  end
  return { 'REVOKED', DEFERRED }
end
return 'REVOKED'
