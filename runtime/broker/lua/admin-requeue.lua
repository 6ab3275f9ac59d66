-- Admin: put one dead-lettered task back on its ready list as if it were new (retries and deliveries
-- reset, error and reason cleared, expiry dropped since it referred to the original send).
-- KEYS: 1 dead, 2 record, 3 ready list of (queue, priority), 4 signal of queue, 5 recent
-- ARGV: 1 id, 2 queue, 3 priority, 4 recent cap
-- Returns 'requeued', or why not: 'not_dead', 'no_record', 'moved' (record's queue/priority differ
-- from what the caller read, so KEYS[3] would be the wrong list; the caller re-reads and retries).
local dead, key, ready, signal, recent = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local id, queue, prio, now = ARGV[1], ARGV[2], ARGV[3], now_ms()
if not redis.call('ZSCORE', dead, id) then return 'not_dead' end
ensure_type(ready, 'list')
local rec = redis.call('HMGET', key, 's', 'q', 'p')
if not rec[1] then return 'no_record' end
-- An absent priority is 5 (enqueue leaves default fields out).
if rec[2] ~= queue or tostring(rec[3] or '5') ~= prio then return 'moved' end
redis.call('HDEL', key, 'err', 'why', 'res', 'st', 'ft', 'w', 'rv', 'pg', 'am')
redis.call('HSET', key, 's', 'PENDING', 'r', 0, 'd', 0, 'eta', 0, 'e', 0)
redis.call('PERSIST', key)
redis.call('ZREM', dead, id)
redis.call('LPUSH', ready, id)
index_and_wake(recent, signal, { now, id }, tonumber(ARGV[4]))
return 'requeued'
