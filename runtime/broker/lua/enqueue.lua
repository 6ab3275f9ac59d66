-- Enqueue a batch of tasks for one queue and one priority; existing ids are left alone (idempotent).
-- KEYS: 1 ready list, 2 delayed, 3 signal, 4 recent, 5.. task records (one per task)
-- ARGV: 1 now, 2 queue, 3 priority, 4 recent cap, then 6 per task: id, name, args, eta, expires-at, result ttl
local now = tonumber(ARGV[1])
local out, ready, recent = {}, {}, {}
for i = 1, #KEYS - 4 do
  local b = 4 + (i - 1) * 6
  local id = ARGV[b + 1]
  local written = enqueue_one({ key = KEYS[4 + i], id = id, name = ARGV[b + 2], args = ARGV[b + 3], queue = ARGV[2],
    prio = ARGV[3], eta = ARGV[b + 4], expires_at = ARGV[b + 5], result_ttl = ARGV[b + 6], now = now, delayed = KEYS[2] })
  if written == 1 then ready[#ready + 1] = id end
  if written > 0 then
    recent[#recent + 1] = now
    recent[#recent + 1] = id
  end
  out[i] = written > 0 and 1 or 0
end
if #ready > 0 then redis.call('LPUSH', KEYS[1], unpack(ready)) end
index_and_wake(KEYS[4], KEYS[3], recent, tonumber(ARGV[4]))
return out
