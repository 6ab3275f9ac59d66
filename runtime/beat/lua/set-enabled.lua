-- Enables or disables an entry. Enabling an entry that is already enabled keeps its next run.
-- KEYS: 1 entries, 2 due, 3 disabled
-- ARGV: 1 name, 2 '1' enable / '0' disable, 3 next due ms when enabling ('' none),
--       4 pub/sub channel told about a new next run (wakes a sleeping beat)
-- Returns -1 no such entry, 0 unchanged, 1 changed.
local name = ARGV[1]
if redis.call('HEXISTS', KEYS[1], name) == 0 then return -1 end
if ARGV[2] == '0' then
  redis.call('ZREM', KEYS[2], name)
  return redis.call('SADD', KEYS[3], name)
end
if redis.call('SREM', KEYS[3], name) == 0 then return 0 end
if ARGV[3] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[3], name)
  redis.call('PUBLISH', ARGV[4], name)
end
return 1
