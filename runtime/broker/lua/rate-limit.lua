-- GCRA limiter shared by all workers, without bursts (Celery's token bucket of capacity 1): starts
-- are spaced at least interval/limit apart, so no window of `interval` sees more than `limit`.
-- Timed by Redis's clock, so workers with skewed clocks share one schedule.
-- KEYS: 1 limiter state; ARGV: 1 limit, 2 interval ms. Returns 0 if allowed, else ms to wait.
local now, limit, interval = now_ms(), tonumber(ARGV[1]), tonumber(ARGV[2])
local step = interval / limit
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat > now then return math.ceil(tat - now) end
redis.call('SET', KEYS[1], tostring(now + step), 'PX', math.ceil(step) + 1000)
return 0
