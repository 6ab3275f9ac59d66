-- GCRA limiter shared by all workers: allows `limit` starts per `interval` with bursts up to `limit`.
-- KEYS: 1 limiter state; ARGV: 1 now, 2 limit, 3 interval ms. Returns 0 if allowed, else ms to wait.
local now, limit, interval = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local step = interval / limit
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local wait = tat - now - (interval - step)
if wait > 0 then return math.ceil(wait) end
redis.call('SET', KEYS[1], tostring(tat + step), 'PX', math.ceil(interval * 2))
return 0
