-- Admin: delete dead letters. Task members lose their FAILURE record too (nothing else refers to a
-- purged dead task); raw members lose their stored payload.
-- KEYS: 1 dead, 2 dead_raw, then one record per task member
-- ARGV: 1 number of task members n, then n task ids (matching KEYS[3..]), then raw refs
-- Returns how many members were removed from the dead set.
local dead, dead_raw = KEYS[1], KEYS[2]
local n = tonumber(ARGV[1])
local removed = 0
for i = 1, n do
  if redis.call('ZREM', dead, ARGV[1 + i]) == 1 then
    removed = removed + 1
    if redis.call('HGET', KEYS[2 + i], 's') == 'FAILURE' then redis.call('DEL', KEYS[2 + i]) end
  end
end
for i = n + 2, #ARGV do
  removed = removed + redis.call('ZREM', dead, ARGV[i])
  redis.call('HDEL', dead_raw, ARGV[i])
end
return removed
