-- Send a canvas: write its chord and group records and enqueue its first tasks, all or nothing.
-- KEYS: 1 recent, then one per chord record, one per group record, then 4 per envelope (record,
--       ready list of its priority, delayed, signal)
-- ARGV: 1 chord count, 2 group count, then 3 per chord (header size, callback envelopes JSON, header ids JSON),
--       2 per group (members JSON, ttl ms), then one envelope JSON per task (see canvas.lua)
-- Returns the number of tasks written (ids that existed are left alone).
local now = now_ms()
local nch, ngr = tonumber(ARGV[1]), tonumber(ARGV[2])
local kc, ac = 2, 3
for _ = 1, nch do
  if redis.call('EXISTS', KEYS[kc]) == 0 then
    redis.call('HSET', KEYS[kc], 'n', ARGV[ac], 'cb', ARGV[ac + 1], 'h', ARGV[ac + 2], 'done', 0, 'c', now)
  end
  kc, ac = kc + 1, ac + 3
end
for _ = 1, ngr do
  redis.call('SET', KEYS[kc], ARGV[ac], 'PX', ARGV[ac + 1], 'NX')
  kc, ac = kc + 1, ac + 2
end
local written = 0
for i = ac, #ARGV do
  local env = cjson.decode(ARGV[i])
  if redis.call('EXISTS', KEYS[kc]) == 0 then written = written + 1 end
  canvas_send(env, nil, nil, KEYS[1], kc, now)
  kc = kc + 4
end
return written
