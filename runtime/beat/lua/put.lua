-- Stores an entry's definition and its place in the due ZSET in one step.
-- KEYS: 1 entries, 2 due, 3 disabled
-- ARGV: 1 name, 2 definition JSON, 3 mode ('create' fails on an existing name, 'replace' on a missing one),
--       4 enabled ('1', '0', or 'keep' the current flag), 5 next due ms ('' none, 'keep' leave as is),
--       6 pub/sub channel told about a new next run (wakes a sleeping beat)
-- Returns 1 stored, 0 the name exists (create), -1 no such entry (replace).
local name, mode, enabled, next_due = ARGV[1], ARGV[3], ARGV[4], ARGV[5]
local exists = redis.call('HEXISTS', KEYS[1], name) == 1
if mode == 'create' and exists then return 0 end
if mode == 'replace' and not exists then return -1 end
-- Before the definition is written: a retry after quarantine must not find it stored half-way.
ensure_type(KEYS[2], 'zset')
ensure_type(KEYS[3], 'set')
redis.call('HSET', KEYS[1], name, ARGV[2])
if enabled == '1' then
  redis.call('SREM', KEYS[3], name)
elseif enabled == '0' or redis.call('SISMEMBER', KEYS[3], name) == 1 then
  redis.call('SADD', KEYS[3], name)
  redis.call('ZREM', KEYS[2], name)
  return 1
end
if next_due == '' then
  redis.call('ZREM', KEYS[2], name)
elseif next_due ~= 'keep' then
  redis.call('ZADD', KEYS[2], next_due, name)
  redis.call('PUBLISH', ARGV[6], name)
end
return 1
