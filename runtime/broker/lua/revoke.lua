-- Revoke one task. PENDING/RETRY (or unknown) -> REVOKED at once and never runs; STARTED with
-- terminate -> flagged, workers are told to abort it; final states are left alone.
-- KEYS: 1 record; ARGV: 1 done channel prefix, 2 id, 3 terminate ('1'/'0'), 4 control channel, 5 ttl ms
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
redis.call('PEXPIRE', key, tonumber(redis.call('HGET', key, 'rx')) or tonumber(ARGV[5]))
return 'REVOKED'
