-- Store progress only on a record that still exists and runs (never re-create a forgotten one), and
-- only from its current delivery: a superseded one is refused and counted like a fenced finish.
-- KEYS: 1 record, 2 stats of its queue; ARGV: 1 progress JSON, 2 delivery token
-- Returns 1 stored, 0 not running, -1 refused (superseded delivery).
local key, stats = KEYS[1], KEYS[2]
local rec = redis.call('HMGET', key, 's', 'tk')
if rec[1] == 'STARTED' then
  if rec[2] ~= ARGV[2] then
    redis.call('HINCRBY', stats, 'fenced', 1)
    return -1
  end
  redis.call('HSET', key, 'pg', ARGV[1])
  return 1
end
return 0
