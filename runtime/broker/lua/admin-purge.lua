-- Admin: delete dead letters. Task members lose their FAILURE record too (nothing else refers to a
-- purged dead task); raw members lose their stored payload.
-- KEYS: 1 dead, 2 dead_raw, then one record per task member
-- ARGV: 1 number of task members n, then n task ids (matching KEYS[3..]), then raw refs
-- Returns how many members were removed from the dead set.
-- Keys before the first record (purgeKeys in admin/actions/purge-dead.ts; checked by test/schema.test.ts).
local FIXED_KEYS = 2
local dead, dead_raw = KEYS[1], KEYS[2]
local n = tonumber(ARGV[1])
local removed = 0
for i = 1, n do
  if redis.call('ZREM', dead, ARGV[1 + i]) == 1 then
    removed = removed + 1
    local key = KEYS[FIXED_KEYS + i]
    if redis.call('HGET', key, 's') == 'FAILURE' then redis.call('DEL', key) end
  end
end
for i = n + 2, #ARGV do
  removed = removed + redis.call('ZREM', dead, ARGV[i])
  redis.call('HDEL', dead_raw, ARGV[i])
end
return removed
