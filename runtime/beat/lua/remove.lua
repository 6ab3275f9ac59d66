-- Deletes an entry with its schedule and run state.
-- KEYS: 1 entries, 2 due, 3 disabled, 4 run count, 5 last run
-- ARGV: 1 name
-- Returns 1 removed, 0 no such entry.
local name = ARGV[1]
-- Before the definition goes: a retry after quarantine must still find the entry.
ensure_type(KEYS[2], 'zset')
ensure_type(KEYS[3], 'set')
ensure_type(KEYS[4], 'hash')
ensure_type(KEYS[5], 'hash')
if redis.call('HDEL', KEYS[1], name) == 0 then return 0 end
redis.call('ZREM', KEYS[2], name)
redis.call('SREM', KEYS[3], name)
redis.call('HDEL', KEYS[4], name)
redis.call('HDEL', KEYS[5], name)
return 1
